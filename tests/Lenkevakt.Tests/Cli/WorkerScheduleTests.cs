using Cronos;
using Lenkevakt.Cli.Commands;

namespace Lenkevakt.Tests.Cli;

/// <summary>The worker's catch-up: a worker that was down at 02:00 plans that night once when it starts.</summary>
[Trait("Category", "Unit")]
public sealed class WorkerScheduleTests
{
    private static readonly CronExpression Nightly = CronExpression.Parse("0 2 * * *");
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    [Fact]
    public void MissedOccurrence_StartedAfterTheNightlyTime_IsThatNight()
    {
        var started = new DateTimeOffset(2026, 12, 2, 7, 30, 0, TimeSpan.Zero); // 08:30 in Oslo

        var missed = WorkerCommand.MissedOccurrence(Nightly, Oslo, started, TimeSpan.FromHours(20));

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero), missed); // 02:00 Oslo (CET)
    }

    [Fact]
    public void MissedOccurrence_OutsideTheWindow_OrCatchUpOff_IsNone()
    {
        var started = new DateTimeOffset(2026, 12, 2, 23, 30, 0, TimeSpan.Zero);

        Assert.Null(WorkerCommand.MissedOccurrence(Nightly, Oslo, started, TimeSpan.FromHours(20)));
        Assert.Null(WorkerCommand.MissedOccurrence(Nightly, Oslo, started.AddHours(-20), TimeSpan.Zero));
    }

    [Fact]
    public void MissedOccurrence_ManyMissedNights_IsOnlyTheLatest()
    {
        var started = new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

        var missed = WorkerCommand.MissedOccurrence(Nightly, Oslo, started, TimeSpan.FromDays(7));

        Assert.Equal(new DateTimeOffset(2026, 12, 5, 1, 0, 0, TimeSpan.Zero), missed);
    }
}
