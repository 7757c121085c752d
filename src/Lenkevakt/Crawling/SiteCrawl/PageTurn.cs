namespace Lenkevakt.Crawling;

/// <summary>One page's place in its level (<see cref="RankTurnstile"/>).</summary>
internal readonly record struct PageTurn(RankTurnstile Turnstile, int Rank)
{
    public Task WaitAsync(CancellationToken ct) => Turnstile.WaitTurnAsync(Rank, ct);

    public void Pass() => Turnstile.Pass(Rank);
}
