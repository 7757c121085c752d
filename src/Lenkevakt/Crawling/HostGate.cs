using System.Collections.Concurrent;

namespace Lenkevakt.Crawling;

/// <summary>
/// Per-host politeness in one place: at most <see cref="CrawlOptions.HostConcurrency"/> requests in flight to one
/// host and at least the host's minimum interval between request starts (the configured interval, raised by a
/// robots.txt crawl-delay, and raised again while the host asks us to back off with 429/503 + Retry-After).
/// The engine's request budget is here too: at most <see cref="CrawlOptions.MaxRequestsInFlight"/> requests in flight
/// in the process, across all hosts. A request takes its host's slot first, then a global one, and only then reserves
/// its start time, so the interval between two starts on one host holds however long the global wait was.
/// All waiting goes through <see cref="TimeProvider"/>.
/// </summary>
public sealed class HostGate(CrawlOptions options, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, HostState> hosts = new(StringComparer.Ordinal); // by HostKey
    private readonly SemaphoreSlim global = new(options.MaxRequestsInFlight, options.MaxRequestsInFlight);
    private int inFlight;
    private int peak;

    /// <summary>Requests in flight now, across hosts (holding a host slot and a global one).</summary>
    public int RequestsInFlight => Volatile.Read(ref inFlight);

    /// <summary>The most requests in flight at once so far, across hosts.</summary>
    public int PeakRequestsInFlight => Volatile.Read(ref peak);

    public async Task<IDisposable> EnterAsync(Uri uri, CancellationToken ct)
    {
        var state = hosts.GetOrAdd(HostKey.Of(uri), _ => new HostState(options.HostConcurrency, options.HostMinInterval));
        await state.Slots.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await global.WaitAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            state.Slots.Release();
            throw;
        }

        ParseGate.InterlockedMax(ref peak, Interlocked.Increment(ref inFlight));
        try
        {
            // The next start is taken from the time a request really goes, not from a reservation made earlier: a
            // waiter that wakes late (a busy machine) must not leave the one after it less than the interval.
            while (true)
            {
                TimeSpan wait;
                lock (state)
                {
                    var now = time.GetUtcNow();
                    wait = state.NextStart - now;
                    if (wait <= TimeSpan.Zero)
                    {
                        state.NextStart = now + state.Interval;
                        break;
                    }
                }

                await Task.Delay(wait, time, ct).ConfigureAwait(false);
            }

            return new Releaser(this, state.Slots);
        }
        catch
        {
            Release(state.Slots);
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

    public void Dispose() => global.Dispose();

    private void Release(SemaphoreSlim hostSlots)
    {
        Interlocked.Decrement(ref inFlight);
        global.Release();
        hostSlots.Release();
    }

    private sealed class Releaser(HostGate gate, SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release(slots);
            }
        }
    }
}
