using Lenkevakt.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace Lenkevakt.Functions;

/// <summary>
/// Ticks every hour in UTC (app setting Lenkevakt:Schedule:FunctionsTick, <c>0 0 * * * *</c>). The handler decides
/// whether the nightly run (Lenkevakt:Schedule:Cron in Lenkevakt:Schedule:TimeZone, default 02:00 Europe/Oslo, with
/// daylight saving) fell due since the last tick the host recorded (<see cref="TimerSchedule.LastOccurrence"/>), so a
/// past-due tick after a restart or deploy plans the night it missed; without a record it looks back one tick.
/// The timer cannot apply the time zone itself: the Functions timer trigger documentation states that WEBSITE_TIME_ZONE
/// and TZ are not supported on Linux in a Consumption or Flex Consumption plan, so NCRONTAB schedules run in UTC there.
/// </summary>
public sealed class PlanRun(PlanRunHandler handler, TimeProvider time)
{
    [Function(nameof(PlanRun))]
    public Task RunAsync([TimerTrigger("%Lenkevakt:Schedule:FunctionsTick%", UseMonitor = true)] TimerInfo timer, FunctionContext context)
        => handler.HandleTimerTickAsync(time.GetUtcNow(), TimerSchedule.LastOccurrence(timer), context.CancellationToken);
}
