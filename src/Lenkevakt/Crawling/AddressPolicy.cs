using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Lenkevakt.Sites;

namespace Lenkevakt.Crawling;

/// <summary>
/// Which addresses one site's crawl may connect to, decided before any connection is made: by
/// <see cref="CheckLiteral"/> for IP-literal URLs and, for every connection, by the connect callback of the crawler's
/// HTTP handler (<see cref="AddressPolicyHandler"/>) on the DNS-resolved addresses (so DNS rebinding cannot slip
/// through). Built per site by <see cref="ForSite"/>:
/// <list type="bullet">
/// <item>public addresses: always;</item>
/// <item>loopback (127.0.0.0/8, ::1): only with allow-private (<c>--allow-private</c>, <c>Crawl:AllowPrivateNetworks</c> or the site's <c>allowPrivateNetworks</c>);</item>
/// <item>private (RFC 1918, CGNAT 100.64/10, ULA fc00::/7): the site's own hosts (start URLs, <c>allowedHosts</c>,
/// <c>internalHosts</c>) with allow-private, and the hosts in <see cref="CrawlOptions.PrivateHosts"/>;</item>
/// <item>link-local (169.254.0.0/16 incl. cloud metadata, fe80::/10): only a host the site itself names, with allow-private;</item>
/// <item>reserved (0/8, ::, multicast, documentation, discard): never.</item>
/// </list>
/// IPv6 forms that embed an IPv4 address are judged by it (<see cref="AddressGuard"/>).
/// </summary>
public sealed class AddressPolicy
{
    /// <summary>The policy a request is sent under, read by the connect callback.</summary>
    public static readonly HttpRequestOptionsKey<AddressPolicy> RequestOption = new("Lenkevakt.AddressPolicy");

    private readonly HashSet<string> ownHosts;
    private readonly HashSet<string> privateHosts;
    private readonly string ownKey;

    private AddressPolicy(bool allowPrivate, IEnumerable<string> own, IEnumerable<string> privateHostNames)
    {
        AllowPrivate = allowPrivate;
        ownHosts = allowPrivate ? new HashSet<string>(own.Select(NormalizeHost).Where(h => h.Length > 0), StringComparer.Ordinal) : [];
        privateHosts = new HashSet<string>(privateHostNames.Select(NormalizeHost).Where(h => h.Length > 0), StringComparer.Ordinal);
        ownKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', ownHosts.Order(StringComparer.Ordinal))))).Substring(0, 16);
    }

    /// <summary>Allow-private mode: loopback and the site's own hosts are allowed.</summary>
    public bool AllowPrivate { get; }

    /// <summary>The named HTTP client for this policy (<see cref="HttpClientNames"/>).</summary>
    public string ClientName => AllowPrivate ? HttpClientNames.Private : HttpClientNames.Guarded;

    /// <summary>No loopback, private or link-local address, except hosts in <paramref name="privateHosts"/> on private addresses.</summary>
    public static AddressPolicy Guarded(IEnumerable<string>? privateHosts = null) => new(false, [], privateHosts ?? []);

    /// <summary>Allow-private mode for the given own hosts (host names or authorities) and explicitly allowed private hosts.</summary>
    public static AddressPolicy AllowingPrivate(IEnumerable<string> ownHosts, IEnumerable<string>? privateHosts = null) => new(true, ownHosts, privateHosts ?? []);

    /// <summary>The policy of one site's crawl.</summary>
    public static AddressPolicy ForSite(SiteDefinition site, CrawlOptions options)
    {
        if (!site.Scope.AllowPrivateNetworks && !options.AllowPrivateNetworks)
        {
            return Guarded(options.PrivateHosts);
        }

        var own = site.StartUrls.Select(u => u.IdnHost).Concat(site.Scope.AllowedHosts).Concat(site.Scope.InternalHosts);
        return AllowingPrivate(own, options.PrivateHosts);
    }

