namespace Lenkevakt.Html;

/// <summary>Which URLs may become links in rendered pages.</summary>
public static class SafeUrl
{
    /// <summary>
    /// The URL, normalised (<see cref="Uri.AbsoluteUri"/>: percent-encoded, no whitespace), when it is an absolute
    /// http or https URL; otherwise null. <c>javascript:</c>, <c>data:</c>, <c>file:</c>, <c>mailto:</c>, relative and
    /// malformed URLs never become links.
    /// </summary>
    public static string? Http(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }

        return uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(uri.Host) ? uri.AbsoluteUri : null;
    }

    /// <summary>True for a relative reference that cannot leave the app or carry a scheme: starts with <c>?</c>, <c>/</c> (not <c>//</c>) or a path letter.</summary>
    public static bool IsLocal(string relative) =>
        relative.Length > 0
        && !relative.StartsWith("//", StringComparison.Ordinal)
        && !relative.Contains(':', StringComparison.Ordinal)
        && !relative.Any(char.IsWhiteSpace)
        && (relative[0] is '?' or '/' or '.' || char.IsAsciiLetterOrDigit(relative[0]));
}
