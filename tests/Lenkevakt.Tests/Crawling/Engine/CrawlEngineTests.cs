using System.Collections.Concurrent;
using System.Diagnostics;
using Lenkevakt.Crawling;
using Lenkevakt.Sites;
using Lenkevakt.Storage;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Lenkevakt.Tests.Crawling.Engine;

/// <summary>
/// The crawl engine with hundreds of sites in progress at once, each on its own loopback host: every host's own
/// politeness limits hold, the process-wide request budget holds, and every site is crawled completely.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CrawlEngineTests(AzuriteFixture azurite)
{
    private const int Sites = 200;
    private const int HostConcurrency = 2;
    private const int MaxRequests = 24;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(40);

    [Fact]
    public async Task HundredsOfSitesInFlight_KeepPerHostAndGlobalLimits_AndCrawlEverySite()
    {
        var recorder = new RequestRecorder();
        await using var server = await LoopbackServer.StartOnManyHostsAsync(Sites + 1, async (ctx, _) =>
        {
            await Task.Delay(15); // the server's own latency, so that requests overlap
            var page = Page(ctx.Request.Path.Value ?? "/");
            if (page.Length == 0)
            {
                ctx.Response.StatusCode = 404;
                return;
            }

            ctx.Response.ContentType = "text/html; charset=utf-8";
            await ctx.Response.WriteAsync(page);
        });
        var external = server.BaseUris[0];
        var sites = server.BaseUris.Skip(1).Select((b, i) => new SiteDefinition { Id = $"kommune-{i:D3}", Name = $"Kommune {i}", StartUrls = [b] }).ToList();
        PageTemplate.External = external;
        await using var services = TestServices.Create(azurite.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Lenkevakt:Crawl:HostConcurrency"] = HostConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Lenkevakt:Crawl:HostMinInterval"] = Interval.ToString(),
            ["Lenkevakt:Crawl:MaxRequestsInFlight"] = MaxRequests.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Lenkevakt:Crawl:MaxSitesInFlight"] = "1000",
            ["Lenkevakt:Crawl:MemoryBudgetMb"] = "1000000",
            ["Lenkevakt:Crawl:AttemptTimeout"] = "00:00:30",
        }, configure: services => services.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.AdditionalHandlers.Insert(0, new RecordingHandler(recorder)))));
        await services.GetRequiredService<StorageProvisioner>().EnsureAsync(CancellationToken.None);
        var crawler = services.GetRequiredService<SiteCrawler>();

        var results = await Task.WhenAll(sites.Select(s => crawler.CrawlAsync(s, "r1", null, CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(5, r.Stats.PagesCrawled));
        Assert.All(results, r => Assert.Contains(r.Findings, f => f.Kind == "broken-link" && f.Target.EndsWith("/borte.html", StringComparison.Ordinal)));
        var admission = services.GetRequiredService<SiteAdmission>();
        Assert.True(admission.Peak >= Sites / 2, $"only {admission.Peak} sites were in progress at once");
        Assert.True(recorder.PeakActive <= MaxRequests, $"{recorder.PeakActive} requests in flight at once; the budget is {MaxRequests}");
        Assert.True(recorder.PeakActive > HostConcurrency, "the hosts were not worked at once");
        Assert.True(services.GetRequiredService<HostGate>().PeakRequestsInFlight <= MaxRequests);
        Assert.Equal(Sites + 1, recorder.Hosts.Count);
        foreach (var (host, log) in recorder.Hosts)
        {
            Assert.True(log.Peak <= HostConcurrency, $"{host}: {log.Peak} requests at once");
            // The interval as a rate: in any window of 10 intervals at most 11 starts, plus one for the scheduling jitter
            // of a busy machine between the gate and the handler (a late start shortens one gap and lengthens the one before).
            Assert.True(log.MostStartsWithin(Interval * 10) <= 12, $"{host}: {log.MostStartsWithin(Interval * 10)} requests started within {(Interval * 10).TotalMilliseconds} ms");
        }

        // The shared external host: its URL checked once for all 200 sites (HEAD, then GET because HEAD said 404).
        Assert.Equal(1, recorder.Hosts[external.Authority].Count("HEAD /borte.html"));
        Assert.Equal(1, recorder.Hosts[external.Authority].Count("GET /borte.html"));
    }

    private static string Page(string path) => PageTemplate.For(path);

    /// <summary>Outermost handler of every crawler client: sees each request when the host gate lets it go.</summary>
    private sealed class RequestRecorder
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private int active;
        private int peakActive;

        public ConcurrentDictionary<string, HostLog> Hosts { get; } = new(StringComparer.Ordinal);

        public int PeakActive => Volatile.Read(ref peakActive);

        public HostLog Begin(HttpRequestMessage request)
        {
            var log = Hosts.GetOrAdd(request.RequestUri!.Authority, _ => new HostLog());
            log.Started(clock.Elapsed, request.Method + " " + request.RequestUri.AbsolutePath);
            Max(ref peakActive, Interlocked.Increment(ref active));
            return log;
        }

        public void End(HostLog log)
        {
            Interlocked.Decrement(ref active);
            log.Ended();
        }
    }

    private sealed class RecordingHandler(RequestRecorder recorder) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var log = recorder.Begin(request);
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                recorder.End(log);
            }
        }
    }

    private static void Max(ref int target, int value)
    {
        for (var current = Volatile.Read(ref target); value > current; current = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                return;
            }
        }
    }

    private static class PageTemplate
    {
        public static Uri External { get; set; } = null!;

        public static string For(string path) => path switch
        {
            "/" => $"""<!DOCTYPE html><html lang="nb"><head><title>Helse</title></head><body><a href="/a.html">A</a> <a href="/b.html">B</a> <a href="/c.html">C</a> <a href="/d.html">D</a> <a href="{External}borte.html">Ekstern</a></body></html>""",
            "/a.html" or "/b.html" or "/c.html" or "/d.html" => $"""<!DOCTYPE html><html lang="nb"><head><title>Side {path}</title></head><body><a href="/">Forside</a></body></html>""",
            _ => "",
        };
    }

    private sealed class HostLog
    {
        private readonly List<TimeSpan> starts = [];
        private readonly Dictionary<string, int> requests = new(StringComparer.Ordinal);
        private int active;

        public int Peak { get; private set; }

        public void Started(TimeSpan at, string request)
        {
            lock (starts)
            {
                starts.Add(at);
                requests[request] = requests.GetValueOrDefault(request) + 1;
                active++;
                Peak = Math.Max(Peak, active);
            }
        }

        public void Ended()
        {
            lock (starts)
            {
                active--;
            }
        }

        public int MostStartsWithin(TimeSpan window)
        {
            lock (starts)
            {
                var sorted = starts.Order().ToList();
                var most = 0;
                for (int first = 0, last = 0; last < sorted.Count; last++)
                {
                    while (sorted[last] - sorted[first] >= window)
                    {
                        first++;
                    }

                    most = Math.Max(most, last - first + 1);
                }

                return most;
            }
        }

        public int Count(string request)
        {
            lock (starts)
            {
                return requests.GetValueOrDefault(request);
            }
        }
    }
}
