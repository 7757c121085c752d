using Lenkevakt.Dashboard;
using Lenkevakt.Pipeline;

namespace Lenkevakt.Tests.Pipeline;

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
    [InlineData(true, 100, 0, 0, 100)]
    [InlineData(true, 100, 1, 0, 99)]
    [InlineData(true, 100, 2, 4, 97)]
    [InlineData(true, 2, 1, 0, 90)]
    [InlineData(true, 5, 50, 0, 0)]
    [InlineData(false, 0, 0, 0, 0)]
    public void HealthScore_IsDensityBased(bool reachable, int pages, int errors, int warnings, int expected) =>
        Assert.Equal(expected, HealthScore.Compute(reachable, pages, errors, warnings));
}
