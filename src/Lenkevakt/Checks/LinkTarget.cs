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

    /// <summary>Another scheme (ftp:, sms:, …): not checked.</summary>
    Unsupported,

    /// <summary>An http(s) or scheme-less href that is not a valid URL (<c>//////</c>, <c>http://localhost]</c>, <c>http://.example.org/</c>, <c>http://host:____/</c>).</summary>
    Malformed,
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

        if (!Uri.TryCreate(baseUri, h, out var uri) || string.IsNullOrEmpty(uri.Host) || uri.Host.StartsWith('.'))
        {
            return new LinkTarget(LinkTargetKind.Malformed, h, null);
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return new LinkTarget(LinkTargetKind.Unsupported, h, null);
        }

        var fragment = uri.Fragment.Length > 1 ? uri.Fragment[1..] : null;
        return new LinkTarget(LinkTargetKind.Http, WithoutFragment(uri), fragment);
    }

    /// <summary>
    /// The canonical key of a URL: absolute, no fragment, and an internationalised host in its ASCII (IDNA) form, so
    /// <c>https://bø.kommune.no/</c> and <c>https://xn--b-5ga.kommune.no/</c> are one URL for de-duplication, the status cache and findings.
    /// </summary>
    public static string WithoutFragment(Uri uri)
    {
        var key = uri.Fragment.Length == 0 ? uri.AbsoluteUri : uri.GetLeftPart(UriPartial.Query);
        if (!uri.IsAbsoluteUri || uri.HostNameType != UriHostNameType.Dns || string.Equals(uri.Host, uri.IdnHost, StringComparison.Ordinal))
        {
            return key;
        }

        // Replace the Unicode host in the serialised URL by its IDNA form (Uri and UriBuilder serialise it as Unicode).
        var at = key.IndexOf(uri.Host, uri.Scheme.Length + 3, StringComparison.Ordinal);
        return at < 0 ? key : string.Concat(key.AsSpan(0, at), uri.IdnHost, key.AsSpan(at + uri.Host.Length));
    }
}
