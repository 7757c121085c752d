using System.Text;

namespace Lenkevakt.Crawling;

/// <summary>A page's text and the encoding it was read with (<see cref="HtmlDecoding.DecodePage"/>).</summary>
/// <param name="UndecodableCharset">The charset the page declared but that cannot be decoded (e.g. <c>utf-7</c>); the text was then read with the fallback (UTF-8 or windows-1252). Null when the page was read as declared.</param>
public sealed record DecodedHtml(string Text, Encoding Encoding, string? UndecodableCharset);
