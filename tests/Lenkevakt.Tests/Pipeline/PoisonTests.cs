using System.Text.Json;
using Lenkevakt.Crawling;
using Lenkevakt.Pipeline;
using Lenkevakt.Storage;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Pipeline;

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PoisonTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task MalformedMessage_GoesToPoisonAtOnce_WithItsError()
    {
        await using var services = TestServices.Create(azurite.ConnectionString);
        await services.GetRequiredService<StorageProvisioner>().EnsureAsync(CancellationToken.None);
        var processor = services.GetRequiredService<QueueMessageProcessor>();

        var outcome = await processor.ProcessAsync(StorageNames.Findings, "{not json", 1, CancellationToken.None);

        Assert.Equal(ProcessOutcome.Poisoned, outcome);
        var envelope = await ReadPoisonAsync(services, StorageNames.Findings);
        Assert.Equal("{not json", envelope.Message);
        Assert.Contains("Not a valid FindingsMessage", envelope.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownSchemaVersion_IsPoisoned()
    {
        await using var services = TestServices.Create(azurite.ConnectionString);
        await services.GetRequiredService<StorageProvisioner>().EnsureAsync(CancellationToken.None);
        var body = """{"schema":99,"runId":"r","siteId":"s","runStartedAt":"2026-11-23T00:00:00Z","batch":0,"findings":[]}""";

        var outcome = await services.GetRequiredService<QueueMessageProcessor>().ProcessAsync(StorageNames.Findings, body, 1, CancellationToken.None);

        Assert.Equal(ProcessOutcome.Poisoned, outcome);
        Assert.Contains("schema 99", (await ReadPoisonAsync(services, StorageNames.Findings)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingMessage_IsRetried_ThenPoisonedOnTheLastDelivery_NeverDropped()
    {
        await using var services = TestServices.Create(azurite.ConnectionString, settings: new Dictionary<string, string?> { ["Lenkevakt:Queues:MaxDequeueCount"] = "3" });
        await services.GetRequiredService<StorageProvisioner>().EnsureAsync(CancellationToken.None);
        var processor = services.GetRequiredService<QueueMessageProcessor>();
        // A site-crawled message that says 1 findings batch exists while none was recorded, at its final deferral.
        var body = MessageSerializer.Serialize(new SiteCrawledMessage
        {
            RunId = "r", SiteId = "s", RunStartedAt = DateTimeOffset.Parse("2026-11-23T00:00:00Z"), FindingBatches = 1, Attempt = CloseSiteRunHandler.MaxAttempts,
            Stats = new CrawlStats(), Site = new Lenkevakt.Sites.SiteDefinition { Id = "s", Name = "S", StartUrls = [new Uri("https://s.example/")] },
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => processor.ProcessAsync(StorageNames.SiteCrawled, body, 1, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => processor.ProcessAsync(StorageNames.SiteCrawled, body, 2, CancellationToken.None));
        var outcome = await processor.ProcessAsync(StorageNames.SiteCrawled, body, 3, CancellationToken.None);

        Assert.Equal(ProcessOutcome.Poisoned, outcome);
        var envelope = await ReadPoisonAsync(services, StorageNames.SiteCrawled);
        Assert.Equal(3, envelope.DequeueCount);
        Assert.Equal(body, envelope.Message);
        Assert.Contains("findings batches", envelope.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PoisonList_ShowsTheError_AndReplay_SendsTheOriginalBackAndEmptiesThePoisonQueue()
    {
        await using var services = TestServices.Create(azurite.ConnectionString);
        await services.GetRequiredService<StorageProvisioner>().EnsureAsync(CancellationToken.None);
        await services.GetRequiredService<QueueMessageProcessor>().ProcessAsync(StorageNames.Findings, "{broken", 1, CancellationToken.None);
        var poison = services.GetRequiredService<PoisonQueues>();

        var listed = Assert.Single(await poison.ListAsync(null, CancellationToken.None));
        Assert.EndsWith("findings-poison", listed.Queue, StringComparison.Ordinal);
        Assert.Equal("{broken", listed.Message);
        Assert.Contains("Not a valid FindingsMessage", listed.Error, StringComparison.Ordinal);

        Assert.Equal(1, await poison.ReplayAsync("findings", listed.MessageId, CancellationToken.None));

        var storage = services.GetRequiredService<StorageClients>();
        var back = Assert.Single((await storage.Queue(StorageNames.Findings).PeekMessagesAsync(10)).Value);
        Assert.Equal("{broken", back.Body.ToString());
        Assert.Empty((await storage.PoisonQueue(StorageNames.Findings).PeekMessagesAsync(10)).Value);
    }

    private static async Task<PoisonEnvelope> ReadPoisonAsync(IServiceProvider services, string queue)
    {
        var storage = services.GetRequiredService<StorageClients>();
        var messages = (await storage.PoisonQueue(queue).PeekMessagesAsync(10)).Value;
        var only = Assert.Single(messages);
        return JsonSerializer.Deserialize<PoisonEnvelope>(only.Body.ToString(), MessageSerializer.Options)!;
    }
}
