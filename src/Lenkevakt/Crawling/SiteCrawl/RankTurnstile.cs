namespace Lenkevakt.Crawling;

/// <summary>
/// Lets the pages of one level pass a point in admission order, while fetching and parsing run concurrently: a page
/// waits at <see cref="WaitTurnAsync"/> until every page admitted before it has passed (<see cref="Pass"/>).
/// Used where the first page wins — a body seen under two URLs is checked under the one admitted first — so that
/// does not depend on which response came back first. A page that ends early passes when it ends.
/// </summary>
internal sealed class RankTurnstile(int count)
{
    private readonly bool[] passed = new bool[count];
    private readonly Dictionary<int, TaskCompletionSource> waiting = [];
    private int next;

    public Task WaitTurnAsync(int rank, CancellationToken ct)
    {
        lock (passed)
        {
            if (rank <= next)
            {
                return Task.CompletedTask;
            }

            var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting[rank] = turn;
            return turn.Task.WaitAsync(ct);
        }
    }

    /// <summary>Marks <paramref name="rank"/> as passed (again is harmless) and releases the pages whose turn it now is.</summary>
    public void Pass(int rank)
    {
        List<TaskCompletionSource>? release = null;
        lock (passed)
        {
            if (passed[rank])
            {
                return;
            }

            passed[rank] = true;
            while (next < passed.Length && passed[next])
            {
                next++;
            }

            foreach (var r in waiting.Keys.Where(r => r <= next).ToList())
            {
                waiting.Remove(r, out var turn);
                (release ??= []).Add(turn!);
            }
        }

        foreach (var turn in release ?? [])
        {
            turn.TrySetResult();
        }
    }
}
