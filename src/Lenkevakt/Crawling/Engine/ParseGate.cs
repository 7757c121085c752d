namespace Lenkevakt.Crawling;

/// <summary>
/// The engine's CPU budget: at most <see cref="CrawlOptions.MaxParallelParses"/> pages are decoded, parsed and
/// analysed at once in this process, whatever the number of sites in flight, and at most
/// <see cref="CrawlOptions.MaxPagesInHand"/> pages are between their fetch and the end of their parse. Fetching goes on
/// meanwhile, so with hundreds of sites in progress the processor works on whole pages instead of switching between
/// hundreds of them, and the bodies waiting for the processor stay few (the national bench without that bound held
/// 510 fetched pages waiting, large ones among them, and the collector's full collections took most of the time).
/// </summary>
public sealed class ParseGate : IDisposable
{
    private readonly SemaphoreSlim slots;
    private readonly SemaphoreSlim inHand;
    private int inFlight;
    private int peak;
    private int waiting;

    public ParseGate(CrawlOptions options)
    {
        Limit = options.MaxParallelParses > 0 ? options.MaxParallelParses : Environment.ProcessorCount;
        slots = new SemaphoreSlim(Limit, Limit);
        InHandLimit = options.MaxPagesInHand > 0 ? options.MaxPagesInHand : 32 * Limit;
        inHand = new SemaphoreSlim(InHandLimit, InHandLimit);
    }

    /// <summary>Pages between fetch and parsed at most.</summary>
    public int InHandLimit { get; }

    /// <summary>Taken before a page is fetched, released when it is parsed (or turned out not to need parsing).</summary>
    public async Task<IDisposable> EnterFetchAsync(CancellationToken ct)
    {
        await inHand.WaitAsync(ct).ConfigureAwait(false);
        return new Ticket(inHand);
    }

    /// <summary>Pages parsed at once at most.</summary>
    public int Limit { get; }

    /// <summary>The most pages parsed at once so far (for tests and the benchmark).</summary>
    public int Peak => Volatile.Read(ref peak);

    /// <summary>Pages being parsed now.</summary>
    public int InUse => Volatile.Read(ref inFlight);

    /// <summary>Fetched pages waiting for a parse slot now.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    /// <summary>Pages between fetch and parsed now (their fetch may still be waiting for its host).</summary>
    public int InHand => InHandLimit - inHand.CurrentCount;

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref waiting);
        try
        {
            await slots.WaitAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }

        var now = Interlocked.Increment(ref inFlight);
        InterlockedMax(ref peak, now);
        return new Slot(this);
    }

    public void Dispose()
    {
        slots.Dispose();
        inHand.Dispose();
    }

    private sealed class Ticket(SemaphoreSlim owner) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                owner.Release();
            }
        }
    }

    internal static void InterlockedMax(ref int target, int value)
    {
        for (var current = Volatile.Read(ref target); value > current; current = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                return;
            }
        }
    }

    private sealed class Slot(ParseGate gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                Interlocked.Decrement(ref gate.inFlight);
                gate.slots.Release();
            }
        }
    }
}
