namespace Lenkevakt.Html;

/// <summary>A rendered page or file: its content type, the text, a file name when it is meant as a download, and the HTTP status to serve it with (404 for an unknown site).</summary>
public sealed record RenderedDocument(string ContentType, string Body, string? FileName, int StatusCode = 200);
