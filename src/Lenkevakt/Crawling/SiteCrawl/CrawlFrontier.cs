using System.Collections.Concurrent;
using System.Threading.Channels;
using Lenkevakt.Checks;

namespace Lenkevakt.Crawling;

/// <summary>
/// What a site crawl fetches next, and the page budget: a URL is claimed (counted against the page limit) once,
/// then queued for the workers.
/// </summary>
internal sealed class CrawlFrontier(int maxPages)
{
    private readonly Channel<(Uri Uri, int Depth)> queue = Channel.CreateUnbounded<(Uri, int)>();
    private int pendingCount;
    private int claimedCount;

    /// <summary>Claimed URLs and their depth.</summary>
    public ConcurrentDictionary<string, int> Claimed { get; } = new(StringComparer.Ordinal);

    public string? LimitHit { get; private set; }

    /// <summary>Pages that may still be claimed before the page limit.</summary>
    public int BudgetLeft => maxPages - Volatile.Read(ref claimedCount);

    public int Pending => Volatile.Read(ref pendingCount);

    public bool IsClaimed(string key) => Claimed.ContainsKey(key);

    /// <summary>Claims a URL for crawling (counted against the page limit) without queueing it.</summary>
    public bool TryClaim(string key, int depth)
    {
        if (Volatile.Read(ref claimedCount) >= maxPages)
        {
            LimitHit = $"page limit {maxPages} reached";
            return false;
        }

        if (!Claimed.TryAdd(key, depth))
        {
            return false;
        }

        Interlocked.Increment(ref claimedCount);
        return true;
    }

    /// <summary>Claims and queues a URL; true when it is (or already was) claimed.</summary>
    public bool TryEnqueue(Uri uri, int depth)
    {
        var key = LinkTarget.WithoutFragment(uri);
        if (Claimed.ContainsKey(key))
        {
            return true;
        }

        if (!TryClaim(key, depth))
        {
            return Claimed.ContainsKey(key);
        }

        Interlocked.Increment(ref pendingCount);
        queue.Writer.TryWrite((new Uri(key), depth));
        return true;
    }

    public IAsyncEnumerable<(Uri Uri, int Depth)> ReadAllAsync(CancellationToken ct) => queue.Reader.ReadAllAsync(ct);

    /// <summary>Ends the frontier when nothing was queued.</summary>
    public void CompleteIfEmpty()
    {
        if (Pending == 0)
        {
            queue.Writer.TryComplete();
        }
    }

    /// <summary>One queued URL is done; the last one ends the frontier.</summary>
    public void Done()
    {
        if (Interlocked.Decrement(ref pendingCount) == 0)
        {
            queue.Writer.TryComplete();
        }
    }
}
