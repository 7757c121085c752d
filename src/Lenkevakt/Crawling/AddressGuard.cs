using System.Net;
using System.Net.Sockets;

namespace Lenkevakt.Crawling;

/// <summary>
/// Keeps the crawler off internal networks: refuses loopback, private (RFC 1918, ULA), link-local (incl. the cloud
/// metadata address 169.254.169.254), CGNAT, multicast and unspecified addresses. Checked at connect time on every
/// resolved address (so DNS rebinding cannot slip through) by <see cref="ConnectAsync"/>, used as the
/// <see cref="SocketsHttpHandler.ConnectCallback"/> of the guarded HTTP client.
/// </summary>
public static class AddressGuard
{
    public static bool IsBlocked(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 or 10 or 127 => true,
                100 => b[1] >= 64 && b[1] <= 127,          // 100.64.0.0/10 carrier-grade NAT
                169 => b[1] == 254,                         // link-local, incl. 169.254.169.254 metadata
                172 => b[1] >= 16 && b[1] <= 31,
                192 => (b[1] == 168) || (b[1] == 0 && b[2] == 0) || (b[1] == 0 && b[2] == 2),
                198 => b[1] is 18 or 19,                    // benchmarking
                >= 224 => true,                             // multicast and reserved
                _ => false,
            };
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                   || (b[0] & 0xFE) == 0xFC                 // fc00::/7 unique local
                   || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b); // NAT64 could reach IPv4 private space
        }

        return true;
    }

    /// <summary>For IP-literal hosts, the blocking reason without any lookup; null when allowed or not a literal.</summary>
    public static string? CheckLiteral(Uri uri) =>
        IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var ip) && IsBlocked(ip) ? Describe(uri.Host, ip) : null;

    /// <summary>Resolves the host and returns a reason when every address is blocked (the connect callback refuses those).</summary>
    public static async Task<string?> CheckAsync(Uri uri, CancellationToken ct)
    {
        if (CheckLiteral(uri) is { } reason)
        {
            return reason;
        }

        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out _))
        {
            return null;
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(uri.IdnHost, ct).ConfigureAwait(false);
            var blocked = addresses.FirstOrDefault(IsBlocked);
            return blocked is not null && addresses.All(IsBlocked) ? Describe(uri.Host, blocked) : null;
        }
        catch (SocketException)
        {
            return null; // Unresolvable hosts are reported by the fetch itself.
        }
    }

    public static string Describe(string host, IPAddress ip) =>
        $"{host} resolves to {ip}, a loopback/private/link-local address; Lenkevakt does not fetch such addresses unless the site allows it (--allow-private or scope.allowPrivateNetworks)";

    /// <summary>Connect callback: resolve, refuse blocked addresses, connect to the first allowed one.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        IPAddress[] addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
        var allowed = addresses.Where(a => !IsBlocked(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new BlockedAddressException(Describe(host, addresses.FirstOrDefault() ?? IPAddress.None));
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>The target address is internal and the site does not allow that.</summary>
public sealed class BlockedAddressException(string message) : IOException(message);
