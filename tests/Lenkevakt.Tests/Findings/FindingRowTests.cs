using Azure.Data.Tables;
using Lenkevakt.Findings;
using Lenkevakt.Storage;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Findings;

/// <summary>What a stored finding row carries: the stored state, not the properties computed from it.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class FindingRowTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task StoredRow_HasItsState_ButNotTheComputedIsOpen()
    {
        await using var services = TestServices.Create(azurite.ConnectionString);
        await services.GetRequiredService<StorageProvisioner>().EnsureAsync(CancellationToken.None);
        var findings = services.GetRequiredService<FindingStore>();
        var storage = services.GetRequiredService<StorageClients>();
        var at = DateTimeOffset.Parse("2026-12-04T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var site = "kommune-" + Guid.NewGuid().ToString("N")[..8];
        Finding broken = new()
        {
            Kind = "broken-link",
            Severity = Severity.Error,
            PageUrl = "https://kommune.example/",
            Target = "https://kommune.example/borte",
            Message = "Lenken virker ikke",
        };

        await findings.RecordAsync(site, "r1", at, [broken], CancellationToken.None);

        var rows = new List<TableEntity>();
        await foreach (var row in storage.Table(storage.Names.FindingsTable).QueryAsync<TableEntity>(e => e.PartitionKey.CompareTo(site) >= 0 && e.PartitionKey.CompareTo(site + "~") < 0))
        {
            rows.Add(row);
        }

        var stored = Assert.Single(rows);
        Assert.Equal("open", stored.GetString("State"));
        Assert.False(stored.ContainsKey("IsOpen"));
        var open = new List<StoredFinding>();
        await foreach (var f in findings.QueryOpenAsync(site, CancellationToken.None))
        {
            open.Add(f);
        }

        Assert.True(Assert.Single(open).IsOpen);
    }
}
