using System.Buffers;
using System.IO.Compression;
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
    private const int MaxRemembered = 4096;

    // The checkpoint blobs this process has created (or found): names, bounded.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> created = new(StringComparer.Ordinal);

    public async Task AppendAsync(string siteId, string runId, IReadOnlyList<PageRecord> records, CancellationToken ct)
    {
        if (records.Count == 0)
        {
            return;
        }

        var blob = Blob(siteId, runId);
        if (!created.ContainsKey(blob.Name))
        {
            // Once per blob in this process: after that every append would be a create refused with 409 (a storage
            // request and an exception each). A blob deleted meanwhile is created again when its append fails.
            await blob.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
            Remember(blob.Name);
        }

        // Each record is serialised into one reused buffer and from there into the block's gzip stream: no string and no
        // byte array per record. A block is cut by its uncompressed size, which bounds the compressed one.
        var json = new ArrayBufferWriter<byte>(16 * 1024);
        await using var writer = new Utf8JsonWriter(json, new JsonWriterOptions { SkipValidation = true });
        var block = new PackedBlock();
        try
        {
            foreach (var record in records)
            {
                json.ResetWrittenCount();
                writer.Reset(json);
                JsonSerializer.Serialize(writer, record, CheckpointJson.Options);
                writer.Flush();
                if (block.Written > 0 && block.Written + json.WrittenCount + 1 > MaxBlock)
                {
                    await AppendBlockAsync(blob, block.Finish(), ct).ConfigureAwait(false);
                    block.Dispose();
                    block = new PackedBlock();
                }

                block.Write(json.WrittenSpan);
            }

            await AppendBlockAsync(blob, block.Finish(), ct).ConfigureAwait(false);
        }
        finally
        {
            block.Dispose();
        }
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

    private async Task AppendBlockAsync(AppendBlobClient blob, MemoryStream packed, CancellationToken ct)
    {
        try
        {
            packed.Position = 0;
            await blob.AppendBlockAsync(packed, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Deleted since this process created it (forget, or another run's cleanup): created again, appended once more.
            await blob.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
            Remember(blob.Name);
            packed.Position = 0;
            await blob.AppendBlockAsync(packed, cancellationToken: ct).ConfigureAwait(false);
        }
    }

    private void Remember(string name)
    {
        if (created.Count >= MaxRemembered)
        {
            created.Clear();
        }

        created.TryAdd(name, 0);
    }

    /// <summary>One append block: JSON lines gzipped as they are written.</summary>
    private sealed class PackedBlock : IDisposable
    {
        private readonly MemoryStream packed = new();
        private readonly GZipStream gzip;

        public PackedBlock() => gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true);

        /// <summary>Uncompressed bytes written so far.</summary>
        public long Written { get; private set; }

        public void Write(ReadOnlySpan<byte> line)
        {
            gzip.Write(line);
            gzip.WriteByte((byte)'\n');
            Written += line.Length + 1;
        }

        /// <summary>Ends the gzip member and returns its bytes.</summary>
        public MemoryStream Finish()
        {
            gzip.Dispose();
            return packed;
        }

        public void Dispose()
        {
            gzip.Dispose();
            packed.Dispose();
        }
    }

    private AppendBlobClient Blob(string siteId, string runId) => storage.CrawlStateContainer.GetAppendBlobClient(Name(siteId, runId));

    private static string Name(string siteId, string runId) => $"{siteId}/{runId}.jsonl";
}