    /// <summary>Whether a connection to <paramref name="address"/>, resolved for <paramref name="host"/>, is allowed.</summary>
    public bool Allows(string host, IPAddress address) => AddressGuard.Classify(address) switch
    {
        AddressClass.Public => true,
        AddressClass.Loopback => AllowPrivate,
        AddressClass.Private => (AllowPrivate && ownHosts.Contains(NormalizeHost(host))) || privateHosts.Contains(NormalizeHost(host)),
        AddressClass.LinkLocal => AllowPrivate && ownHosts.Contains(NormalizeHost(host)),
        _ => false,
    };

    /// <summary>
    /// Which requests may share cached results and pooled connections: <c>g</c> (guarded), <c>p</c> (allow-private,
    /// a host that is not the site's own: every allow-private site decides alike) or <c>p:{hash of the own hosts}</c>.
    /// </summary>
    public string KeyFor(string host) => !AllowPrivate ? "g" : ownHosts.Contains(NormalizeHost(host)) ? "p:" + ownKey : "p";

    /// <summary>For IP-literal hosts, the reason the address is refused, without any lookup; null when allowed or not a literal.</summary>
    public string? CheckLiteral(Uri uri) =>
        IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var ip) && !Allows(uri.IdnHost, ip) ? Describe(uri.Host, ip) : null;

    /// <summary>
    /// Resolves the host and returns the reason it is refused: when no address is allowed, or, with
    /// <paramref name="requireAll"/> (a proxy will pick the address itself), when any is not. Null when allowed or unresolvable.
    /// </summary>
    public async Task<string?> CheckAsync(Uri uri, CancellationToken ct, bool requireAll = false)
    {
        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out _))
        {
            return CheckLiteral(uri);
        }

        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(uri.IdnHost, ct).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            return null; // Unresolvable hosts are reported by the fetch itself.
        }

        var refused = addresses.FirstOrDefault(a => !Allows(uri.IdnHost, a));
        return refused is not null && (requireAll || addresses.All(a => !Allows(uri.IdnHost, a))) ? Describe(uri.Host, refused) : null;
    }

    /// <summary>Why <paramref name="ip"/> is refused for <paramref name="host"/> (English; shown as the finding's evidence).</summary>
    public static string Describe(string host, IPAddress ip) => AddressGuard.Classify(ip) switch
    {
        AddressClass.Loopback => $"{host} resolves to {ip}, a loopback address; Lenkevakt does not fetch such addresses unless the site allows it (--allow-private or scope.allowPrivateNetworks)",
        AddressClass.Private => $"{host} resolves to {ip}, a private address (RFC 1918, CGNAT or unique local); fetched only for the site's own hosts with --allow-private, or for hosts in Lenkevakt:Crawl:PrivateHosts",
        AddressClass.LinkLocal => $"{host} resolves to {ip}, a link-local address (169.254.0.0/16 or fe80::/10, incl. cloud metadata); fetched only when the site itself names this host, with --allow-private",
        _ => $"{host} resolves to {ip}, a reserved address (unspecified, multicast, documentation or discard); never fetched",
    };

    /// <summary>Resolves <paramref name="host"/> and returns the addresses this policy allows, or throws <see cref="BlockedAddressException"/>.</summary>
    internal async ValueTask<IPAddress[]> AllowedAddressesAsync(string host, CancellationToken ct)
    {
        IPAddress[] addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
        var allowed = addresses.Where(a => Allows(host, a)).ToArray();
        return allowed.Length > 0 ? allowed : throw new BlockedAddressException(Describe(host, addresses.FirstOrDefault() ?? IPAddress.None));
    }

    /// <summary>Lower-case host without port, brackets or trailing dot; IP literals in their canonical form.</summary>
    internal static string NormalizeHost(string hostOrAuthority)
    {
        var value = hostOrAuthority.Trim();
        if (value.Length == 0)
        {
            return "";
        }

        if (IPAddress.TryParse(value.Trim('[', ']'), out var literal))
        {
            return literal.ToString();
        }

        if (Uri.TryCreate("http://" + value, UriKind.Absolute, out var uri))
        {
            value = uri.IdnHost;
            if (IPAddress.TryParse(value.Trim('[', ']'), out literal))
            {
                return literal.ToString();
            }
        }

        return value.TrimEnd('.').ToLowerInvariant();
    }
}
