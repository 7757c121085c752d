namespace Lenkevakt.Crawling;

/// <summary>
/// Named clients: guarded sites and allow-private sites use separate clients (and resilience pipelines); within each,
/// <see cref="AddressPolicyHandler"/> keeps one connection pool per <see cref="AddressPolicy.KeyFor"/>, so a connection
/// one site's policy allowed is never reused for a site whose policy refuses it.
/// </summary>
public static class HttpClientNames
{
    /// <summary>For sites without allow-private: only public addresses and <see cref="CrawlOptions.PrivateHosts"/>.</summary>
    public const string Guarded = "lenkevakt";

    /// <summary>For allow-private sites (<c>allowPrivateNetworks</c>, <c>--allow-private</c>): loopback and the site's own hosts too.</summary>
    public const string Private = "lenkevakt-private";
}
