using System.Text;
using Lenkevakt.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Lenkevakt.Functions;

internal static class RenderedDocumentResult
{
    /// <summary>The body with its content type; as a download (Content-Disposition: attachment) when it names a file.</summary>
    public static IActionResult ToActionResult(this RenderedDocument document) => document.FileName is null
        ? new ContentResult { Content = document.Body, ContentType = document.ContentType, StatusCode = document.StatusCode }
        : new FileContentResult(Encoding.UTF8.GetBytes(document.Body), document.ContentType) { FileDownloadName = document.FileName };
}
