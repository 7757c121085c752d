namespace Lenkevakt.Checks;

/// <summary>What kind of target an href is, after resolving it against the page.</summary>
public enum LinkTargetKind
{
    /// <summary>An http(s) URL: fetched (crawled or checked).</summary>
    Http,
    Mailto,
    Tel,
    File,

    /// <summary><c>javascript:</c>, <c>data:</c> and similar: never fetched, never reported.</summary>
    Ignored,

    /// <summary>Another scheme (ftp:, sms:, …) or an href that is not a valid URL.</summary>
    Unsupported,
}

/// <summary>A validated link: the raw href resolved to an absolute target (without fragment) plus its fragment.</summary>
public sealed record LinkTarget(LinkTargetKind Kind, string Target, string? Fragment)
{
    /// <summary>Resolves an href found on a page. Whitespace is trimmed; the fragment is split off (and kept raw).</summary>
    public static LinkTarget Resolve(Uri baseUri, string href)
    {
        var h = href.Trim().Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal);
        var colon = h.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon > 0 && h[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') ? h[..colon].ToLowerInvariant() : null;
        switch (scheme)
        {
            case "mailto":
                return new LinkTarget(LinkTargetKind.Mailto, h, null);
            case "tel" or "callto":
                return new LinkTarget(LinkTargetKind.Tel, h, null);
            case "file":
                return new LinkTarget(LinkTargetKind.File, h, null);
            case "javascript" or "data" or "about" or "blob":
                return new LinkTarget(LinkTargetKind.Ignored, h, null);
            case null or "http" or "https":
                break;
            default:
                // A Windows path like C:\Users\... is a local file, not a scheme.
                if (scheme.Length == 1)
                {
                    return new LinkTarget(LinkTargetKind.File, h, null);
                }

                return new LinkTarget(LinkTargetKind.Unsupported, h, null);
        }

        if (h.StartsWith(@"\\", StringComparison.Ordinal))
        {
            return new LinkTarget(LinkTargetKind.File, h, null);
        }

        if (!Uri.TryCreate(baseUri, h, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
        {
            return new LinkTarget(LinkTargetKind.Unsupported, h, null);
        }

        var fragment = uri.Fragment.Length > 1 ? uri.Fragment[1..] : null;
        return new LinkTarget(LinkTargetKind.Http, WithoutFragment(uri), fragment);
    }

    /// <summary>The canonical key of a URL: absolute, no fragment.</summary>
    public static string WithoutFragment(Uri uri) => uri.Fragment.Length == 0 ? uri.AbsoluteUri : uri.GetLeftPart(UriPartial.Query);
}
