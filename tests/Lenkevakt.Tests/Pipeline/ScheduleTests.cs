using Lenkevakt.Dashboard;
using Lenkevakt.Pipeline;

namespace Lenkevakt.Tests.Pipeline;

[Trait("Category", "Unit")]
public sealed class ScheduleTests
{
    [Fact]
    public void ScheduledRunId_IsStableForTheSameOccurrence()
    {
        var at = DateTimeOffset.Parse("2026-11-23T01:00:00Z");
        Assert.Equal("r20261123T0100Z", PlanRunHandler.ScheduledRunId(at));
        Assert.Equal(PlanRunHandler.ScheduledRunId(at), PlanRunHandler.ScheduledRunId(at.ToOffset(TimeSpan.FromHours(1))));
    }

    [Theory]
    [InlineData(true, 100, 0, 0, 0, 0, 100)]
    [InlineData(true, 100, 10, 0, 0, 0, 90)]
    [InlineData(true, 50, 5, 0, 0, 0, 90)]
    [InlineData(true, 100, 10, 20, 0, 0, 85)]
    [InlineData(true, 100, 10, 0, 6, 8, 87)]
    [InlineData(true, 50, 5, 0, 6, 8, 87)]
    [InlineData(true, 5, 50, 0, 0, 0, 0)]
    [InlineData(false, 0, 0, 0, 0, 0, 0)]
    public void HealthScore_IsARatePerPageCrawledAndPerRule(bool reachable, int pages, int errorPages, int warningPages, int rulesMet, int rulesAssessed, int expected) =>
        Assert.Equal(expected, HealthScore.Compute(reachable, pages, errorPages, warningPages, rulesMet, rulesAssessed));
}
