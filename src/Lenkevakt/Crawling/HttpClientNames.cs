namespace Lenkevakt.Crawling;

/// <summary>Named clients: two handler pools so a connection opened for a site that may use private addresses is never reused for one that may not.</summary>
public static class HttpClientNames
{
    /// <summary>Refuses loopback/private/link-local addresses at connect time.</summary>
    public const string Guarded = "lenkevakt";

    /// <summary>For sites configured with <c>allowPrivateNetworks</c> (local test sites).</summary>
    public const string Private = "lenkevakt-private";
}
