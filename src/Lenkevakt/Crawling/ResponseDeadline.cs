using Lenkevakt.Checks;

namespace Lenkevakt.Crawling;

/// <summary>
/// One deadline for a whole HTTP response, headers and body, measured on the injected <see cref="TimeProvider"/>.
/// Polly's timeouts cover sending and the headers only; a server that answers at once and then trickles its body a
/// byte a second would otherwise hold a worker for as long as it likes.
/// </summary>
internal sealed class ResponseDeadline : IDisposable
{
    private readonly CancellationTokenSource timer;
    private readonly CancellationTokenSource linked;
    private readonly TimeSpan limit;

    public ResponseDeadline(TimeSpan limit, TimeProvider time, CancellationToken ct)
    {
        this.limit = limit;
        timer = new CancellationTokenSource(limit, time);
        linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
    }

    public CancellationToken Token => linked.Token;

    /// <summary>True when this deadline (not the caller) cancelled the response.</summary>
    public bool Expired => timer.IsCancellationRequested;

    public LinkStatus Status() => new() { State = LinkState.Timeout, Detail = $"hele svaret tok mer enn {limit.TotalSeconds:0} s" };

    public void Dispose()
    {
        linked.Dispose();
        timer.Dispose();
    }
}
