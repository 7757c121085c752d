using Lenkevakt.Findings;
using Lenkevakt.Storage;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Findings;

/// <summary>
/// The state of a site's findings before its run is read once per site and run, however many other sites' batches come
/// in between (the emulator answers each such range query by scanning the whole table), and again after its run closed.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class FindingPriorsCacheTests(AzuriteFixture azurite)
{
    private static long FindingQueries(StorageClients clients) =>
        clients.Operations.Breakdown().Where(e => e.Key.StartsWith("GET table ", StringComparison.Ordinal) && e.Key.EndsWith("Findings query", StringComparison.Ordinal)).Sum(e => e.Value);

    private static Finding Broken(int site, int batch) => new()
    {
        Kind = "broken-link",
        Severity = Severity.Error,
        PageUrl = $"https://kommune{site}.example/",
        Target = $"https://kommune{site}.example/borte-{batch}",
        Message = "Lenken virker ikke",
    };

    [Fact]
    public async Task Priors_OfInterleavedSites_AreReadOncePerSiteAndRun()
    {
        await using var services = TestServices.Create(azurite.ConnectionString);
        await services.GetRequiredService<StorageProvisioner>().EnsureAsync(CancellationToken.None);
        var findings = services.GetRequiredService<FindingStore>();
        var clients = services.GetRequiredService<StorageClients>();
        var at = DateTimeOffset.Parse("2026-12-02T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var before = FindingQueries(clients);

        // Three batches of each of 40 sites, the sites taking turns, as the findings of many sites in flight arrive.
        for (var batch = 0; batch < 3; batch++)
        {
            for (var site = 0; site < 40; site++)
            {
                await findings.RecordAsync($"kommune-{site}", "r1", at, [Broken(site, batch)], CancellationToken.None);
            }
        }

        Assert.Equal(40, FindingQueries(clients) - before);

        // Closing a run reads the site's findings and forgets its cached state; a batch delivered again reads it anew.
        var changes = await findings.CloseRunAsync("kommune-0", "r1", at, reachable: true, CancellationToken.None);
        Assert.Equal(3, changes.Open.Count);
        await findings.RecordAsync("kommune-0", "r1", at, [Broken(0, 2)], CancellationToken.None);
        Assert.Equal(42, FindingQueries(clients) - before);
    }
}
