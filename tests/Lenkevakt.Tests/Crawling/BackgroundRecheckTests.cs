using System.Diagnostics;
using Lenkevakt.Crawling;
using Lenkevakt.Findings;
using Lenkevakt.Sites;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Crawling;

/// <summary>
/// Transient failures are re-checked in the background while the crawl goes on (TransientRecheck): a failing page does
/// not hold up the next level, a page that heals still has its links followed, and a target many sites link to is
/// confirmed once per run.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class BackgroundRecheckTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> OneSecondBackoff = new()
    {
        ["Lenkevakt:Crawl:TransientRecheckDelay"] = "00:00:01",
        ["Lenkevakt:Crawl:MaxRetries"] = "0",
    };

    [Fact]
    public async Task FailingPage_DoesNotHoldUpTheNextLevel_AndIsReportedAfterItsRechecks()
    {
        var log = new RequestLog();
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            var path = log.Add(ctx.Request.Path);
            switch (path)
            {
                case "/":
                    await Html(ctx, """<a href="/feil.html">Feil</a> <a href="/b.html">B</a>""");
                    break;
                case "/feil.html":
                    ctx.Response.StatusCode = 500;
                    break;
                case "/b.html":
                    await Html(ctx, """<a href="/c.html">C</a>""");
                    break;
                case "/c.html":
                    await Html(ctx, "Slutt");
                    break;
                default:
                    ctx.Response.StatusCode = 404;
                    break;
            }
        });

        var result = await CrawlAsync(server.BaseUri, "r-" + Guid.NewGuid().ToString("N")[..8]);

        var failing = log.Times("/feil.html");
        Assert.Equal(3, failing.Count); // the first fetch and two re-checks
        Assert.True(log.Times("/c.html").Single() < failing[1], "the next level is crawled while the failing page waits for its re-check");
        Assert.True(failing[1] - failing[0] >= TimeSpan.FromSeconds(0.9), "the first re-check waits the back-off");
        Assert.True(failing[2] - failing[1] >= TimeSpan.FromSeconds(1.9), "the second re-check waits twice as long");
        var finding = Assert.Single(CrawlFindings.Only(result.Findings));
        Assert.EndsWith("/feil.html", finding.Target, StringComparison.Ordinal);
        Assert.Equal(500, finding.StatusCode);
        Assert.Equal(3, result.Stats.PagesCrawled);
    }

    [Fact]
    public async Task PageThatHeals_IsCrawled_AndItsLinksFollowed()
    {
        var log = new RequestLog();
        var attempts = 0;
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            var path = log.Add(ctx.Request.Path);
            switch (path)
            {
                case "/":
                    await Html(ctx, """<a href="/ustabil.html">Ustabil</a>""");
                    break;
                case "/ustabil.html" when Interlocked.Increment(ref attempts) == 1:
                    ctx.Response.StatusCode = 503;
                    break;
                case "/ustabil.html":
                    await Html(ctx, """<a href="/bare-herfra.html">Bare herfra</a>""");
                    break;
                case "/bare-herfra.html":
                    await Html(ctx, "Slutt");
                    break;
                default:
                    ctx.Response.StatusCode = 404;
                    break;
            }
        });

        var result = await CrawlAsync(server.BaseUri, "r-" + Guid.NewGuid().ToString("N")[..8]);

        Assert.Equal(2, log.Times("/ustabil.html").Count);
        Assert.Single(log.Times("/bare-herfra.html"));
        Assert.Equal(3, result.Stats.PagesCrawled);
        Assert.Empty(CrawlFindings.Only(result.Findings));
    }

    [Fact]
    public async Task ExternalTargetFailingOnTwoSites_IsConfirmedOncePerRun()
    {
        var external = new RequestLog();
        await using var ext = await LoopbackServer.StartAsync((ctx, _) =>
        {
            external.Add(ctx.Request.Path);
            ctx.Response.StatusCode = ctx.Request.Path == "/nede.html" ? 502 : 404;
            return Task.CompletedTask;
        });
        var target = new Uri(ext.BaseUri, "/nede.html");
        await using var first = await LinkingSiteAsync(target);
        await using var second = await LinkingSiteAsync(target);

        await CrawlAsync(first.BaseUri, "r-" + Guid.NewGuid().ToString("N")[..8]);
        var oneSite = external.Times("/nede.html").Count;

        var run = "r-" + Guid.NewGuid().ToString("N")[..8];
        await using var services = TestServices.Create(azurite.ConnectionString, settings: OneSecondBackoff);
        var crawler = services.GetRequiredService<SiteCrawler>();
        var results = await Task.WhenAll(
            crawler.CrawlAsync(Site(first.BaseUri), run, null, CancellationToken.None),
            crawler.CrawlAsync(Site(second.BaseUri), run, null, CancellationToken.None));

        Assert.Equal(3, oneSite); // one check, two re-checks
        Assert.Equal(2 * oneSite, external.Times("/nede.html").Count);
        Assert.All(results, r => Assert.Contains(r.Findings, f => f.Target == target.AbsoluteUri && f.StatusCode == 502));
    }

    private async Task<SiteCrawlResult> CrawlAsync(Uri start, string runId)
    {
        await using var services = TestServices.Create(azurite.ConnectionString, settings: OneSecondBackoff);
        return await services.GetRequiredService<SiteCrawler>().CrawlAsync(Site(start), runId, null, CancellationToken.None);
    }

    private static SiteDefinition Site(Uri start) => SitesCatalog.ForUrl(start, new CrawlScope { AllowPrivateNetworks = true, MaxPages = 20 });

    private static Task<LoopbackServer> LinkingSiteAsync(Uri target) => LoopbackServer.StartAsync(async (ctx, _) =>
    {
        if (ctx.Request.Path == "/")
        {
            await Html(ctx, $"""<a href="{target}">Rapport</a>""");
            return;
        }

        ctx.Response.StatusCode = 404;
    });

    private static async Task Html(HttpContext ctx, string body)
    {
        ctx.Response.ContentType = "text/html";
        await ctx.Response.WriteAsync($"""<html lang="nb"><title>{ctx.Request.Path}</title><body>{body}</body></html>""");
    }

    /// <summary>Which paths were requested, and when (a monotonic clock).</summary>
    private sealed class RequestLog
    {
        private readonly List<(string Path, TimeSpan At)> entries = [];
        private readonly Stopwatch clock = Stopwatch.StartNew();

        public string Add(string? path)
        {
            lock (entries)
            {
                entries.Add((path ?? "", clock.Elapsed));
            }

            return path ?? "";
        }

        public List<TimeSpan> Times(string path)
        {
            lock (entries)
            {
                return entries.Where(e => e.Path == path).Select(e => e.At).ToList();
            }
        }
    }
}
