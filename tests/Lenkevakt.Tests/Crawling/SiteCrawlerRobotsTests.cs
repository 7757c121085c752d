using Lenkevakt.Crawling;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Crawling;

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SiteCrawlerRobotsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task RobotsCrawlDelay_RaisesTheHostInterval_AndDisallowedPagesAreNotFetched()
    {
        var paths = new List<string>();
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            lock (paths)
            {
                paths.Add(ctx.Request.Path);
            }

            if (ctx.Request.Path == "/robots.txt")
            {
                await ctx.Response.WriteAsync("User-agent: *\nDisallow: /privat/\nCrawl-delay: 0.01\n");
                return;
            }

            if (ctx.Request.Path != "/" && ctx.Request.Path != "/side.html")
            {
                ctx.Response.StatusCode = 404;
                return;
            }

            ctx.Response.ContentType = "text/html";
            await ctx.Response.WriteAsync($"""<html lang="nb"><title>{ctx.Request.Path}</title><a href="/privat/a.html">a</a><a href="/side.html">b</a></html>""");
        });
        await using var services = TestServices.Create(azurite.ConnectionString);
        var site = Lenkevakt.Sites.SitesCatalog.ForUrl(server.BaseUri, new Lenkevakt.Sites.CrawlScope { AllowPrivateNetworks = true, MaxPages = 10 });

        var result = await services.GetRequiredService<SiteCrawler>().CrawlAsync(site, "r-test", null, CancellationToken.None);

        Assert.DoesNotContain("/privat/a.html", paths);
        Assert.Contains("/side.html", paths);
        Assert.Equal(2, result.Stats.PagesCrawled);
        Assert.DoesNotContain(result.Findings, f => f.Target.Contains("/privat/", StringComparison.Ordinal));
    }

}
