using System.Text.Json;

namespace Lenkevakt.Crawling;

/// <summary>
/// The last run's checkpoint of a site, for conditional GETs: validators in memory, the full records (links,
/// anchors, analysis results) in a temporary file read back only for pages that answer 304 Not Modified.
/// Memory therefore grows with the number of pages, not with their links.
/// </summary>
public sealed class PreviousRun : IDisposable
{
    private readonly Dictionary<string, (string? ETag, DateTimeOffset? LastModified, long Offset)> index = new(StringComparer.Ordinal);
    private readonly FileStream file;
    private readonly SemaphoreSlim gate = new(1, 1);

    private PreviousRun(FileStream file) => this.file = file;

    public int Count => index.Count;

    public static async Task<PreviousRun?> LoadAsync(CrawlCheckpointStore store, string siteId, string runId, CancellationToken ct)
    {
        if (await store.PreviousRunAsync(siteId, runId, ct).ConfigureAwait(false) is not { } previous)
        {
            return null;
        }

        var path = Path.Combine(Path.GetTempPath(), "lenkevakt", "spool", $"prev-{Guid.NewGuid():N}.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var run = new PreviousRun(new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose));
        await foreach (var record in store.ReadAsync(siteId, previous, ct).ConfigureAwait(false))
        {
            if (record.Links is null || (record.ETag is null && record.LastModified is null) || (record.PageUrl is { } p && p != record.Url))
            {
                continue;
            }

            var offset = run.file.Position;
            var bytes = JsonSerializer.SerializeToUtf8Bytes(record, CheckpointJson.Options);
            await run.file.WriteAsync(BitConverter.GetBytes(bytes.Length), ct).ConfigureAwait(false);
            await run.file.WriteAsync(bytes, ct).ConfigureAwait(false);
            run.index[record.Url] = (record.ETag, record.LastModified, offset);
        }

        return run;
    }

    public (string? ETag, DateTimeOffset? LastModified)? Validators(string url) =>
        index.TryGetValue(url, out var v) ? (v.ETag, v.LastModified) : null;

    public async Task<PageRecord?> ReadAsync(string url, CancellationToken ct)
    {
        if (!index.TryGetValue(url, out var v))
        {
            return null;
        }

        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            file.Position = v.Offset;
            var length = new byte[4];
            await file.ReadExactlyAsync(length, ct).ConfigureAwait(false);
            var bytes = new byte[BitConverter.ToInt32(length)];
            await file.ReadExactlyAsync(bytes, ct).ConfigureAwait(false);
            return JsonSerializer.Deserialize<PageRecord>(bytes, CheckpointJson.Options);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        file.Dispose();
        gate.Dispose();
    }
}
