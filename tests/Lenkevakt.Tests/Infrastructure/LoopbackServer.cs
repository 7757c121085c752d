using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lenkevakt.Tests.Infrastructure;

/// <summary>A Kestrel server on 127.0.0.1 with a handler written by the test (misbehaving servers for politeness tests).</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int requests;

    private LoopbackServer(WebApplication app) => this.app = app;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Every address the server listens on (one per host for <see cref="StartOnManyHostsAsync"/>).</summary>
    public IReadOnlyList<Uri> BaseUris { get; private set; } = [];

    public int Requests => Volatile.Read(ref requests);

    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, int, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(context => handler(context, Interlocked.Increment(ref server.requests)));
        await app.StartAsync();
        server.BaseUris = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a.TrimEnd('/') + "/")).ToList();
        server.BaseUri = server.BaseUris[0];
        return server;
    }

    /// <summary>
    /// One server listening on <paramref name="hosts"/> loopback addresses (127.0.3.1, 127.0.3.2, …), each on a free
    /// port: that many distinct hosts for the crawler's per-host politeness, without fixed ports.
    /// </summary>
    public static async Task<LoopbackServer> StartOnManyHostsAsync(int hosts, Func<HttpContext, int, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(Enumerable.Range(1, hosts).Select(i => $"http://127.0.{3 + (i / 250)}.{1 + (i % 250)}:0").ToArray());
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(context => handler(context, Interlocked.Increment(ref server.requests)));
        await app.StartAsync();
        server.BaseUris = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a.TrimEnd('/') + "/")).ToList();
        server.BaseUri = server.BaseUris[0];
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
