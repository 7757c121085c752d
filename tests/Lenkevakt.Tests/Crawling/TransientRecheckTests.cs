using Lenkevakt.Checks;
using Lenkevakt.Crawling;
using Microsoft.Extensions.Time.Testing;

namespace Lenkevakt.Tests.Crawling;

[Trait("Category", "Unit")]
public sealed class TransientRecheckTests
{
    [Theory]
    [InlineData(LinkState.Timeout, LinkErrorKind.None, null, true)]
    [InlineData(LinkState.RateLimited, LinkErrorKind.None, 429, true)]
    [InlineData(LinkState.Broken, LinkErrorKind.None, 503, true)]
    [InlineData(LinkState.Broken, LinkErrorKind.None, 500, true)]
    [InlineData(LinkState.Error, LinkErrorKind.ConnectionRefused, null, true)]
    [InlineData(LinkState.Error, LinkErrorKind.ConnectionReset, null, true)]
    [InlineData(LinkState.Broken, LinkErrorKind.None, 404, false)]
    [InlineData(LinkState.Error, LinkErrorKind.Dns, null, false)]
    [InlineData(LinkState.Error, LinkErrorKind.Tls, null, false)]
    [InlineData(LinkState.Ok, LinkErrorKind.None, 200, false)]
    public void IsTransient_ByStateErrorAndCode(LinkState state, LinkErrorKind error, int? code, bool transient) =>
        Assert.Equal(transient, TransientRecheck.IsTransient(new LinkStatus { State = state, Error = error, StatusCode = code }));

    [Fact]
    public async Task ConfirmAsync_FailureThatHeals_IsNotReported_AndWaitsTheBackoffOnTheTimeProvider()
    {
        var time = new FakeTimeProvider();
        var recheck = new TransientRecheck(time, 2, TimeSpan.FromSeconds(5));
        var calls = 0;
        var confirming = recheck.ConfirmAsync(new LinkStatus { State = LinkState.Broken, StatusCode = 503 }, _ =>
        {
            calls++;
            return Task.FromResult(LinkStatus.Ok(200));
        }, CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(confirming.IsCompleted);
        Assert.Equal(0, calls);
        time.Advance(TimeSpan.FromSeconds(1));
        var status = await confirming;

        Assert.Equal(LinkState.Ok, status.State);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task ConfirmAsync_FailureThatPersists_IsReportedAfterEveryRecheck_WithDoublingBackoff()
    {
        var time = new TimerCountingTimeProvider();
        var recheck = new TransientRecheck(time, 2, TimeSpan.FromSeconds(5));
        var calls = 0;
        var confirming = recheck.ConfirmAsync(new LinkStatus { State = LinkState.Timeout }, _ =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult(new LinkStatus { State = LinkState.Timeout });
        }, CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(5));

        // The second back-off's timer is created on the thread that ran the first re-check: wait until it exists, or
        // advancing the clock first would leave it due after the test's last step (a hang under load, seen in CI).
        Assert.True(SpinWait.SpinUntil(() => time.Timers == 2, TimeSpan.FromSeconds(10)));
        Assert.Equal(1, Volatile.Read(ref calls));
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(confirming.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        var status = await confirming.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(LinkState.Timeout, status.State);
        Assert.Equal(2, calls);
    }

    /// <summary>A fake clock that counts the timers created on it (each back-off is one).</summary>
    private sealed class TimerCountingTimeProvider : FakeTimeProvider
    {
        private int timers;

        public int Timers => Volatile.Read(ref timers);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            Interlocked.Increment(ref timers);
            return timer;
        }
    }

    [Fact]
    public async Task ConfirmAsync_NotTransient_IsTheVerdictAtOnce()
    {
        var recheck = new TransientRecheck(new FakeTimeProvider(), 2, TimeSpan.FromSeconds(5));
        var status = await recheck.ConfirmAsync(new LinkStatus { State = LinkState.Broken, StatusCode = 404 }, _ => throw new InvalidOperationException("not re-checked"), CancellationToken.None);

        Assert.Equal(404, status.StatusCode);
    }
}
