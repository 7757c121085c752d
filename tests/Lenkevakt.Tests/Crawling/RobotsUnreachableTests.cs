using Lenkevakt.Crawling;
using Lenkevakt.Findings;
using Lenkevakt.Sites;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Crawling;

/// <summary>RFC 9309 §2.3.1.3–4 in every path: 4xx allows all; unreachable (after the re-checks) disallows all, with a site finding.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RobotsUnreachableTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(404)]
    [InlineData(403)]
    [InlineData(401)]
    public async Task Robots4xx_AllowsEverything(int code)
    {
        var (result, paths) = await CrawlAsync(_ => code);

        Assert.Equal(2, result.Stats.PagesCrawled);
        Assert.Contains("/side.html", paths);
        Assert.Empty(CrawlFindings.Only(result.Findings));
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(429)]
    public async Task RobotsFailing_IsCompleteDisallow_AndARobotsUnreachableFinding(int code)
    {
        var (result, paths) = await CrawlAsync(_ => code);

        Assert.Equal(0, result.Stats.PagesCrawled);
        Assert.DoesNotContain("/side.html", paths);
        Assert.DoesNotContain(paths, p => p == "/");
        var robots = Assert.Single(result.Findings, f => f.Kind == FindingKind.RobotsUnreachable.Name);
        Assert.Equal(code, robots.StatusCode);
        Assert.Contains(result.Findings, f => f.Kind == FindingKind.SiteUnreachable.Name);
        Assert.True(paths.Count(p => p == "/robots.txt") >= 3, "robots.txt is re-checked before the site is given up");
    }

    [Fact]
    public async Task RobotsFailingOnce_IsRecheckedAndTheSiteIsCrawled()
    {
        var (result, _) = await CrawlAsync(attempt => attempt == 1 ? 503 : 404, settings: new Dictionary<string, string?> { ["Lenkevakt:Crawl:MaxRetries"] = "0" });

        Assert.Equal(2, result.Stats.PagesCrawled);
        Assert.Empty(CrawlFindings.Only(result.Findings));
    }

    private async Task<(SiteCrawlResult Result, List<string> Paths)> CrawlAsync(Func<int, int> robotsStatus, IDictionary<string, string?>? settings = null)
    {
        var paths = new List<string>();
        var robotsRequests = 0;
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            lock (paths)
            {
                paths.Add(ctx.Request.Path);
            }

            if (ctx.Request.Path == "/robots.txt")
            {
                ctx.Response.StatusCode = robotsStatus(Interlocked.Increment(ref robotsRequests));
                return;
            }

            if (ctx.Request.Path != "/" && ctx.Request.Path != "/side.html")
            {
                ctx.Response.StatusCode = 404;
                return;
            }

            ctx.Response.ContentType = "text/html";
            await ctx.Response.WriteAsync($"""<html lang="nb"><title>{ctx.Request.Path}</title><body><a href="/side.html">Side</a></body></html>""");
        });
        await using var services = TestServices.Create(azurite.ConnectionString, settings: settings);
        var site = SitesCatalog.ForUrl(server.BaseUri, new CrawlScope { AllowPrivateNetworks = true, MaxPages = 10 });

        var result = await services.GetRequiredService<SiteCrawler>().CrawlAsync(site, "r-" + Guid.NewGuid().ToString("N")[..8], null, CancellationToken.None);
        lock (paths)
        {
            return (result, paths.ToList());
        }
    }
}
