namespace Lenkevakt.Crawling;

/// <summary>
/// The engine's site budget: how many site crawls are in progress in this process. A new site starts while fewer than
/// <see cref="CrawlOptions.MaxSitesInFlight"/> are in progress and the managed heap is under
/// <see cref="CrawlOptions.MemoryBudgetMb"/> (the first site always starts, so a run never stalls). Hosts, the queue
/// pump and the Functions trigger alike go through it: the pump asks <see cref="HasRoom"/> before it takes a
/// crawl-site message, and every crawl holds a slot from <see cref="EnterAsync"/> while it runs.
/// </summary>
public sealed class SiteAdmission
{
    private readonly int max;
    private readonly long budgetBytes;
    private readonly TimeProvider time;
    private readonly Func<long> heapBytes;
    private readonly object sync = new();
    private TaskCompletionSource changed = NewSignal();
    private int inFlight;
    private int peak;
    private int heldBack;

    /// <param name="heapBytes">The memory measure; default <see cref="GC.GetTotalMemory(bool)"/> without a collection.</param>
    public SiteAdmission(CrawlOptions options, TimeProvider time, Func<long>? heapBytes = null)
    {
        max = options.MaxSitesInFlight;
        budgetBytes = (long)options.MemoryBudgetMb * 1024 * 1024;
        this.time = time;
        this.heapBytes = heapBytes ?? (() => GC.GetTotalMemory(forceFullCollection: false));
    }

    /// <summary>Site crawls in progress.</summary>
    public int InFlight => Volatile.Read(ref inFlight);

    /// <summary>The most site crawls in progress at once so far.</summary>
    public int Peak => Volatile.Read(ref peak);

    /// <summary>How often a site waited because the memory budget was reached.</summary>
    public int HeldBackForMemory => Volatile.Read(ref heldBack);

    /// <summary>How many more sites may start now by the site count (memory aside), at least 0.</summary>
    public int Room => Math.Max(0, max - InFlight);

    /// <summary>Whether a new site would start now.</summary>
    public bool HasRoom
    {
        get
        {
            lock (sync)
            {
                return RoomLocked();
            }
        }
    }

    /// <summary>Waits until <see cref="HasRoom"/> (a site finishes, or the heap shrinks), without taking a slot.</summary>
    public async Task WaitForRoomAsync(CancellationToken ct)
    {
        while (true)
        {
            Task signal;
            lock (sync)
            {
                if (RoomLocked())
                {
                    return;
                }

                signal = changed.Task;
            }

            await WaitAsync(signal, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for room, then holds a slot until the returned handle is disposed.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        var counted = false;
        while (true)
        {
            Task signal;
            lock (sync)
            {
                if (RoomLocked())
                {
                    inFlight++;
                    ParseGate.InterlockedMax(ref peak, inFlight);
                    return new Slot(this);
                }

                if (!counted && inFlight < max)
                {
                    counted = true;
                    heldBack++;
                }

                signal = changed.Task;
            }

            await WaitAsync(signal, ct).ConfigureAwait(false);
        }
    }

    private bool RoomLocked() => inFlight == 0 || (inFlight < max && heapBytes() < budgetBytes);

    private async Task WaitAsync(Task signal, CancellationToken ct)
    {
        // A site leaving signals at once; memory freed by the collector is noticed on the next look (every 200 ms).
        await Task.WhenAny(signal, Task.Delay(TimeSpan.FromMilliseconds(200), time, ct)).ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
    }

    private void Leave()
    {
        TaskCompletionSource old;
        lock (sync)
        {
            inFlight--;
            old = changed;
            changed = NewSignal();
        }

        old.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Slot(SiteAdmission owner) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                owner.Leave();
            }
        }
    }
}
