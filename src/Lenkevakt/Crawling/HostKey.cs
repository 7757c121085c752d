namespace Lenkevakt.Crawling;

/// <summary>
/// One key per host (and non-default port) whatever its spelling: an internationalised name in its ASCII (IDNA)
/// form and lower case, so <c>bø.kommune.no</c> and <c>xn--b-5ga.kommune.no</c> are one host for scope, politeness
/// (<see cref="HostGate"/>), robots.txt and the status cache.
/// </summary>
public static class HostKey
{
    public static string Of(Uri uri)
    {
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost; // IPv6 keeps its brackets
        return (uri.IsDefaultPort ? host : $"{host}:{uri.Port}").ToLowerInvariant();
    }

    /// <summary>The key of a configured authority (<c>bø.kommune.no</c>, <c>127.0.0.1:5000</c>); unparsable text is only lower-cased.</summary>
    public static string Of(string authority) =>
        Uri.TryCreate("http://" + authority.Trim() + "/", UriKind.Absolute, out var uri) ? Of(uri) : authority.Trim().ToLowerInvariant();

    /// <summary>scheme://host[:port] with the host in its key form (robots.txt is per origin).</summary>
    public static string Origin(Uri uri) => $"{uri.Scheme}://{Of(uri)}";
}
