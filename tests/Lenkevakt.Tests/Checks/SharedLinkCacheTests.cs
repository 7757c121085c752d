using Lenkevakt.Checks;
using Lenkevakt.Crawling;
using Lenkevakt.Storage;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Checks;

/// <summary>The LinkStatus table shared by workers: two service graphs stand for two processes on one storage account.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SharedLinkCacheTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TwoWorkers_SameRun_CheckAUrlOnce_ConcurrentlyToo()
    {
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            await Task.Delay(300);
            await ctx.Response.WriteAsync("ok");
        });
        var prefix = TestServices.UniquePrefix();
        await using var a = TestServices.Create(azurite.ConnectionString, prefix);
        await using var b = TestServices.Create(azurite.ConnectionString, prefix);
        await a.GetRequiredService<StorageProvisioner>().EnsureAsync(CancellationToken.None);
        var url = new Uri(server.BaseUri, "ekstern.html").AbsoluteUri;

        var results = await Task.WhenAll(
            a.GetRequiredService<LinkChecker>().CheckAsync("r1", url, AddressPolicy.AllowingPrivate([]), CancellationToken.None, external: true),
            b.GetRequiredService<LinkChecker>().CheckAsync("r1", url, AddressPolicy.AllowingPrivate([]), CancellationToken.None, external: true));

        Assert.All(results, r => Assert.Equal(LinkState.Ok, r.State));
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task TransientFailure_ThatCompletesAtOnce_IsConfirmedInTheBackground_WithoutBreakingTheRunsCache()
    {
        // A check that completes synchronously (here a handler answering 503 at once; in a run, an open host circuit):
        // starting its re-checks from inside the run's cache entry once made the entry fail for every later caller
        // ("ValueFactory attempted to access the Value property"), 722 failed crawl attempts in a two-worker run.
        var prefix = TestServices.UniquePrefix();
        await using var a = TestServices.Create(azurite.ConnectionString, prefix, new Dictionary<string, string?> { ["Lenkevakt:Crawl:TransientRecheckDelay"] = "00:00:00.050" }, services => services.ConfigureAll<Microsoft.Extensions.Http.HttpClientFactoryOptions>(
            o => o.HttpMessageHandlerBuilderActions.Add(b => b.AdditionalHandlers.Insert(0, new AnswerAtOnce()))));
        await a.GetRequiredService<StorageProvisioner>().EnsureAsync(CancellationToken.None);
        var checker = a.GetRequiredService<LinkChecker>();
        const string url = "http://127.0.0.1:9/ustabil";

        var first = await checker.CheckAsync("r1", url, AddressPolicy.AllowingPrivate([]), CancellationToken.None);
        var confirmed = await checker.ConfirmedAsync("r1", url, AddressPolicy.AllowingPrivate([]), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(503, first.StatusCode);
        Assert.Equal(503, confirmed.StatusCode);
    }

    private sealed class AnswerAtOnce : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable) { RequestMessage = request });
    }

    [Fact]
    public async Task OwnHostTarget_IsCheckedInProcess_WithoutTheSharedTable()
    {
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) => await ctx.Response.WriteAsync("ok"));
        var prefix = TestServices.UniquePrefix();
        await using var a = TestServices.Create(azurite.ConnectionString, prefix);
        await a.GetRequiredService<StorageProvisioner>().EnsureAsync(CancellationToken.None);
        var storage = a.GetRequiredService<StorageClients>();
        var before = storage.Operations.Tables;
        var url = new Uri(server.BaseUri, "bilde.png").AbsoluteUri;

        var first = await a.GetRequiredService<LinkChecker>().CheckAsync("r1", url, AddressPolicy.AllowingPrivate([]), CancellationToken.None);
        var again = await a.GetRequiredService<LinkChecker>().CheckAsync("r1", url, AddressPolicy.AllowingPrivate([]), CancellationToken.None);

        Assert.Equal(LinkState.Ok, first.State);
        Assert.Equal(LinkState.Ok, again.State);
        Assert.Equal(1, server.Requests); // the run's in-process cache still de-duplicates
        Assert.Equal(before, storage.Operations.Tables); // one worker crawls a site at a time: nothing to share
    }

    [Fact]
    public async Task LaterRun_ReusesARecentExternalSuccess_ButRechecksFailures()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
        {
            ctx.Response.StatusCode = ctx.Request.Path == "/borte" ? 404 : 200;
            return Task.CompletedTask;
        });
        var prefix = TestServices.UniquePrefix();
        await using var first = TestServices.Create(azurite.ConnectionString, prefix);
        await first.GetRequiredService<StorageProvisioner>().EnsureAsync(CancellationToken.None);
        var ok = new Uri(server.BaseUri, "finnes").AbsoluteUri;
        var gone = new Uri(server.BaseUri, "borte").AbsoluteUri;
        await first.GetRequiredService<LinkChecker>().CheckAsync("r1", ok, AddressPolicy.AllowingPrivate([]), CancellationToken.None, external: true);
        await first.GetRequiredService<LinkChecker>().CheckAsync("r1", gone, AddressPolicy.AllowingPrivate([]), CancellationToken.None, external: true);
        var afterFirstRun = server.Requests;

        await using var next = TestServices.Create(azurite.ConnectionString, prefix);
        var okAgain = await next.GetRequiredService<LinkChecker>().CheckAsync("r2", ok, AddressPolicy.AllowingPrivate([]), CancellationToken.None, external: true);
        var goneAgain = await next.GetRequiredService<LinkChecker>().CheckAsync("r2", gone, AddressPolicy.AllowingPrivate([]), CancellationToken.None, external: true);

        Assert.Equal(LinkState.Ok, okAgain.State);
        Assert.Equal(LinkState.Broken, goneAgain.State);
        Assert.True(server.Requests > afterFirstRun, "the failure must be checked again");
        Assert.Equal(afterFirstRun + RequestsForOneCheckOf404(), server.Requests);

        await using var noTtl = TestServices.Create(azurite.ConnectionString, prefix, settings: new Dictionary<string, string?> { ["Lenkevakt:Crawl:ExternalLinkTtl"] = "00:00:00" });
        await noTtl.GetRequiredService<LinkChecker>().CheckAsync("r3", ok, AddressPolicy.AllowingPrivate([]), CancellationToken.None, external: true);
        Assert.Equal(afterFirstRun + RequestsForOneCheckOf404() + 1, server.Requests);
    }

    /// <summary>A 404 on HEAD is retried with GET (some servers refuse HEAD).</summary>
    private static int RequestsForOneCheckOf404() => 2;
}
