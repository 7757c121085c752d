using Lenkevakt.Checks;
using Lenkevakt.Crawling;
using Lenkevakt.Sites;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Crawling;

/// <summary>
/// The address policy in the fetcher: every refusal happens before a request reaches the network stack
/// (<see cref="LoopbackOnlyHandler"/> would record it) or, for DNS names, in the connect callback before a socket exists.
/// Nothing here connects to anything but loopback.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AddressPolicyFetchTests
{
    private static ServiceProvider Services(out System.Collections.Concurrent.ConcurrentQueue<Uri> refused, IDictionary<string, string?>? settings = null)
    {
        System.Collections.Concurrent.ConcurrentQueue<Uri>? net = null;
        var services = TestServices.Create("UseDevelopmentStorage=true", settings: settings, configure: s => net = LoopbackOnlyHandler.AddTo(s));
        refused = net!;
        return services;
    }

    [Theory]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://172.16.5.4/")]
    [InlineData("http://192.168.1.1/")]
    [InlineData("http://100.64.0.1/")]
    [InlineData("http://[fd00::1]/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[fe80::1]/")]
    [InlineData("http://[::ffff:10.0.0.1]/")]
    [InlineData("http://[::a00:1]/")]
    [InlineData("http://[::ffff:0:a00:1]/")]
    [InlineData("http://[2002:a00:1::1]/")]
    [InlineData("http://[2001:0:808:808::f5ff:fffe]/")]
    [InlineData("http://[64:ff9b::a00:1]/")]
    [InlineData("http://[100::1]/")]
    public async Task Redirect_ToPrivateTarget_WithAllowPrivate_IsBlockedBeforeAnyRequest(string location)
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
        {
            ctx.Response.StatusCode = 302;
            ctx.Response.Headers.Location = location;
            return Task.CompletedTask;
        });
        await using var services = Services(out var refused);
        var policy = AddressPolicy.ForSite(SitesCatalog.ForUrl(server.BaseUri, new CrawlScope { AllowPrivateNetworks = true }), new CrawlOptions());

        var page = await services.GetRequiredService<PageFetcher>().GetPageAsync(server.BaseUri, policy, CancellationToken.None);
        var check = await services.GetRequiredService<PageFetcher>().CheckAsync(new Uri(server.BaseUri, "link"), policy, CancellationToken.None);

        Assert.Equal(LinkState.Blocked, page.Status.State);
        Assert.Equal(LinkState.Blocked, check.Status.State);
        Assert.Single(page.Status.Chain);
        Assert.Empty(refused);
    }

    [Fact]
    public async Task DnsNameOnLoopback_GuardedSite_IsRefusedInTheConnectCallback()
    {
        var contacted = 0;
        await using var server = await LoopbackServer.StartAsync((_, _) => { Interlocked.Increment(ref contacted); return Task.CompletedTask; });
        await using var services = Services(out var refused);
        var target = new Uri($"http://localhost:{server.BaseUri.Port}/");

        var result = await services.GetRequiredService<PageFetcher>().CheckAsync(target, AddressPolicy.Guarded(), CancellationToken.None);

        Assert.Equal(LinkState.Blocked, result.Status.State);
        Assert.Contains("loopback", result.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, contacted);
        Assert.Empty(refused);
    }

    [Fact]
    public async Task OtherLoopbackHostAndPort_WithAllowPrivate_IsChecked()
    {
        await using var site = await LoopbackServer.StartAsync((ctx, _) => ctx.Response.WriteAsync("site"));
        await using var external = await LoopbackServer.StartAsync((ctx, _) => ctx.Response.WriteAsync("external"));
        await using var services = Services(out var refused);
        var policy = AddressPolicy.ForSite(SitesCatalog.ForUrl(site.BaseUri, new CrawlScope { AllowPrivateNetworks = true }), new CrawlOptions());

        var viaName = await services.GetRequiredService<PageFetcher>().CheckAsync(new Uri($"http://localhost:{external.BaseUri.Port}/x"), policy, CancellationToken.None);
        var viaLiteral = await services.GetRequiredService<PageFetcher>().CheckAsync(new Uri(external.BaseUri, "y"), policy, CancellationToken.None);

        Assert.Equal(LinkState.Ok, viaName.Status.State);
        Assert.Equal(LinkState.Ok, viaLiteral.Status.State);
        Assert.Empty(refused);
    }

    [Fact]
    public async Task ConfiguredProxy_TargetIsCheckedBeforeSending_AllowedTargetsGoThroughTheProxy()
    {
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var proxy = await LoopbackServer.StartAsync((ctx, _) =>
        {
            seen.Enqueue(ctx.Request.Host + ctx.Request.Path);
            return ctx.Response.WriteAsync("via proxy");
        });
        await using var services = Services(out var refused, new Dictionary<string, string?> { ["Lenkevakt:Crawl:Proxy"] = proxy.BaseUri.AbsoluteUri });
        var fetcher = services.GetRequiredService<PageFetcher>();

        // Refused by the policy although the connection would only go to the (loopback) proxy.
        var guardedByName = await fetcher.CheckAsync(new Uri("http://localhost:9/guarded"), AddressPolicy.Guarded(), CancellationToken.None);
        var privateLiteral = await fetcher.CheckAsync(new Uri("http://10.0.0.1/intranet"), AddressPolicy.AllowingPrivate([]), CancellationToken.None);
        Assert.Equal(LinkState.Blocked, guardedByName.Status.State);
        Assert.Equal(LinkState.Blocked, privateLiteral.Status.State);
        Assert.Empty(seen);

        // Allowed: sent to the proxy, which answers for the target (port 9 itself is never contacted).
        var allowed = await fetcher.CheckAsync(new Uri("http://localhost:9/allowed"), AddressPolicy.AllowingPrivate([]), CancellationToken.None);
        Assert.Equal(LinkState.Ok, allowed.Status.State);
        Assert.Equal(["localhost:9/allowed"], seen.Distinct());
        Assert.Empty(refused);
    }
}
