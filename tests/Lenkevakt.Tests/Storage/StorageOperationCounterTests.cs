using Lenkevakt.Storage;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Storage;

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class StorageOperationCounterTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Counts_EachServiceApart_AgainstTheEmulator()
    {
        await using var services = TestServices.Create(azurite.ConnectionString);
        var clients = services.GetRequiredService<StorageClients>();
        await services.GetRequiredService<StorageProvisioner>().EnsureAsync(CancellationToken.None);
        var (t0, q0, b0) = (clients.Operations.Tables, clients.Operations.Queues, clients.Operations.Blobs);

        await clients.Queue(StorageNames.CrawlSite).GetPropertiesAsync();
        await clients.Queue(StorageNames.CrawlSite).GetPropertiesAsync();
        await clients.Table(clients.Names.FindingsTable).GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("p", "r");

        Assert.Equal(2, clients.Operations.Queues - q0);
        Assert.Equal(1, clients.Operations.Tables - t0);
        Assert.Equal(0, clients.Operations.Blobs - b0);
    }
}
