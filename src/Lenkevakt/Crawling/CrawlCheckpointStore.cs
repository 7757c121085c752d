using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Lenkevakt.Storage;

namespace Lenkevakt.Crawling;

/// <summary>
/// Crawl checkpoints: an append blob per site and run (<c>crawlstate/{siteId}/{runId}.jsonl</c>) of
/// <see cref="PageRecord"/> lines. Appends are cheap and ordered; a crash loses at most the records not yet flushed,
/// whose pages are then fetched again. The blob is read back when a crawl of the same site and run starts again
/// (continuation after a time budget, or redelivery after a crash), and older runs' blobs are deleted when a run's
/// crawl completes. Each appended block is one gzip member of JSON lines (a page's record holds its links, anchors
/// and content results: ~7 KB of JSON, ~1 KB gzipped); members of a blob read back as one gzip stream. Blobs written
/// before compression (plain JSON lines) are still read.
/// </summary>
public sealed class CrawlCheckpointStore(StorageClients storage)
{
    // An append block is at most 4 MiB; gzip never grows JSON by more than a few bytes per 64 KiB.
    private const int MaxBlock = 4 * 1024 * 1024 - (64 * 1024);

    public async Task AppendAsync(string siteId, string runId, IReadOnlyList<PageRecord> records, CancellationToken ct)
    {
        if (records.Count == 0)
        {
            return;
        }

        var blob = Blob(siteId, runId);
        await blob.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
        using var block = new MemoryStream();
        foreach (var record in records)
        {
            var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record, CheckpointJson.Options) + "\n");
            if (block.Length + line.Length > MaxBlock && block.Length > 0)
            {
                await FlushAsync(blob, block, ct).ConfigureAwait(false);
            }

            block.Write(line);
        }

        await FlushAsync(blob, block, ct).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<PageRecord> ReadAsync(string siteId, string runId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        Stream stream;
        try
        {
            stream = await Blob(siteId, runId).OpenReadAsync(cancellationToken: ct).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            yield break;
        }

        await using var _ = stream.ConfigureAwait(false);
        var head = new byte[2];
        var n = await stream.ReadAtLeastAsync(head, 2, throwOnEndOfStream: false, ct).ConfigureAwait(false);
        stream.Position = 0; // the blob's read stream seeks: the sniffed bytes are read again
        Stream content = n == 2 && head[0] == 0x1f && head[1] == 0x8b
            ? new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress)
            : stream;
        using var reader = new StreamReader(content, Encoding.UTF8);
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            if (line.Length > 0)
            {
                yield return JsonSerializer.Deserialize<PageRecord>(line, CheckpointJson.Options)!;
            }
        }
    }

    /// <summary>The most recent earlier run of the site that has a checkpoint (its pages' validators serve conditional GETs).</summary>
    public async Task<string?> PreviousRunAsync(string siteId, string runId, CancellationToken ct)
    {
        string? latest = null;
        DateTimeOffset latestAt = default;
        await foreach (var item in storage.CrawlStateContainer.GetBlobsAsync(BlobTraits.None, BlobStates.None, siteId + "/", ct).ConfigureAwait(false))
        {
            var run = item.Name[(siteId.Length + 1)..^".jsonl".Length];
            if (run != runId && item.Properties.LastModified is { } at && at > latestAt)
            {
                (latest, latestAt) = (run, at);
            }
        }

        return latest;
    }

    /// <summary>Deletes the checkpoints of the site's other runs.</summary>
    public async Task DeleteOtherRunsAsync(string siteId, string runId, CancellationToken ct)
    {
        var container = storage.CrawlStateContainer;
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, siteId + "/", ct).ConfigureAwait(false))
        {
            if (item.Name != Name(siteId, runId))
            {
                await container.DeleteBlobIfExistsAsync(item.Name, cancellationToken: ct).ConfigureAwait(false);
            }
        }
    }

    private static async Task FlushAsync(AppendBlobClient blob, MemoryStream block, CancellationToken ct)
    {
        if (block.Length == 0)
        {
            return;
        }

        using var packed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            block.Position = 0;
            await block.CopyToAsync(gzip, ct).ConfigureAwait(false);
        }

        packed.Position = 0;
        await blob.AppendBlockAsync(packed, cancellationToken: ct).ConfigureAwait(false);
        block.SetLength(0);
    }

    private AppendBlobClient Blob(string siteId, string runId) => storage.CrawlStateContainer.GetAppendBlobClient(Name(siteId, runId));

    private static string Name(string siteId, string runId) => $"{siteId}/{runId}.jsonl";
}
