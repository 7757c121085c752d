using Lenkevakt.Crawling;
using Lenkevakt.Sites;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Crawling;

/// <summary>
/// Issue 12: under a page limit, an unchanged site is crawled the same way every run — the same pages in the same
/// order — whatever the response timing, the number of workers, or how the crawl is split into continuations.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DeterministicFrontierTests(AzuriteFixture azurite)
{
    private const int SitePages = 80;
    private const int PageLimit = 25;

    [Fact]
    public async Task PageLimit_SamePagesInSameOrder_WithOneOrFourWorkers_AndRandomDelays()
    {
        await using var site = await GeneratedSite.StartAsync(seed: 7);
        var runs = new List<(int Workers, SiteCrawlResult Result, List<string> Gets)>();
        foreach (var workers in new[] { 1, 4, 4, 1, 4 })
        {
            await using var services = Services(workers);
            site.ClearLog();
            var result = await services.GetRequiredService<SiteCrawler>().CrawlAsync(site.Definition, "r-det-" + runs.Count, null, CancellationToken.None);
            runs.Add((workers, result, site.PageGets()));
        }

        var reference = runs[0];
        Assert.Equal(PageLimit, reference.Result.CrawlOrder.Count);
        Assert.Contains("page limit", reference.Result.Stats.Truncated);
        foreach (var run in runs.Skip(1))
        {
            Assert.Equal(reference.Result.CrawlOrder, run.Result.CrawlOrder);
            Assert.Equal(reference.Gets, run.Gets);
            Assert.Equal(reference.Result.Stats.PagesCrawled, run.Result.Stats.PagesCrawled);
            Assert.Equal(FindingKeys(reference.Result), FindingKeys(run.Result));
        }
    }

    [Fact]
    public async Task PageLimit_BreadthFirst_HelpLinksFirstWithinALevel()
    {
        await using var site = await GeneratedSite.StartAsync(seed: 11);
        await using var services = Services(4);
        var crawler = services.GetRequiredService<SiteCrawler>();

        var order = (await crawler.CrawlAsync(site.Definition, "r-det-key", null, CancellationToken.None)).CrawlOrder;
        var depths = order.Select(GeneratedSite.DepthOf).ToList();
        Assert.Equal(site.Definition.StartUrls[0].AbsoluteUri, order[0]);
        Assert.Equal(depths.Order(), depths); // no page before a shallower one

        // Six pages: the start page, then the three help-page links of the first level, then two others.
        var small = site.Definition with { Scope = site.Definition.Scope with { MaxPages = 6 } };
        var first = (await crawler.CrawlAsync(small, "r-det-key-6", null, CancellationToken.None)).CrawlOrder.Skip(1).ToList();
        Assert.Equal(5, first.Count);
        Assert.All(first.Take(3), u => Assert.True(GeneratedSite.IsHelpPage(u), u));
        Assert.All(first.Skip(3), u => Assert.False(GeneratedSite.IsHelpPage(u), u));
    }

    [Fact]
    public async Task Continuations_CrawlTheSamePages_AsOneUninterruptedCrawl()
    {
        await using var site = await GeneratedSite.StartAsync(seed: 5);
        await using var services = Services(4);
        await services.GetRequiredService<Lenkevakt.Storage.StorageProvisioner>().EnsureAsync(CancellationToken.None);
        var crawler = services.GetRequiredService<SiteCrawler>();
        var whole = await crawler.CrawlAsync(site.Definition, "r-det-whole", null, CancellationToken.None);

        // A deadline already passed: each message fetches a page or a few, checkpoints, and leaves the rest to the next.
        var time = services.GetRequiredService<TimeProvider>();
        site.ClearLog();
        SiteCrawlResult split;
        var messages = 0;
        do
        {
            split = await crawler.CrawlAsync(site.Definition, "r-det-split", null, CancellationToken.None, deadline: time.GetUtcNow());
            messages++;
        }
        while (!split.Completed && messages < 200);

        Assert.True(split.Completed);
        Assert.True(messages > 3, $"only {messages} messages");
        Assert.Equal(whole.CrawlOrder, split.CrawlOrder);
        Assert.Equal(whole.Stats.PagesCrawled, split.Stats.PagesCrawled);
        Assert.Equal(FindingKeys(whole), FindingKeys(split));
        Assert.All(site.PageGets().GroupBy(p => p), g => Assert.Single(g)); // and no page fetched twice across the messages
    }

    private ServiceProvider Services(int workers) => TestServices.Create(azurite.ConnectionString, settings: new Dictionary<string, string?>
    {
        ["Lenkevakt:Crawl:HostConcurrency"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Lenkevakt:Crawl:CheckpointInterval"] = "00:00:00.050",
        ["Lenkevakt:Crawl:MaxRetries"] = "0",
        ["Lenkevakt:Crawl:AttemptTimeout"] = "00:00:30",
    });

    private static List<string> FindingKeys(SiteCrawlResult result) =>
        result.Findings.Select(f => $"{f.Kind} {f.PageUrl} {f.Target}").Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// A site of <see cref="SitePages"/> pages larger than the page limit: each page links to a few others (some with
    /// help-page texts), through a redirect, to an alias with the same bytes (?utm=), and to a missing page; a sitemap
    /// lists a few pages. Every response waits a random (seeded) 0–20 ms, so responses come back in a different order
    /// every run.
    /// </summary>
    private sealed class GeneratedSite : IAsyncDisposable
    {
        private readonly LoopbackServer server;
        private readonly Random delays;
        private readonly List<string> gets = [];

        private GeneratedSite(LoopbackServer server, Random delays)
        {
            this.server = server;
            this.delays = delays;
            Definition = SitesCatalog.ForUrl(server.BaseUri, new CrawlScope { AllowPrivateNetworks = true, MaxPages = PageLimit });
        }

        public SiteDefinition Definition { get; }

        public static async Task<GeneratedSite> StartAsync(int seed)
        {
            GeneratedSite? site = null;
            var delays = new Random(seed);
            var server = await LoopbackServer.StartAsync((ctx, _) => site!.HandleAsync(ctx));
            site = new GeneratedSite(server, delays);
            return site;
        }

        public void ClearLog()
        {
            lock (gets)
            {
                gets.Clear();
            }
        }

        /// <summary>The page GETs (not checks, probes, robots.txt or the sitemap), sorted.</summary>
        public List<string> PageGets()
        {
            lock (gets)
            {
                return gets.Where(g => g.StartsWith("/p/", StringComparison.Ordinal) || g == "/").Order(StringComparer.Ordinal).ToList();
            }
        }

        public static int DepthOf(string url) => new Uri(url).AbsolutePath switch
        {
            "/" => 0,
            var p when p.StartsWith("/old/", StringComparison.Ordinal) => 1,
            var p when p.StartsWith("/p/", StringComparison.Ordinal) => Depth(Number(p)),
            _ => 2, // /mangler-n.html: linked from the pages of depth 1
        };

        public static bool IsHelpPage(string url) => new Uri(url).AbsolutePath is var p && p.StartsWith("/p/", StringComparison.Ordinal) && IsHelp(Number(p));

        private static int Number(string path) => int.Parse(path[3..path.IndexOf('.', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);

        public ValueTask DisposeAsync() => server.DisposeAsync();

        // Page i sits at depth 1 (i < 10), 2 (i < 40) or 3: the start page links to 0..9, page i to pages of the next band.
        private static int Depth(int i) => i < 10 ? 1 : i < 40 ? 2 : 3;

        private static bool IsHelp(int i) => i % 3 == 1;

        private static IEnumerable<int> Children(int i) => i < 10 ? [10 + (i * 3), 11 + (i * 3), 12 + (i * 3)] : i < 40 ? [40 + (i - 10), 41 + ((i - 10) % 39)] : [];

        private static string Link(int i) => $"""<a href="/p/{i}.html">{(IsHelp(i) ? "Legevakt og psykisk helse" : "Byggesak")} {i}</a> """;

        private async Task HandleAsync(HttpContext ctx)
        {
            int wait;
            lock (delays)
            {
                wait = delays.Next(0, 20);
            }

            await Task.Delay(wait);
            var path = ctx.Request.Path.Value!;
            if (ctx.Request.Method == "GET")
            {
                lock (gets)
                {
                    gets.Add(path + ctx.Request.QueryString);
                }
            }

            if (path == "/sitemap.xml")
            {
                ctx.Response.ContentType = "application/xml";
                await ctx.Response.WriteAsync($"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{server.BaseUri}p/5.html</loc></url><url><loc>{server.BaseUri}p/8.html</loc></url></urlset>""");
                return;
            }

            if (path.StartsWith("/old/", StringComparison.Ordinal))
            {
                ctx.Response.StatusCode = 301;
                ctx.Response.Headers.Location = "/p/3.html"; // a page of the same level: the redirect and the page race
                return;
            }

            string body;
            if (path == "/")
            {
                body = string.Concat(Enumerable.Range(0, 10).Select(Link)) + """<a href="/old/3.html">Flyttet</a> <a href="/p/2.html?utm=nyhetsbrev">Samme side</a>""";
            }
            else if (path.StartsWith("/p/", StringComparison.Ordinal) && path.EndsWith(".html", StringComparison.Ordinal)
                && int.TryParse(path[3..^5], System.Globalization.CultureInfo.InvariantCulture, out var i) && i < SitePages)
            {
                body = string.Concat(Children(i).Where(c => c < SitePages).Select(Link)) + $"""<a href="/p/{i}.html#avsnitt-{i}">Avsnitt</a> <a href="/mangler-{i % 4}.html">Mangler</a> <a href="/">Forsiden</a>""";
            }
            else
            {
                ctx.Response.StatusCode = 404;
                return;
            }

            ctx.Response.ContentType = "text/html";
            await ctx.Response.WriteAsync($"""<html lang="nb"><title>Side {path}</title><body><h1 id="topp">Side</h1>{body}</body></html>""");
        }
    }
}
