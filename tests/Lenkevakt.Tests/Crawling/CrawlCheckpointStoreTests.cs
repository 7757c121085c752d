using System.Text;
using Azure.Storage.Blobs.Specialized;
using Lenkevakt.Checks;
using Lenkevakt.Crawling;
using Lenkevakt.Storage;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Xunit;

namespace Lenkevakt.Tests.Crawling;

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CrawlCheckpointStoreTests(AzuriteFixture azurite)
{
    private StorageClients Clients(string prefix) => new(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, NamePrefix = prefix }));

    private static PageRecord Record(int i) => new()
    {
        Url = $"https://kommune.no/side-{i}",
        Depth = i % 5,
        Status = LinkStatus.Ok(200, $"https://kommune.no/side-{i}"),
        Title = $"Side {i} – «æøå»",
        Links = [.. Enumerable.Range(0, i % 30).Select(k => new RawLink($"/lenke/{k}", $"Lenke {k}", "a", k))],
        Anchors = ["innhold", "åpningstider"],
    };

    [Fact]
    public async Task Records_Appended_In_Many_Compressed_Blocks_Read_Back_In_Order()
    {
        var clients = Clients("ckpt" + Guid.NewGuid().ToString("N")[..6]);
        await clients.CrawlStateContainer.CreateIfNotExistsAsync();
        var store = new CrawlCheckpointStore(clients);
        var written = Enumerable.Range(0, 700).Select(Record).ToList();
        foreach (var chunk in written.Chunk(100))
        {
            await store.AppendAsync("kommune-1", "run-1", chunk, CancellationToken.None);
        }

        var read = new List<PageRecord>();
        await foreach (var r in store.ReadAsync("kommune-1", "run-1", CancellationToken.None))
        {
            read.Add(r);
        }

        Assert.Equal(written.Select(r => (r.Url, r.Depth, r.Title, r.Links!.Count)), read.Select(r => (r.Url, r.Depth, r.Title, r.Links!.Count)));
        Assert.Equal(written[29].Links, read[29].Links);
        var blob = clients.CrawlStateContainer.GetBlobClient("kommune-1/run-1.jsonl");
        var size = (await blob.GetPropertiesAsync()).Value.ContentLength;
        var json = written.Sum(r => System.Text.Json.JsonSerializer.Serialize(r, Lenkevakt.Pipeline.MessageSerializer.Options).Length);
        Assert.True(size * 3 < json, $"stored {size} bytes for {json} bytes of JSON");
    }

    [Fact]
    public async Task A_Checkpoint_Of_Plain_Json_Lines_Is_Still_Read()
    {
        var clients = Clients("ckpt" + Guid.NewGuid().ToString("N")[..6]);
        await clients.CrawlStateContainer.CreateIfNotExistsAsync();
        var blob = clients.CrawlStateContainer.GetAppendBlobClient("kommune-2/run-0.jsonl");
        await blob.CreateAsync();
        var lines = string.Concat(Enumerable.Range(0, 3).Select(i => System.Text.Json.JsonSerializer.Serialize(Record(i), Lenkevakt.Pipeline.MessageSerializer.Options) + "\n"));
        await blob.AppendBlockAsync(new MemoryStream(Encoding.UTF8.GetBytes(lines)));

        var read = new List<PageRecord>();
        await foreach (var r in new CrawlCheckpointStore(clients).ReadAsync("kommune-2", "run-0", CancellationToken.None))
        {
            read.Add(r);
        }

        Assert.Equal(["https://kommune.no/side-0", "https://kommune.no/side-1", "https://kommune.no/side-2"], read.Select(r => r.Url));
    }

    [Fact]
    public async Task Append_AfterTheBlobWasDeleted_CreatesItAgain()
    {
        var clients = Clients("ckpt" + Guid.NewGuid().ToString("N")[..6]);
        await clients.CrawlStateContainer.CreateIfNotExistsAsync();
        var store = new CrawlCheckpointStore(clients);
        await store.AppendAsync("kommune-3", "run-1", [Record(1), Record(2)], CancellationToken.None);
        await clients.CrawlStateContainer.DeleteBlobAsync("kommune-3/run-1.jsonl");

        await store.AppendAsync("kommune-3", "run-1", [Record(3)], CancellationToken.None);

        var read = new List<PageRecord>();
        await foreach (var r in store.ReadAsync("kommune-3", "run-1", CancellationToken.None))
        {
            read.Add(r);
        }

        Assert.Equal(["https://kommune.no/side-3"], read.Select(r => r.Url));
    }

    [Fact]
    public async Task Append_OfMoreThanOneBlock_IsSplitIntoBlocks_AndReadBackWhole()
    {
        var clients = Clients("ckpt" + Guid.NewGuid().ToString("N")[..6]);
        await clients.CrawlStateContainer.CreateIfNotExistsAsync();
        var store = new CrawlCheckpointStore(clients);
        // About 6 MB of JSON in one append: more than one append block (4 MiB at most) even before compression.
        var written = Enumerable.Range(0, 1500).Select(i => Record(i) with { Title = $"Side {i} " + new string((char)('a' + (i % 26)), 4000) }).ToList();

        await store.AppendAsync("kommune-4", "run-1", written, CancellationToken.None);

        var read = new List<PageRecord>();
        await foreach (var r in store.ReadAsync("kommune-4", "run-1", CancellationToken.None))
        {
            read.Add(r);
        }

        Assert.Equal(written.Select(r => (r.Url, r.Title)), read.Select(r => (r.Url, r.Title)));
        var blocks = (await clients.CrawlStateContainer.GetAppendBlobClient("kommune-4/run-1.jsonl").GetPropertiesAsync()).Value.BlobCommittedBlockCount;
        Assert.True(blocks >= 2, $"{blocks} block(s)");
    }
}
