using Lenkevakt.Cli.Demo;
using Lenkevakt.Cli.Hosting;
using Lenkevakt.Findings;
using Lenkevakt.Pipeline;
using Lenkevakt.Sites;
using Lenkevakt.Storage;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lenkevakt.Tests.ScaleOut;

/// <summary>Several worker processes on one storage account, a worker killed mid-crawl, storage restarted mid-run.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ScaleOutTests(AzuriteFixture azurite)
{
    private static readonly string[] LinkKindsPerSite = ["broken-link", "broken-link", "fragment-missing"];

    [Fact]
    public async Task TwoWorkers_Share20Sites_EachPageFetchedOnce_EveryFindingRecordedOnce()
    {
        var root = GeneratedSites.Create(sites: 20, pages: 5);
        await using var web = await SampleWebServer.StartAsync(root, CancellationToken.None);
        var sites = Sites(web, 20);
        var prefix = TestServices.UniquePrefix();
        await using var services = TestServices.Create(azurite.ConnectionString, prefix);

        // Each worker's engine takes at most two sites at a time, so that neither can take the whole run alone.
        var small = new Dictionary<string, string> { ["Lenkevakt__Crawl__MaxSitesInFlight"] = "2" };
        await using var a = new WorkerProcess(azurite.ConnectionString, prefix, small);
        await using var b = new WorkerProcess(azurite.ConnectionString, prefix, small);
        var runId = await services.GetRequiredService<PlanRunHandler>().PlanAsync("r-scale", DateTimeOffset.Parse("2026-11-23T01:00:00Z"), sites, "test", CancellationToken.None);
        await WaitClosedAsync(services, runId, sites.Count, TimeSpan.FromMinutes(4), () => a.Output + b.Output);

        var gets = PageGets(web);
        Assert.Equal(20 * 6, gets.Count); // index + 5 topic pages per site
        Assert.All(gets, g => Assert.True(g.Value == 1, $"{g.Key} fetched {g.Value} times"));
        var findings = await FindingsAsync(services);
        foreach (var site in sites)
        {
            Assert.Equal(LinkKindsPerSite, findings.Where(f => f.SiteId == site.Id && f.Kind is "broken-link" or "fragment-missing").Select(f => f.Kind).Order());
        }

        Assert.Equal(findings.Count, findings.Select(f => (f.SiteId, f.RowKey)).Distinct().Count());
        Assert.Contains("Crawled site", a.Output, StringComparison.Ordinal);
        Assert.Contains("Crawled site", b.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkerKilledMidCrawl_AnotherWorkerResumes_AndTheRunCompletesWithEveryFinding()
    {
        var root = GeneratedSites.Create(sites: 2, pages: 40);
        await using var web = await SampleWebServer.StartAsync(root, CancellationToken.None);
        var sites = Sites(web, 2);
        var prefix = TestServices.UniquePrefix();
        var slow = new Dictionary<string, string>
        {
            ["Lenkevakt__Crawl__HostMinInterval"] = "00:00:00.100", // slow enough to be killed half-way
            ["Lenkevakt__Crawl__HostConcurrency"] = "1",
            ["Lenkevakt__Crawl__CheckpointInterval"] = "00:00:00.200",
            ["Lenkevakt__Queues__VisibilityTimeout"] = "00:00:04",
            ["Lenkevakt__Queues__CrawlLease"] = "00:00:04",
        };
        await using var services = TestServices.Create(azurite.ConnectionString, prefix);
        var runId = await services.GetRequiredService<PlanRunHandler>().PlanAsync("r-kill", DateTimeOffset.Parse("2026-11-23T01:00:00Z"), sites, "test", CancellationToken.None);

        var first = new WorkerProcess(azurite.ConnectionString, prefix, slow);
        await WaitUntilAsync(() => PageGets(web).Count >= 20, TimeSpan.FromMinutes(2));
        first.Kill();
        var firstOutput = first.Output;
        var fetchedBeforeKill = PageGets(web).Keys.ToHashSet();
        await first.DisposeAsync();

        await using var second = new WorkerProcess(azurite.ConnectionString, prefix, new Dictionary<string, string>(slow) { ["Lenkevakt__Crawl__HostMinInterval"] = "00:00:00" });
        await WaitClosedAsync(services, runId, sites.Count, TimeSpan.FromMinutes(4), () => second.Output);

        var gets = PageGets(web);
        Assert.Equal(2 * 41, gets.Count);
        Assert.All(gets, g => Assert.True(g.Value <= 2, $"{g.Key} fetched {g.Value} times"));
        // Resumed from the checkpoint: most pages fetched before the kill were not fetched again.
        Assert.True(fetchedBeforeKill.Count(k => gets[k] == 1) > fetchedBeforeKill.Count / 2, $"refetched {fetchedBeforeKill.Count(k => gets[k] > 1)} of {fetchedBeforeKill.Count}. First worker:\n{firstOutput}\nSecond worker:\n{second.Output}");
        Assert.Contains("Resumed", second.Output, StringComparison.Ordinal);
        var findings = await FindingsAsync(services);
        foreach (var site in sites)
        {
            Assert.Equal(LinkKindsPerSite, findings.Where(f => f.SiteId == site.Id && f.Kind is "broken-link" or "fragment-missing").Select(f => f.Kind).Order());
        }
    }

    [Fact]
    public async Task StorageRestartedMidRun_WorkersBackOff_AndTheRunCompletes()
    {
        var location = Path.Combine(Path.GetTempPath(), "lenkevakt-tests", "azurite-restart-" + Guid.NewGuid().ToString("N")[..8]);
        var storage = await AzuriteLauncher.StartAsync(0, 0, 0, location, inMemory: false, NullLogger.Instance, CancellationToken.None);
        var (blob, queue, table) = (storage.BlobPort, storage.QueuePort, storage.TablePort);
        var connection = storage.ConnectionString;
        try
        {
            var root = GeneratedSites.Create(sites: 4, pages: 15);
            await using var web = await SampleWebServer.StartAsync(root, CancellationToken.None);
            var sites = Sites(web, 4);
            var prefix = TestServices.UniquePrefix();
            await using var services = TestServices.Create(connection, prefix);
            var runId = await services.GetRequiredService<PlanRunHandler>().PlanAsync("r-restart", DateTimeOffset.Parse("2026-11-23T01:00:00Z"), sites, "test", CancellationToken.None);
            await using var worker = new WorkerProcess(connection, prefix, new Dictionary<string, string>
            {
                ["Lenkevakt__Crawl__HostMinInterval"] = "00:00:00.050",
                ["Lenkevakt__Crawl__HostConcurrency"] = "1",
                ["Lenkevakt__Queues__VisibilityTimeout"] = "00:00:05",
                ["Lenkevakt__Queues__CrawlLease"] = "00:00:05",
            });

            await WaitUntilAsync(() => PageGets(web).Count >= 10, TimeSpan.FromMinutes(2));
            await storage.DisposeAsync(); // storage goes away (gracefully, so its data survives)
            await Task.Delay(TimeSpan.FromSeconds(4));
            storage = await AzuriteLauncher.StartAsync(blob, queue, table, location, inMemory: false, NullLogger.Instance, CancellationToken.None);

            await WaitClosedAsync(services, runId, sites.Count, TimeSpan.FromMinutes(4), () => worker.Output);
            var findings = await FindingsAsync(services);
            foreach (var site in sites)
            {
                Assert.Equal(LinkKindsPerSite, findings.Where(f => f.SiteId == site.Id && f.Kind is "broken-link" or "fragment-missing").Select(f => f.Kind).Order());
            }
        }
        finally
        {
            await storage.DisposeAsync();
        }
    }

    private static List<SiteDefinition> Sites(SampleWebServer web, int count) =>
        Enumerable.Range(1, count)
            .Select(i => SitesCatalog.ForUrl(web.Sites[$"site{i:D2}"], new CrawlScope { AllowPrivateNetworks = true, MaxPages = 100 }) with { Id = $"site{i:D2}", Name = $"Kommune {i}" })
            .ToList();

    private static Dictionary<(string Site, string Path), int> PageGets(SampleWebServer web) =>
        web.RequestLog.Where(r => r.Method == "GET" && r.Site != "ext" && (r.Path == "/" || r.Path.StartsWith("/tema/", StringComparison.Ordinal)))
            .GroupBy(r => (r.Site, r.Path)).ToDictionary(g => g.Key, g => g.Count());

    private static async Task<List<FindingEntity>> FindingsAsync(IServiceProvider services)
    {
        var storage = services.GetRequiredService<StorageClients>();
        var list = new List<FindingEntity>();
        await foreach (var f in storage.Table(storage.Names.FindingsTable).QueryAsync<FindingEntity>())
        {
            list.Add(f);
        }

        return list;
    }

    private static async Task WaitClosedAsync(IServiceProvider services, string runId, int sites, TimeSpan timeout, Func<string> diagnostics)
    {
        var runs = services.GetRequiredService<RunStore>();
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            try
            {
                var statuses = await runs.GetSiteStatusesAsync(runId, cts.Token);
                if (statuses.Count == sites && statuses.Values.All(s => s == "closed"))
                {
                    return;
                }

                await Task.Delay(500, cts.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"run {runId} did not close in {timeout}. Worker output:\n{diagnostics()}");
            }
            catch (Azure.RequestFailedException)
            {
                await Task.Delay(500, CancellationToken.None);
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!condition())
        {
            await Task.Delay(100, cts.Token);
        }
    }
}
