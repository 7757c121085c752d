using System.Collections.Concurrent;
using System.Net;
using Lenkevakt.Crawling;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Infrastructure;

/// <summary>
/// A safety net for tests of the address policy: sits just in front of the crawler's primary handler and refuses
/// (records, never sends) every request whose target is not loopback. A test asserts <see cref="Refused"/> is empty,
/// i.e. the policy itself refused the target before any request was handed to the network stack.
/// </summary>
public sealed class LoopbackOnlyHandler(ConcurrentQueue<Uri> refused) : DelegatingHandler
{
    public ConcurrentQueue<Uri> Refused { get; } = refused;

    /// <summary>Adds the net to both crawler clients; returns the queue of refused targets.</summary>
    public static ConcurrentQueue<Uri> AddTo(IServiceCollection services)
    {
        var refused = new ConcurrentQueue<Uri>();
        foreach (var name in new[] { HttpClientNames.Guarded, HttpClientNames.Private })
        {
            services.AddHttpClient(name).AddHttpMessageHandler(() => new LoopbackOnlyHandler(refused));
        }

        return refused;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var host = request.RequestUri!.IdnHost.Trim('[', ']');
        if (host == "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip)))
        {
            return base.SendAsync(request, cancellationToken);
        }

        Refused.Enqueue(request.RequestUri);
        throw new HttpRequestException($"test safety net: {request.RequestUri} is not loopback and was not sent");
    }
}
