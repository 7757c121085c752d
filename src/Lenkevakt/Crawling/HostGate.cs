using System.Collections.Concurrent;

namespace Lenkevakt.Crawling;

/// <summary>
/// Per-host politeness in one place: at most <see cref="CrawlOptions.HostConcurrency"/> requests in flight to one
/// host and at least the host's minimum interval between request starts (the configured interval, raised by a
/// robots.txt crawl-delay, and raised again while the host asks us to back off with 429/503 + Retry-After).
/// All waiting goes through <see cref="TimeProvider"/>.
/// </summary>
public sealed class HostGate(CrawlOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, HostState> hosts = new(StringComparer.Ordinal); // by HostKey

    public async Task<IDisposable> EnterAsync(Uri uri, CancellationToken ct)
    {
        var state = hosts.GetOrAdd(HostKey.Of(uri), _ => new HostState(options.HostConcurrency, options.HostMinInterval));
        await state.Slots.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            TimeSpan wait;
            lock (state)
            {
                var now = time.GetUtcNow();
                var start = state.NextStart > now ? state.NextStart : now;
                state.NextStart = start + state.Interval;
                wait = start - now;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, ct).ConfigureAwait(false);
            }

            return new Releaser(state.Slots);
        }
        catch
        {
            state.Slots.Release();
            throw;
        }
    }

    /// <summary>Raises a host's minimum interval (robots.txt crawl-delay), up to <see cref="CrawlOptions.MaxCrawlDelay"/>: a site asking for more is told so in a site finding.</summary>
    public void SetCrawlDelay(string authority, TimeSpan delay)
    {
        var state = hosts.GetOrAdd(HostKey.Of(authority), _ => new HostState(options.HostConcurrency, options.HostMinInterval));
        lock (state)
        {
            var capped = delay > options.MaxCrawlDelay ? options.MaxCrawlDelay : delay;
            if (capped > state.Interval)
            {
                state.Interval = capped;
            }
        }
    }

    /// <summary>Holds back every request to a host until <paramref name="until"/> (Retry-After, backoff).</summary>
    public void BackOff(string authority, DateTimeOffset until)
    {
        var state = hosts.GetOrAdd(HostKey.Of(authority), _ => new HostState(options.HostConcurrency, options.HostMinInterval));
        lock (state)
        {
            if (until > state.NextStart)
            {
                state.NextStart = until;
            }
        }
    }

    private sealed class HostState(int concurrency, TimeSpan interval)
    {
        public SemaphoreSlim Slots { get; } = new(concurrency, concurrency);
        public TimeSpan Interval { get; set; } = interval;
        public DateTimeOffset NextStart { get; set; }
    }

    private sealed class Releaser(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
