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
        var time = new FakeTimeProvider();
        var recheck = new TransientRecheck(time, 2, TimeSpan.FromSeconds(5));
        var calls = 0;
        var confirming = recheck.ConfirmAsync(new LinkStatus { State = LinkState.Timeout }, _ =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult(new LinkStatus { State = LinkState.Timeout });
        }, CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref calls) == 1, TimeSpan.FromSeconds(5)));
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(confirming.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        var status = await confirming;

        Assert.Equal(LinkState.Timeout, status.State);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task ConfirmAsync_NotTransient_IsTheVerdictAtOnce()
    {
        var recheck = new TransientRecheck(new FakeTimeProvider(), 2, TimeSpan.FromSeconds(5));
        var status = await recheck.ConfirmAsync(new LinkStatus { State = LinkState.Broken, StatusCode = 404 }, _ => throw new InvalidOperationException("not re-checked"), CancellationToken.None);

        Assert.Equal(404, status.StatusCode);
    }
}
