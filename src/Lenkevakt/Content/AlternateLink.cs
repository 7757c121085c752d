namespace Lenkevakt.Content;

/// <summary>An hreflang alternate as declared on a page and resolved against it (null when it does not resolve to http(s)).</summary>
public sealed record AlternateLink(string HrefLang, string Href, string? Resolved);
