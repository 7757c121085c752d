using System.Collections.Concurrent;
using Lenkevakt.Crawling;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Checks;

/// <summary>
/// Checks link targets that are not crawled (external links, out-of-scope pages) once per run per process:
/// an in-run de-dup cache keyed by (run, URL) shared by all sites this process crawls, so a URL linked from
/// many pages and many sites costs one request. Failures are never carried to the next run.
/// Bounded by <see cref="CrawlOptions.LinkCheckConcurrency"/> across hosts; per-host politeness is <see cref="HostGate"/>'s.
/// </summary>
public sealed class LinkChecker(PageFetcher fetcher, IOptions<CrawlOptions> options) : IDisposable
{
    private readonly SemaphoreSlim slots = new(options.Value.LinkCheckConcurrency, options.Value.LinkCheckConcurrency);
    private readonly ConcurrentDictionary<string, Lazy<Task<LinkStatus>>> cache = new(StringComparer.Ordinal);
    private string? currentRun;

    /// <summary>Starts (or joins) the check of <paramref name="url"/> in run <paramref name="runId"/>.</summary>
    public Task<LinkStatus> CheckAsync(string runId, string url, bool allowPrivate, CancellationToken ct)
    {
        if (!string.Equals(Volatile.Read(ref currentRun), runId, StringComparison.Ordinal))
        {
            lock (cache)
            {
                if (!string.Equals(currentRun, runId, StringComparison.Ordinal))
                {
                    // A new run: forget the previous run's results (a long-running worker must not reuse them).
                    foreach (var stale in cache.Keys.Where(k => !k.StartsWith(runId + "|", StringComparison.Ordinal)))
                    {
                        cache.TryRemove(stale, out _);
                    }

                    currentRun = runId;
                }
            }
        }

        var key = $"{runId}|{(allowPrivate ? "p" : "g")}|{url}";
        var lazy = cache.GetOrAdd(key, _ => new Lazy<Task<LinkStatus>>(() => RunCheckAsync(url, allowPrivate, ct)));
        return lazy.Value;
    }

    /// <summary>Records a status learned elsewhere (a crawled page's own fetch), so it is not checked again.</summary>
    public void Remember(string runId, string url, bool allowPrivate, LinkStatus status) =>
        cache.TryAdd($"{runId}|{(allowPrivate ? "p" : "g")}|{url}", new Lazy<Task<LinkStatus>>(Task.FromResult(status)));

    public void Dispose() => slots.Dispose();

    private async Task<LinkStatus> RunCheckAsync(string url, bool allowPrivate, CancellationToken ct)
    {
        await slots.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var result = await fetcher.CheckAsync(new Uri(url), allowPrivate, ct).ConfigureAwait(false);
            return result.Status;
        }
        finally
        {
            slots.Release();
        }
    }
}
