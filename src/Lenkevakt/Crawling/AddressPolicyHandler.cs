using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Lenkevakt.Crawling;

/// <summary>
/// The primary handler of the crawler's HTTP clients. Each request carries its site's <see cref="AddressPolicy"/>
/// (<see cref="AddressPolicy.RequestOption"/>; without one the guarded policy applies). Requests go to one
/// <see cref="SocketsHttpHandler"/> per <see cref="AddressPolicy.KeyFor"/>, so a pooled connection that one site's
/// policy allowed (its own host on a private address) is never reused for a site whose policy refuses it. The
/// handler's connect callback resolves the host and connects only to addresses the policy allows.
/// With a configured proxy (<see cref="CrawlOptions.Proxy"/>) the connect callback only sees the proxy, so the target
/// is resolved and checked here before sending (every resolved address must be allowed); the proxy's own address is
/// the operator's choice and not checked. Environment proxies (HTTP_PROXY, HTTPS_PROXY) are never used.
/// </summary>
internal sealed class AddressPolicyHandler(Func<Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>>, SocketsHttpHandler> createHandler, AddressPolicy fallback, Uri? proxy) : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Lazy<HttpMessageInvoker>> pools = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.RequestUri ?? throw new InvalidOperationException("A request without a URI.");
        if (!request.Options.TryGetValue(AddressPolicy.RequestOption, out var policy))
        {
            policy = fallback;
            request.Options.Set(AddressPolicy.RequestOption, policy);
        }

        if (proxy is not null && await policy.CheckAsync(target, cancellationToken, requireAll: true).ConfigureAwait(false) is { } refused)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, refused, new BlockedAddressException(refused));
        }

        var invoker = pools.GetOrAdd(policy.KeyFor(target.IdnHost), _ => new Lazy<HttpMessageInvoker>(() => new HttpMessageInvoker(createHandler(ConnectAsync)))).Value;
        return await invoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var pool in pools.Values.Where(p => p.IsValueCreated))
            {
                pool.Value.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>Connect callback: resolve, refuse what the request's policy does not allow, connect to the first allowed address.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var endPoint = context.DnsEndPoint;
        IPAddress[] addresses;
        if (proxy is not null && string.Equals(endPoint.Host, proxy.IdnHost, StringComparison.OrdinalIgnoreCase) && endPoint.Port == proxy.Port)
        {
            // The configured proxy: the target was checked before sending.
            addresses = IPAddress.TryParse(endPoint.Host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endPoint.Host, ct).ConfigureAwait(false);
        }
        else
        {
            var policy = context.InitialRequestMessage.Options.TryGetValue(AddressPolicy.RequestOption, out var p) ? p : fallback;
            addresses = await policy.AllowedAddressesAsync(endPoint.Host, ct).ConfigureAwait(false);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endPoint.Port, ct).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
