using Lenkevakt.Cli.Demo;
using Lenkevakt.Findings;
using Lenkevakt.Pipeline;
using Lenkevakt.Storage;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Pipeline;

/// <summary>Long crawls under a time budget: checkpoint, continuation message, resume without fetching a page twice.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ContinuationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TinyTimeBudget_CrawlsInManyContinuations_WithTheSameFindings_AndEachPageFetchedOnce()
    {
        await using var web = await SampleWebServer.StartAsync(TestServices.SamplesRoot(), CancellationToken.None);
        var sites = DemoSites.Load(TestServices.SamplesRoot(), web.Sites);

        // Reference: the same sites without a budget.
        await using var reference = TestServices.Create(azurite.ConnectionString);
        await reference.GetRequiredService<LocalCycle>().RunAsync(sites, CancellationToken.None);
        var expected = await LinkFindingKeysAsync(reference);
        web.RequestLog.Clear();

        await using var services = TestServices.Create(azurite.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Lenkevakt:Crawl:TimeBudget"] = "00:00:00.001",
            ["Lenkevakt:Crawl:CheckpointInterval"] = "00:00:00.050",
            ["Lenkevakt:Crawl:HostConcurrency"] = "1",

            // This test is about resuming, not transport retries: a retried GET under a loaded CI machine is not a second fetch by the crawler.
            ["Lenkevakt:Crawl:MaxRetries"] = "0",
            ["Lenkevakt:Crawl:AttemptTimeout"] = "00:00:30",
        });
        var summary = await services.GetRequiredService<LocalCycle>().RunAsync(sites, CancellationToken.None);

        Assert.All(summary.Sites, s => Assert.Equal("closed", s.Status));
        var actual = await LinkFindingKeysAsync(services);
        Assert.True(expected.SequenceEqual(actual), "expected:\n" + string.Join("\n", expected) + "\nactual:\n" + string.Join("\n", actual));
        var pageGets = web.RequestLog
            .Where(r => r.Method == "GET" && (r.Path.EndsWith('/') || r.Path.EndsWith(".html", StringComparison.Ordinal)) && !r.Path.StartsWith("/lenkevakt-finnes-ikke", StringComparison.Ordinal))
            .GroupBy(r => (r.Site, r.Path))
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.NotEmpty(pageGets);
        Assert.All(pageGets, kv => Assert.True(kv.Value == 1, $"{kv.Key} fetched {kv.Value} times"));
        var fjordvik = summary.Sites.Single(s => s.SiteId == "kommune-9901").Health!;
        Assert.Equal(5, fjordvik.PagesCrawled);
    }

    private static async Task<List<string>> LinkFindingKeysAsync(IServiceProvider services)
    {
        var storage = services.GetRequiredService<StorageClients>();
        var keys = new List<string>();
        await foreach (var f in storage.Table(storage.Names.FindingsTable).QueryAsync<FindingEntity>())
        {
            keys.Add($"{f.SiteId} {new Uri(f.PageUrl).PathAndQuery} {f.Kind} {f.RowKey}");
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }
}
