using System.Diagnostics;
using System.Text;
using Lenkevakt.Checks;
using Lenkevakt.Crawling;
using Lenkevakt.Findings;
using Lenkevakt.Sites;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Crawling;

/// <summary>
/// Issue 10: single pages and headers of hostile or broken servers on loopback must not stall a crawl. Each test
/// asserts the outcome and an upper bound on elapsed time far below what the same input took before the bound existed.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class HostileServerTests(AzuriteFixture azurite)
{
    private ServiceProvider Services(IDictionary<string, string?>? extra = null) => TestServices.Create(azurite.ConnectionString, settings: extra);

    private static SiteDefinition Site(LoopbackServer server, int maxPages = 50, int maxDepth = 10) =>
        SitesCatalog.ForUrl(server.BaseUri, new CrawlScope { AllowPrivateNetworks = true, MaxPages = maxPages, MaxDepth = maxDepth });

    private static Task Html(HttpContext ctx, string body)
    {
        ctx.Response.ContentType = "text/html; charset=utf-8";
        return ctx.Response.WriteAsync(body);
    }

    [Fact]
    public async Task TricklingBody_IsCutAtTheResponseDeadline_AsATimeout()
    {
        // Headers at once, then one byte every 200 ms for a minute: before the deadline, the page held a worker 300 s.
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            ctx.Response.ContentType = "text/html";
            await ctx.Response.StartAsync();
            for (var i = 0; i < 300 && !ctx.RequestAborted.IsCancellationRequested; i++)
            {
                await ctx.Response.WriteAsync("<");
                await ctx.Response.Body.FlushAsync();
                await Task.Delay(200, ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        });
        await using var services = Services(new Dictionary<string, string?> { ["Lenkevakt:Crawl:ResponseTimeout"] = "00:00:02" });
        var fetcher = services.GetRequiredService<PageFetcher>();
        var watch = Stopwatch.StartNew();

        var page = await fetcher.GetPageAsync(server.BaseUri, AddressPolicy.AllowingPrivate([]), CancellationToken.None);
        var text = await fetcher.GetTextAsync(new Uri(server.BaseUri, "/robots.txt"), AddressPolicy.AllowingPrivate([]), CancellationToken.None);

        Assert.Equal(LinkState.Timeout, page.Status.State);
        Assert.Equal(LinkState.Timeout, text.Status.State);
        Assert.Contains("hele svaret", page.Status.Detail, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("file:README.md")]
    [InlineData("ftp://ftp.example.org/fil.txt")]
    [InlineData("http://[::1")]
    [InlineData("javascript:alert(1)")]
    public async Task RedirectToAnInvalidLocation_IsARedirectInvalidFinding_NeverAnException(string location)
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
        {
            if (ctx.Request.Path == "/flyttet")
            {
                ctx.Response.StatusCode = 302;
                ctx.Response.Headers.Location = location;
                return Task.CompletedTask;
            }

            return ctx.Request.Path == "/" ? Html(ctx, """<html lang="nb"><title>Start</title><a href="/flyttet">Flyttet side</a></html>""") : Task.FromResult(ctx.Response.StatusCode = 404);
        });
        await using var services = Services();

        var direct = await services.GetRequiredService<PageFetcher>().CheckAsync(new Uri(server.BaseUri, "/flyttet"), AddressPolicy.AllowingPrivate([]), CancellationToken.None);
        var crawl = await services.GetRequiredService<SiteCrawler>().CrawlAsync(Site(server), "r-" + Guid.NewGuid().ToString("N")[..8], null, CancellationToken.None);

        Assert.Equal(LinkState.RedirectInvalid, direct.Status.State);
        var finding = Assert.Single(crawl.Findings, f => f.Kind == FindingKind.RedirectInvalid.Name);
        Assert.EndsWith("/flyttet", finding.Target, StringComparison.Ordinal);
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Theory]
    [InlineData("<div>", 200_000)]
    [InlineData("<b><i><a href=\"/x\">t", 20_000)]
    public async Task DeeplyNestedMarkup_IsParsedUpToTheLimit_ReportedAsTooComplex_AndItsFirstLinksChecked(string unit, int repeat)
    {
        // 200 000 nested <div>s (1 MB) or 20 000 unclosed <b><i><a>: minutes of one core before the bound.
        var hostile = new StringBuilder("<html lang=\"nb\"><title>Tung</title><body><a href=\"/fins-ikke\">Tidlig lenke</a>");
        for (var i = 0; i < repeat; i++)
        {
            hostile.Append(unit);
        }

        hostile.Append("<a href=\"/sent\">Sen lenke</a></body></html>");
        var body = hostile.ToString();
        await using var server = await LoopbackServer.StartAsync((ctx, _) => ctx.Request.Path == "/"
            ? Html(ctx, body)
            : ctx.Request.Path == "/sent" || ctx.Request.Path == "/x" ? Html(ctx, "<html><title>ok</title></html>") : Task.FromResult(ctx.Response.StatusCode = 404));
        await using var services = Services();
        var watch = Stopwatch.StartNew();

        var crawl = await services.GetRequiredService<SiteCrawler>().CrawlAsync(Site(server), "r-" + Guid.NewGuid().ToString("N")[..8], null, CancellationToken.None);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Assert.Contains(crawl.Findings, f => f.Kind == FindingKind.PageTooComplex.Name && f.PageUrl == server.BaseUri.AbsoluteUri);
        Assert.Contains(crawl.Findings, f => f.Kind == FindingKind.BrokenLink.Name && f.Target.EndsWith("/fins-ikke", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PathologicalRobotsWildcards_DoNotStallTheCrawl()
    {
        var longName = new string('a', 3000);
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
        {
            if (ctx.Request.Path == "/robots.txt")
            {
                return ctx.Response.WriteAsync("User-agent: *\nDisallow: /*a*a*a*a*a*a*a*b\n");
            }

            // Only the start page and its 20 long links exist: the soft-404 probe's random path must get a 404, or its
            // title (the last two characters of the path) can equal a real page's and make that page a soft 404.
            if (ctx.Request.Path != "/" && !ctx.Request.Path.Value!.StartsWith("/" + longName, StringComparison.Ordinal))
            {
                ctx.Response.StatusCode = 404;
                return Task.CompletedTask;
            }

            var links = string.Concat(Enumerable.Range(0, 20).Select(i => $"<a href=\"/{longName}{i}\">{i}</a>"));
            return Html(ctx, $"<html lang=\"nb\"><title>{(ctx.Request.Path == "/" ? "start" : ctx.Request.Path.Value![^2..])}</title>{(ctx.Request.Path == "/" ? links : "")}</html>");
        });
        await using var services = Services();
        var watch = Stopwatch.StartNew();

        var crawl = await services.GetRequiredService<SiteCrawler>().CrawlAsync(Site(server), "r-" + Guid.NewGuid().ToString("N")[..8], null, CancellationToken.None);

        Assert.Equal(21, crawl.Stats.PagesCrawled);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task HugeCrawlDelay_IsCappedAndReportedAsASiteFinding()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => ctx.Request.Path == "/robots.txt"
            ? ctx.Response.WriteAsync("User-agent: *\nCrawl-delay: 999999\n")
            : Html(ctx, $"<html lang=\"nb\"><title>{ctx.Request.Path}</title><a href=\"/a\">a</a><a href=\"/b\">b</a><a href=\"/c\">c</a></html>"));
        await using var services = Services(new Dictionary<string, string?> { ["Lenkevakt:Crawl:MaxCrawlDelay"] = "00:00:00.500" });
        var watch = Stopwatch.StartNew();

        var crawl = await services.GetRequiredService<SiteCrawler>().CrawlAsync(Site(server), "r-" + Guid.NewGuid().ToString("N")[..8], null, CancellationToken.None);

        Assert.Equal(4, crawl.Stats.PagesCrawled);
        var finding = Assert.Single(crawl.Findings, f => f.Kind == FindingKind.CrawlDelayCapped.Name);
        Assert.Contains("999", finding.Message, StringComparison.Ordinal);
        // Six pages took 366 s with the old 60 s cap; with a 0.5 s cap the handful of requests take a few seconds.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task CrawlerTraps_AreNotFollowed_ButEveryRealPageIsCrawled()
    {
        // Every page links to a relative sub/ (ever deeper), to the next day of an endless calendar, and to an
        // endless list page; five real pages are linked from the start page.
        var requested = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>();
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
        {
            var path = ctx.Request.Path.Value!;
            requested.TryAdd(path, 0);
            var day = int.TryParse(ctx.Request.Query["dato"], out var d) ? d : 0;
            var real = path == "/" ? string.Concat(Enumerable.Range(1, 5).Select(i => $"<a href=\"/tjeneste-{i}.html\">Tjeneste {i}</a>")) : "";
            return Html(ctx, $"""
                <html lang="nb"><title>{path} {day}</title>{real}
                <a href="sub/">Mer</a><a href="/kalender?dato={day + 1}">Neste dag</a><a href="/arkiv/{day + 1}/?page={day + 2}">Neste side</a></html>
                """);
        });
        await using var services = Services();
        var watch = Stopwatch.StartNew();

        var site = Site(server, maxPages: 10_000, maxDepth: 1_000);
        var runId = "r-" + Guid.NewGuid().ToString("N")[..8];

        var crawl = await services.GetRequiredService<SiteCrawler>().CrawlAsync(site, runId, null, CancellationToken.None);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
        Assert.True(crawl.Stats.PagesCrawled < 300, $"{crawl.Stats.PagesCrawled} pages crawled");
        Assert.True(crawl.Stats.PagesCrawled > 50, $"{crawl.Stats.PagesCrawled} pages crawled");
        var traps = crawl.Findings.Where(f => f.Kind == FindingKind.CrawlerTrap.Name).ToList();
        Assert.Contains(traps, t => t.Target.Contains("/sub/", StringComparison.Ordinal));
        Assert.Contains(traps, t => t.Target.Contains("dato=", StringComparison.Ordinal));
        Assert.All(traps, t => Assert.Equal(server.BaseUri.AbsoluteUri, t.PageUrl));
        Assert.All(Enumerable.Range(1, 5), i => Assert.Contains($"/tjeneste-{i}.html", requested.Keys));
    }
}
