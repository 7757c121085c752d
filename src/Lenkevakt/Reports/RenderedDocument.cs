namespace Lenkevakt.Reports;

/// <summary>A rendered page or file: its content type, the text, and a file name when it is meant as a download.</summary>
public sealed record RenderedDocument(string ContentType, string Body, string? FileName);
