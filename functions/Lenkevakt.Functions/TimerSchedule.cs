using Microsoft.Azure.Functions.Worker;

namespace Lenkevakt.Functions;

/// <summary>Reads the timer's schedule status as the host recorded it.</summary>
public static class TimerSchedule
{
    /// <summary>
    /// The last occurrence the host recorded as run (<see cref="ScheduleStatus.Last"/>; the host keeps it in its storage
    /// because the trigger uses the schedule monitor), or null when there is none (first start, monitor off). The host
    /// writes times without a zone in its own clock, which is UTC on Azure's Linux plans (WEBSITE_TIME_ZONE is not
    /// supported there), so an unspecified kind is read as UTC.
    /// </summary>
    public static DateTimeOffset? LastOccurrence(TimerInfo timer)
    {
        if (timer.ScheduleStatus is not { } status || status.Last == default)
        {
            return null;
        }

        var last = status.Last;
        return last.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(DateTime.SpecifyKind(last, DateTimeKind.Utc))
            : new DateTimeOffset(last.ToUniversalTime(), TimeSpan.Zero);
    }
}
