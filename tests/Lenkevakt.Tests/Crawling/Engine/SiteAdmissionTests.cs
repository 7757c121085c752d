using Lenkevakt.Crawling;
using Microsoft.Extensions.Time.Testing;

namespace Lenkevakt.Tests.Crawling.Engine;

/// <summary>The engine's site and CPU budgets, with a fake clock and a memory measure the test sets.</summary>
[Trait("Category", "Unit")]
public sealed class SiteAdmissionTests
{
    [Fact]
    public async Task Enter_HoldsAtMostMaxSites_AndTheNextStartsWhenOneLeaves()
    {
        var time = new FakeTimeProvider();
        var admission = new SiteAdmission(new CrawlOptions { MaxSitesInFlight = 3, SiteStartInterval = TimeSpan.Zero }, time, () => 0);
        var slots = new List<IDisposable>();
        for (var i = 0; i < 3; i++)
        {
            slots.Add(await admission.EnterAsync(CancellationToken.None));
        }

        var fourth = admission.EnterAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(fourth.IsCompleted);
        Assert.False(admission.HasRoom);

        slots[0].Dispose();
        using var admitted = await fourth.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, admission.InFlight);
        Assert.Equal(3, admission.Peak);
    }

    [Fact]
    public async Task Enter_OverTheMemoryBudget_WaitsUntilTheHeapShrinks_ButTheFirstSiteAlwaysStarts()
    {
        var time = new FakeTimeProvider();
        long heap = 900L * 1024 * 1024;
        var admission = new SiteAdmission(new CrawlOptions { MaxSitesInFlight = 100, MemoryBudgetMb = 500, SiteStartInterval = TimeSpan.Zero }, time, () => Interlocked.Read(ref heap));

        using var first = await admission.EnterAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var second = admission.EnterAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(second.IsCompleted);
        Assert.Equal(1, admission.HeldBackForMemory);

        Interlocked.Exchange(ref heap, 100L * 1024 * 1024);
        var spin = System.Diagnostics.Stopwatch.StartNew();
        while (!second.IsCompleted && spin.Elapsed < TimeSpan.FromSeconds(10))
        {
            time.Advance(TimeSpan.FromMilliseconds(200)); // the next look at the heap
            await Task.Yield();
        }

        using var admitted = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, admission.InFlight);
    }

    [Fact]
    public async Task Enter_WithAStartInterval_SpacesNewSites_ButNotTheFirstOrOneComingBack()
    {
        var time = new FakeTimeProvider();
        var admission = new SiteAdmission(new CrawlOptions { MaxSitesInFlight = 10, SiteStartInterval = TimeSpan.FromSeconds(1) }, time, () => 0);

        using var first = await admission.EnterAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var second = admission.EnterAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(600));
        Assert.False(second.IsCompleted);
        Assert.False(admission.HasRoom);

        time.Advance(TimeSpan.FromMilliseconds(600)); // 1.2 s after the first start, on the next look
        using var admitted = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, admission.InFlight);

        // A crawl that stepped aside comes back at once: the spacing is for new sites only.
        var rechecks = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aside = admitted.AsideWhileAsync(rechecks.Task, CancellationToken.None);
        Assert.Equal(1, admission.InFlight);
        rechecks.SetResult();
        await aside.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, admission.InFlight);
    }

    [Fact]
    public async Task Enter_Cancelled_WhileWaiting_TakesNoSlot()
    {
        var time = new FakeTimeProvider();
        var admission = new SiteAdmission(new CrawlOptions { MaxSitesInFlight = 1, SiteStartInterval = TimeSpan.Zero }, time, () => 0);
        using var only = await admission.EnterAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource();

        var waiting = admission.EnterAsync(cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, admission.InFlight);
    }

    [Fact]
    public async Task AsideWhileAsync_FreesTheSlotForAnotherSite_AndComesBackWhenItIsFree()
    {
        var time = new FakeTimeProvider();
        var admission = new SiteAdmission(new CrawlOptions { MaxSitesInFlight = 1, SiteStartInterval = TimeSpan.Zero }, time, () => 0);
        using var waiting = await admission.EnterAsync(CancellationToken.None);
        var rechecks = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var aside = waiting.AsideWhileAsync(rechecks.Task, CancellationToken.None);
        Assert.Equal(1, admission.Aside);
        var other = await admission.EnterAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)); // runs meanwhile
        Assert.Equal(1, admission.InFlight);

        rechecks.SetResult();
        other.Dispose();
        await aside.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, admission.InFlight);
        Assert.Equal(0, admission.Aside);
    }

    [Fact]
    public async Task AsideWhileAsync_TwoWaitsOfOneCrawl_StepAsideOnce()
    {
        var time = new FakeTimeProvider();
        var admission = new SiteAdmission(new CrawlOptions { MaxSitesInFlight = 2, SiteStartInterval = TimeSpan.Zero }, time, () => 0);
        using var crawl = await admission.EnterAsync(CancellationToken.None);
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var a = crawl.AsideWhileAsync(first.Task, CancellationToken.None);
        var b = crawl.AsideWhileAsync(second.Task, CancellationToken.None);
        Assert.Equal(0, admission.InFlight);

        first.SetResult();
        await a.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, admission.InFlight); // still waiting for the other
        second.SetResult();
        await b.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, admission.InFlight);
        Assert.Equal(0, admission.Aside);
    }

    [Fact]
    public async Task ParseGate_AdmitsAtMostItsLimit_AndTheRestWaitInTurn()
    {
        using var gate = new ParseGate(new CrawlOptions { MaxParallelParses = 2 });
        var a = await gate.EnterAsync(CancellationToken.None);
        var b = await gate.EnterAsync(CancellationToken.None);
        var c = gate.EnterAsync(CancellationToken.None);
        Assert.False(c.IsCompleted);

        a.Dispose();
        a.Dispose(); // a second dispose frees nothing more
        using var third = await c.WaitAsync(TimeSpan.FromSeconds(10));
        var d = gate.EnterAsync(CancellationToken.None);
        Assert.False(d.IsCompleted);
        b.Dispose();
        using var fourth = await d.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, gate.Peak);
    }

    [Fact]
    public async Task ParseGate_PagesInHand_AreBounded_AndAReleasedTicketLetsTheNextFetchGo()
    {
        using var gate = new ParseGate(new CrawlOptions { MaxParallelParses = 1, MaxPagesInHand = 2 });
        var first = await gate.EnterFetchAsync(CancellationToken.None);
        using var second = await gate.EnterFetchAsync(CancellationToken.None);
        var third = gate.EnterFetchAsync(CancellationToken.None);
        Assert.False(third.IsCompleted);

        first.Dispose();
        using var admitted = await third.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, gate.InHandLimit);
    }

    [Fact]
    public void ParseGate_DefaultPagesInHand_Is16PerParseSlot() =>
        Assert.Equal(64, new ParseGate(new CrawlOptions { MaxParallelParses = 2 }).InHandLimit);

    [Fact]
    public void ParseGate_DefaultLimit_IsTheProcessorCount() =>
        Assert.Equal(Environment.ProcessorCount, new ParseGate(new CrawlOptions()).Limit);

    [Fact]
    public void SiteConcurrency_TheOldName_SetsMaxSitesInFlight() =>
        Assert.Equal(6, new CrawlOptions { SiteConcurrency = 6 }.MaxSitesInFlight);
}
