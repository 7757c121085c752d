using Azure.Data.Tables;
using Lenkevakt.Cli.Demo;
using Lenkevakt.Pipeline;
using Lenkevakt.Storage;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Pipeline;

/// <summary>Issue 12: <see cref="ForgetSiteHandler"/> removes one site's rows everywhere and leaves the other sites alone.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ForgetSiteTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Forget_RemovesTheSitesRowsInEveryTableAndItsCheckpoints_AndKeepsTheOtherSites()
    {
        await using var web = await SampleWebServer.StartAsync(TestServices.SamplesRoot(), CancellationToken.None);
        var sites = DemoSites.Load(TestServices.SamplesRoot(), web.Sites).Where(s => s.Id is "kommune-9901" or "kommune-9903").ToList();
        await using var services = TestServices.Create(azurite.ConnectionString);
        await services.GetRequiredService<LocalCycle>().RunAsync(sites, CancellationToken.None);
        var handler = services.GetRequiredService<ForgetSiteHandler>();
        var before = await handler.CountAsync("kommune-9901", CancellationToken.None);
        var otherBefore = await handler.CountAsync("kommune-9903", CancellationToken.None);
        Assert.True(before.Findings > 0 && before.Pages > 0 && before.Dashboard >= 2 && before.SiteContent == 1 && before.Runs > 0 && before.Checkpoints > 0, before.ToString());

        var removed = await handler.HandleAsync("kommune-9901", CancellationToken.None);

        Assert.Equal(before, removed);
        Assert.Equal(0, (await handler.CountAsync("kommune-9901", CancellationToken.None)).Total);
        var otherAfter = await handler.CountAsync("kommune-9903", CancellationToken.None);
        Assert.Equal(otherBefore with { LinkStatus = 0 }, otherAfter with { LinkStatus = 0 }); // the cache of the other host may be shared
        var storage = services.GetRequiredService<StorageClients>();
        Assert.False((await storage.Table(storage.Names.DashboardTable).GetEntityIfExistsAsync<TableEntity>("site", "kommune-9901")).HasValue);
        Assert.True((await storage.Table(storage.Names.DashboardTable).GetEntityIfExistsAsync<TableEntity>("site", "kommune-9903")).HasValue);
        Assert.Equal(0, (await handler.HandleAsync("kommune-9901", CancellationToken.None)).Total); // idempotent
    }
}
