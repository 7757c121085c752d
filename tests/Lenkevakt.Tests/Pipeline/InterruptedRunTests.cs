using System.Diagnostics;
using Azure.Data.Tables;
using Lenkevakt.Pipeline;
using Lenkevakt.Sites;
using Lenkevakt.Storage;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Pipeline;

/// <summary>
/// Issue 10, recovery: after <c>kill -9</c> of the CLI mid-crawl the rerun waited out the dead process's lease (about
/// 4 minutes), crawled the site a second time under a new run, and printed it with no counts. A lease names its
/// process, so a rerun on the same machine takes it over at once, and <c>run</c> continues the interrupted run.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class InterruptedRunTests(AzuriteFixture azurite)
{
    private static string DeadProcessOwner()
    {
        using var gone = Process.Start(new ProcessStartInfo("sleep", "0.3") { UseShellExecute = false })!;
        var started = gone.StartTime.ToUniversalTime().Ticks;
        gone.WaitForExit();
        return LeaseOwner.Format(Environment.MachineName, gone.Id, started);
    }

    [Fact]
    public void LeaseOwner_KnowsThisProcessIsAlive_AndAnExitedOneIsGone()
    {
        Assert.False(LeaseOwner.IsGoneOnThisMachine(LeaseOwner.Current));
        Assert.True(LeaseOwner.IsGoneOnThisMachine(DeadProcessOwner()));
        Assert.False(LeaseOwner.IsGoneOnThisMachine("another-machine|1|0"), "a lease of another machine is only taken over when it expires");
        Assert.False(LeaseOwner.IsGoneOnThisMachine(null));
    }

    [Fact]
    public async Task CrawlLease_OfAProcessThatIsGone_IsTakenOverAtOnce_ALiveOneIsNot()
    {
        await using var services = TestServices.Create(azurite.ConnectionString);
        await services.GetRequiredService<StorageProvisioner>().EnsureAsync(CancellationToken.None);
        var runs = services.GetRequiredService<RunStore>();
        var table = Runs(services);

        await table.UpsertEntityAsync(new TableEntity("r1", "site|dead") { ["Status"] = "crawling", ["SiteId"] = "dead", ["LeaseUntil"] = TimeProvider.System.GetUtcNow().AddMinutes(5), ["Owner"] = DeadProcessOwner() });
        await table.UpsertEntityAsync(new TableEntity("r1", "site|alive") { ["Status"] = "crawling", ["SiteId"] = "alive", ["LeaseUntil"] = TimeProvider.System.GetUtcNow().AddMinutes(5), ["Owner"] = "another-machine|1|0" });

        Assert.Equal(LeaseResult.Acquired, (await runs.TryAcquireCrawlLeaseAsync("r1", "dead", TimeSpan.FromMinutes(5), CancellationToken.None)).Result);
        Assert.Equal(LeaseResult.Busy, (await runs.TryAcquireCrawlLeaseAsync("r1", "alive", TimeSpan.FromMinutes(5), CancellationToken.None)).Result);
    }

    [Fact]
    public async Task Run_AfterAKilledRun_ContinuesThatRun_AtOnce_AndCrawlsOnlyWhatWasLeft()
    {
        var requests = 0;
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
        {
            Interlocked.Increment(ref requests);
            ctx.Response.ContentType = "text/html";
            return ctx.Response.WriteAsync($"<html lang=\"nb\"><title>{ctx.Request.Path}</title><a href=\"/a\">a</a><a href=\"/b\">b</a></html>");
        });
        IReadOnlyList<SiteDefinition> sites = [SitesCatalog.ForUrl(server.BaseUri, new CrawlScope { AllowPrivateNetworks = true, MaxPages = 10 })];
        await using var services = TestServices.Create(azurite.ConnectionString);
        await services.GetRequiredService<StorageProvisioner>().EnsureAsync(CancellationToken.None);
        // The killed CLI had planned run r-killed and was crawling the site when it died (its message is still invisible).
        await services.GetRequiredService<PlanRunHandler>().PlanAsync("r20261201T230000Z-dead", TimeProvider.System.GetUtcNow().AddMinutes(-10), sites, "cli", CancellationToken.None);
        await services.GetRequiredService<StorageClients>().Queue(StorageNames.CrawlSite).ClearMessagesAsync();
        await Runs(services).UpsertEntityAsync(new TableEntity("r20261201T230000Z-dead", "site|" + sites[0].Id) { ["Status"] = "crawling", ["LeaseUntil"] = TimeProvider.System.GetUtcNow().AddMinutes(5), ["Owner"] = DeadProcessOwner() }, TableUpdateMode.Merge);
        var watch = Stopwatch.StartNew();

        var summary = await services.GetRequiredService<LocalCycle>().RunAsync(sites, CancellationToken.None);

        Assert.Equal("r20261201T230000Z-dead", summary.RunId);
        var site = Assert.Single(summary.Sites);
        Assert.Equal("closed", site.Status);
        Assert.Equal(3, site.Health?.PagesCrawled);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed} (the dead lease ran 5 minutes)");

        // The next run is a new one: the interrupted run is finished.
        var next = await services.GetRequiredService<LocalCycle>().RunAsync(sites, CancellationToken.None);
        Assert.NotEqual(summary.RunId, next.RunId);
    }

    private static TableClient Runs(IServiceProvider services)
    {
        var storage = services.GetRequiredService<StorageClients>();
        return storage.Table(storage.Names.RunsTable);
    }
}
