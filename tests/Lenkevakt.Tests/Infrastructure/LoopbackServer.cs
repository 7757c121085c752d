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
        server.BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
