using Lenkevakt.Checks;
using Lenkevakt.Crawling;
using Lenkevakt.Sites;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Crawling;

/// <summary>Issue 14: the run's in-process link results do not grow with the sites done; a finished site's own hosts are dropped.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RunLinkCacheTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task FinishedSite_LeavesNoResultsOnItsOwnHost_ButKeepsTheExternalOnes()
    {
        await using var external = await LoopbackServer.StartAsync(async (ctx, _) => await ctx.Response.WriteAsync("ok"));
        var externalUrl = new Uri(external.BaseUri, "felles").AbsoluteUri;
        await using var site = await StartSiteAsync($"""<a href="/a.html">A</a><a href="/b.html">B</a><a href="{externalUrl}">felles</a>""");
        await using var services = TestServices.Create(azurite.ConnectionString);
        var checker = services.GetRequiredService<LinkChecker>();
        var runId = "r-" + Guid.NewGuid().ToString("N")[..8];

        await services.GetRequiredService<SiteCrawler>().CrawlAsync(Site(site), runId, null, CancellationToken.None);

        Assert.DoesNotContain(HostKey.Of(site.BaseUri), checker.CachedHosts);
        Assert.Contains(HostKey.Of(external.BaseUri), checker.CachedHosts);
        var requestsAfterCrawl = site.Requests;
        var again = await checker.CheckAsync(runId, new Uri(site.BaseUri, "a.html").AbsoluteUri, AddressPolicy.AllowingPrivate([]), CancellationToken.None, external: true);
        Assert.Equal(LinkState.Ok, again.State);
        Assert.Equal(requestsAfterCrawl + 1, site.Requests); // checked again, not taken from a finished site's results
    }

    [Fact]
    public async Task HostStillHeldByAnotherCrawl_KeepsItsResults_UntilThatCrawlEnds()
    {
        await using var site = await StartSiteAsync("""<a href="/a.html">A</a>""");
        await using var services = TestServices.Create(azurite.ConnectionString);
        var checker = services.GetRequiredService<LinkChecker>();
        var runId = "r-" + Guid.NewGuid().ToString("N")[..8];
        var other = checker.EnterSite([HostKey.Of(site.BaseUri)]);

        await services.GetRequiredService<SiteCrawler>().CrawlAsync(Site(site), runId, null, CancellationToken.None);
        var held = checker.CachedHosts;
        other.Dispose();

        Assert.Contains(HostKey.Of(site.BaseUri), held);
        Assert.DoesNotContain(HostKey.Of(site.BaseUri), checker.CachedHosts);
    }

    private static SiteDefinition Site(LoopbackServer server) =>
        SitesCatalog.ForUrl(server.BaseUri, new CrawlScope { AllowPrivateNetworks = true, MaxPages = 5 });

    private static Task<LoopbackServer> StartSiteAsync(string body) =>
        LoopbackServer.StartAsync(async (ctx, _) =>
        {
            var path = ctx.Request.Path.Value!;
            if (path is "/" or "/a.html" or "/b.html")
            {
                ctx.Response.ContentType = "text/html";
                await ctx.Response.WriteAsync(path == "/" ? $"<!doctype html><html lang=\"nb\"><head><title>Forside</title></head><body>{body}</body></html>" : "<!doctype html><html lang=\"nb\"><head><title>Side</title></head><body><p>Side</p></body></html>");
                return;
            }

            ctx.Response.StatusCode = 404;
        });
}
