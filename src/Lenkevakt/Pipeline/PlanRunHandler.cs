using System.Globalization;
using Cronos;
using Lenkevakt.Sites;
using Lenkevakt.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Pipeline;

/// <summary>
/// Stage 1: plans a run: records it and sends one <c>crawl-site</c> message per site. Idempotent: a site already
/// planned in the run is not sent twice, and a scheduled run's id comes from its schedule time, so a timer that
/// fires twice plans one run.
/// </summary>
public sealed class PlanRunHandler(
    ISiteCatalog catalog,
    RunStore runs,
    QueuePublisher queues,
    StorageProvisioner provisioner,
    IOptions<ScheduleOptions> schedule,
    TimeProvider time,
    ILogger<PlanRunHandler> logger)
{
    /// <summary>Plans the configured sites (or the listed ones).</summary>
    public Task<string> HandleAsync(PlanRunMessage message, CancellationToken ct)
    {
        var all = catalog.GetSites();
        var sites = message.SiteIds.Count == 0 ? all : all.Where(s => message.SiteIds.Contains(s.Id)).ToList();
        return PlanAsync(message.RunId, time.GetUtcNow(), sites, "message", ct);
    }

    /// <summary>
    /// Called on every timer tick (Functions: hourly in UTC). Plans a run when the cron, read in the configured time
    /// zone with daylight saving, has an occurrence in (tick − interval, tick]. Returns the run id, or null.
    /// </summary>
    public Task<string?> HandleTimerTickAsync(DateTimeOffset tick, CancellationToken ct) => HandleTimerTickAsync(tick, null, ct);

    /// <summary>
    /// Like <see cref="HandleTimerTickAsync(DateTimeOffset, CancellationToken)"/>, but looks back to
    /// <paramref name="previousTick"/> when that is earlier than one interval: the Functions timer's last recorded
    /// occurrence (<c>TimerInfo.ScheduleStatus.Last</c>), so a past-due tick after a restart or deploy plans the night
    /// it missed. Only the latest due occurrence is planned (once: its run id comes from the occurrence).
    /// </summary>
    public async Task<string?> HandleTimerTickAsync(DateTimeOffset tick, DateTimeOffset? previousTick, CancellationToken ct)
    {
        var o = schedule.Value;
        var cron = CronExpression.Parse(o.Cron);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(o.TimeZone);
        var from = tick - o.TickInterval;
        if (previousTick is { } previous && previous < from)
        {
            from = previous;
        }

        DateTimeOffset? due = null;
        foreach (var occurrence in cron.GetOccurrences(from, tick, zone, fromInclusive: false, toInclusive: true))
        {
            due = occurrence;
        }

        return due is { } latest ? await PlanScheduledAsync(latest, ct).ConfigureAwait(false) : null;
    }

    /// <summary>Plans the scheduled run for <paramref name="occurrence"/> (its id is derived from the time).</summary>
    public Task<string> PlanScheduledAsync(DateTimeOffset occurrence, CancellationToken ct) =>
        PlanAsync(ScheduledRunId(occurrence), occurrence, catalog.GetSites(), "schedule", ct);

    public async Task<string> PlanAsync(string runId, DateTimeOffset startedAt, IReadOnlyList<SiteDefinition> sites, string trigger, CancellationToken ct)
    {
        await provisioner.EnsureAsync(ct).ConfigureAwait(false);
        await runs.CreateRunAsync(runId, startedAt, sites.Count, trigger, ct, SitesKey(sites)).ConfigureAwait(false);
        var sent = 0;
        foreach (var site in sites)
        {
            if (!await runs.AddSiteAsync(runId, site.Id, ct).ConfigureAwait(false))
            {
                continue;
            }

            await queues.SendAsync(StorageNames.CrawlSite, new CrawlSiteMessage { RunId = runId, SiteId = site.Id, Site = site, RunStartedAt = startedAt }, ct).ConfigureAwait(false);
            sent++;
        }

        logger.LogInformation("Planned run {RunId}: {Sent} of {Count} sites queued", runId, sent, sites.Count);
        return runId;
    }

    /// <summary>Identifies a run's site list (ids and every setting of each site), so an interrupted run can be recognised.</summary>
    public static string SitesKey(IReadOnlyList<SiteDefinition> sites)
    {
        var json = string.Join('\n', sites.OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => System.Text.Json.JsonSerializer.Serialize(s, MessageSerializer.Options)));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json)).AsSpan(0, 16));
    }

    /// <summary>Run id of a scheduled run: <c>r</c> + UTC minute, so the same schedule time always gives the same id.</summary>
    public static string ScheduledRunId(DateTimeOffset at) => "r" + at.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);

    /// <summary>Run id of an ad-hoc run: UTC second plus a random suffix (ids sort by time).</summary>
    public static string AdHocRunId(DateTimeOffset at) =>
        "r" + at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..4];
}
