namespace Lenkevakt.Crawling;

/// <summary>
/// The engine's site budget: how many site crawls are in progress in this process. A new site starts while fewer than
/// <see cref="CrawlOptions.MaxSitesInFlight"/> are in progress and the managed heap is under
/// <see cref="CrawlOptions.MemoryBudgetMb"/> (the first site always starts, so a run never stalls). Hosts, the queue
/// pump and the Functions trigger alike go through it: the pump asks <see cref="HasRoom"/> before it takes a
/// crawl-site message, and every crawl holds a slot from <see cref="EnterAsync"/> while it runs. A crawl that only
/// waits (for the re-checks of its transient failures) steps aside (<see cref="SiteSlot.AsideWhileAsync"/>): its slot is
/// free for another site meanwhile, and it comes back before any new site starts.
/// </summary>
public sealed class SiteAdmission
{
    private readonly int max;
    private readonly long budgetBytes;
    private readonly TimeSpan startInterval;
    private readonly TimeProvider time;
    private readonly Func<long> heapBytes;
    private readonly object sync = new();
    private TaskCompletionSource changed = NewSignal();
    private int inFlight;
    private int peak;
    private int heldBack;
    private int returning;
    private int aside;
    private DateTimeOffset nextStart = DateTimeOffset.MinValue;

    /// <param name="heapBytes">The memory measure; default <see cref="GC.GetTotalMemory(bool)"/> without a collection.</param>
    public SiteAdmission(CrawlOptions options, TimeProvider time, Func<long>? heapBytes = null)
    {
        max = options.MaxSitesInFlight;
        budgetBytes = (long)options.MemoryBudgetMb * 1024 * 1024;
        startInterval = options.SiteStartInterval;
        this.time = time;
        this.heapBytes = heapBytes ?? (() => GC.GetTotalMemory(forceFullCollection: false));
    }

    /// <summary>Site crawls in progress.</summary>
    public int InFlight => Volatile.Read(ref inFlight);

    /// <summary>The most site crawls in progress at once so far.</summary>
    public int Peak => Volatile.Read(ref peak);

    /// <summary>How often a site waited because the memory budget was reached.</summary>
    public int HeldBackForMemory => Volatile.Read(ref heldBack);

    /// <summary>Site crawls whose wait is over and that wait to come back (they go before new sites).</summary>
    public int Returning
    {
        get
        {
            lock (sync)
            {
                return returning;
            }
        }
    }

    /// <summary>Site crawls that stepped aside to wait (not counted in <see cref="InFlight"/>).</summary>
    public int Aside => Volatile.Read(ref aside);

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
    public async Task<SiteSlot> EnterAsync(CancellationToken ct)
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
                    if (startInterval > TimeSpan.Zero)
                    {
                        nextStart = time.GetUtcNow() + startInterval;
                    }

                    return new SiteSlot(this);
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

    // A crawl coming back from a wait goes first: new sites start only when none is waiting to come back.
    // New sites are spaced by SiteStartInterval (the first site of an idle process is not held).
    private bool RoomLocked() => returning == 0 && (inFlight == 0 || (inFlight < max && heapBytes() < budgetBytes && (startInterval <= TimeSpan.Zero || time.GetUtcNow() >= nextStart)));

    /// <summary>A crawl steps aside: its slot is free for another site while it waits.</summary>
    private void StepAside()
    {
        Interlocked.Increment(ref aside);
        Leave();
    }

    /// <summary>Comes back from <see cref="StepAside"/> when the site count allows (memory is not asked: the site is already in memory).</summary>
    private async Task ComeBackAsync()
    {
        lock (sync)
        {
            returning++;
        }

        try
        {
            while (true)
            {
                Task signal;
                lock (sync)
                {
                    if (inFlight < max)
                    {
                        inFlight++;
                        ParseGate.InterlockedMax(ref peak, inFlight);
                        Interlocked.Decrement(ref aside);
                        return;
                    }

                    signal = changed.Task;
                }

                // Not cancellable: the slot is given back by Dispose, so it must be held again first.
                await WaitAsync(signal, CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            lock (sync)
            {
                returning--;
            }
        }
    }

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

    /// <summary>A site crawl's place in the engine, held from <see cref="EnterAsync"/> until disposed.</summary>
    public sealed class SiteSlot : IDisposable
    {
        private readonly SiteAdmission owner;
        private readonly SemaphoreSlim gate = new(1, 1);
        private int waiters;
        private int released;

        internal SiteSlot(SiteAdmission owner) => this.owner = owner;

        /// <summary>
        /// Waits for <paramref name="work"/> (which does no fetching or parsing of this crawl's own: re-checks running
        /// in the background) with the slot given up, so another site can run meanwhile; the slot is taken back before
        /// this returns. Concurrent waits of one crawl step aside once.
        /// </summary>
        public async Task AsideWhileAsync(Task work, CancellationToken ct)
        {
            if (work.IsCompleted)
            {
                await work.ConfigureAwait(false);
                return;
            }

            await gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                if (waiters++ == 0)
                {
                    owner.StepAside();
                }
            }
            finally
            {
                gate.Release();
            }

            try
            {
                await work.WaitAsync(ct).ConfigureAwait(false);
            }
            finally
            {
                await gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
                try
                {
                    if (--waiters == 0)
                    {
                        await owner.ComeBackAsync().ConfigureAwait(false);
                    }
                }
                finally
                {
                    gate.Release();
                }
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                owner.Leave();
            }

            gate.Dispose();
        }
    }
}
