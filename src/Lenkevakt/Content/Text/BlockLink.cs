namespace Lenkevakt.Content.Text;

/// <summary>A link (or language-picker option) inside a text block: the raw href and its visible text.</summary>
public sealed record BlockLink(string Href, string Text, string? HrefLang = null);
