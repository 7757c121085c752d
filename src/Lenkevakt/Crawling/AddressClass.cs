namespace Lenkevakt.Crawling;

/// <summary>What kind of network an IP address belongs to, as far as the crawler is concerned (<see cref="AddressGuard.Classify"/>).</summary>
public enum AddressClass
{
    /// <summary>A public, globally routed address: always allowed.</summary>
    Public,

    /// <summary>127.0.0.0/8 and ::1: allowed only with allow-private (the local test setup).</summary>
    Loopback,

    /// <summary>RFC 1918 (10/8, 172.16/12, 192.168/16), CGNAT 100.64/10, ULA fc00::/7 and site-local fec0::/10: allowed for the site's own hosts (with allow-private) and <see cref="CrawlOptions.PrivateHosts"/>.</summary>
    Private,

    /// <summary>169.254.0.0/16 (incl. the cloud metadata address 169.254.169.254) and fe80::/10: allowed only for a host the site itself names (with allow-private).</summary>
    LinkLocal,

    /// <summary>Not a destination on any network: 0/8, ::, multicast, 240/4, broadcast, documentation and benchmarking ranges, the IPv6 discard prefix 100::/64. Never allowed.</summary>
    Reserved,
}
