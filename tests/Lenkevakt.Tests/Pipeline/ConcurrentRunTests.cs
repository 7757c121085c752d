using Lenkevakt.Dashboard;
using Lenkevakt.Pipeline;
using Lenkevakt.Sites;
using Lenkevakt.Tests.Alerts;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Pipeline;

/// <summary>Issue 12: two runs started at once on the same site and run id do not double-count.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ConcurrentRunTests(AzuriteFixture azurite)
{
    private const string Secret = "samtidig-123";

    [Fact]
    public async Task TwoRunsAtOnce_SameSiteAndRunId_CountNewAndFixedOnce_AsACleanRunDoes_AndSendOneDigest()
    {
        await using var web = await NightlySite.StartAsync(pages: 40, delay: TimeSpan.FromMilliseconds(20));
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        var site = SitesCatalog.ForUrl(web.BaseUri, new CrawlScope { AllowPrivateNetworks = true, MaxPages = 30 }) with
        {
            Id = "samtidig",
            Subscriptions = [new AlertSubscription { Id = "red", WebhookUrl = receiver.Url("/signed/samtidig"), Format = "json" }],
        };
        var settings = new Dictionary<string, string?> { ["Lenkevakt:Alerts:AllowLoopbackWebhooks"] = "true", ["Lenkevakt:Alerts:Secrets:red"] = Secret };
        var prefix = TestServices.UniquePrefix();
        await using var clean = TestServices.Create(azurite.ConnectionString, settings: settings);
        await using var a = TestServices.Create(azurite.ConnectionString, prefix, settings); // two "processes" on one storage
        await using var b = TestServices.Create(azurite.ConnectionString, prefix, settings);

        web.Broken = new HashSet<int> { 1, 2, 3, 4, 5 };
        await clean.GetRequiredService<LocalCycle>().RunAsync([site], CancellationToken.None, "r-natt-1");
        await a.GetRequiredService<LocalCycle>().RunAsync([site], CancellationToken.None, "r-natt-1");
        web.Broken = new HashSet<int> { 3, 4, 5, 6, 7, 8 }; // 1 and 2 fixed, 6, 7 and 8 broken
        var cleanRun = (await clean.GetRequiredService<LocalCycle>().RunAsync([site], CancellationToken.None, "r-natt-2")).Sites[0].Health!;
        var digestsBefore = receiver.Requests.Count;

        var both = await Task.WhenAll(
            a.GetRequiredService<LocalCycle>().RunAsync([site], CancellationToken.None, "r-natt-2"),
            b.GetRequiredService<LocalCycle>().RunAsync([site], CancellationToken.None, "r-natt-2"));

        Assert.Equal((3, 2), (cleanRun.NewFindings, cleanRun.ResolvedFindings));
        foreach (var summary in both)
        {
            Assert.DoesNotContain(summary.PoisonCounts, p => p.Value > 0);
            var health = Assert.Single(summary.Sites).Health!;
            Assert.Equal((cleanRun.NewFindings, cleanRun.ResolvedFindings, cleanRun.OpenFindings, cleanRun.PagesCrawled), (health.NewFindings, health.ResolvedFindings, health.OpenFindings, health.PagesCrawled));
        }

        var history = new List<SiteHealthEntity>();
        await foreach (var h in a.GetRequiredService<DashboardStore>().GetHistoryAsync("samtidig", CancellationToken.None))
        {
            history.Add(h);
        }

        Assert.Equal(["r-natt-1", "r-natt-2"], history.Select(h => h.RowKey).Order(StringComparer.Ordinal));
        Assert.Equal(1, receiver.Requests.Count - digestsBefore); // the clean storage's digest was sent before; this run's once
        var digest = receiver.Requests.Last();
        Assert.Equal((3, 2), (digest.Json.GetProperty("new").GetProperty("total").GetInt32(), digest.Json.GetProperty("resolved").GetProperty("total").GetInt32()));
    }
}
