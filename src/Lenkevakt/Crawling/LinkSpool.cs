using System.Text.Json;

namespace Lenkevakt.Crawling;

/// <summary>One crawled page's links, spooled to disk until every target's status is known.</summary>
public sealed record SpooledPage(string Url, string? Title, IReadOnlyList<RawLink> Links, string BaseUrl);

/// <summary>
/// Keeps link occurrences out of memory during a crawl: each parsed page's links are appended to a temporary
/// JSON-lines file and read back once all targets are checked. Memory then grows with distinct URLs, not with
/// link occurrences (a 10 000-page site has ~360 000 of those).
/// </summary>
public sealed class LinkSpool : IAsyncDisposable
{
    private readonly string path;
    private readonly StreamWriter writer;
    private readonly SemaphoreSlim gate = new(1, 1);

    public LinkSpool(string directory)
    {
        Directory.CreateDirectory(directory);
        path = Path.Combine(directory, $"links-{Guid.NewGuid():N}.jsonl");
        writer = new StreamWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous));
    }

    public int Count { get; private set; }

    public async Task AppendAsync(SpooledPage page, CancellationToken ct)
    {
        var line = JsonSerializer.Serialize(page);
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await writer.WriteLineAsync(line.AsMemory(), ct).ConfigureAwait(false);
            Count++;
        }
        finally
        {
            gate.Release();
        }
    }

    public async IAsyncEnumerable<SpooledPage> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await writer.FlushAsync(ct).ConfigureAwait(false);
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16));
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            yield return JsonSerializer.Deserialize<SpooledPage>(line)!;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await writer.DisposeAsync().ConfigureAwait(false);
        gate.Dispose();
    }
}
