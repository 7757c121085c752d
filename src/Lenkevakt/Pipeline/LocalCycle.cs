using Lenkevakt.Dashboard;
using Lenkevakt.Sites;
using Lenkevakt.Storage;
using Microsoft.Extensions.Logging;

namespace Lenkevakt.Pipeline;

/// <summary>One site's line in a run summary.</summary>
public sealed record SiteRunSummary(string SiteId, string Name, string Status, SiteHealthEntity? Health);

/// <summary>The outcome of a complete local cycle.</summary>
public sealed record RunSummary(string RunId, IReadOnlyList<SiteRunSummary> Sites, IReadOnlyDictionary<string, int> PoisonCounts);

/// <summary>
/// The whole nightly cycle in one process, as <c>lenkevakt run</c> and the tests use it: plan the run, pump the
/// queues until every stage is drained (including leftovers of an interrupted earlier run, which are finished
/// first), and summarise from the tables. The same handlers run here as in Azure Functions.
/// </summary>
public sealed class LocalCycle(
    PlanRunHandler planner,
    QueuePump pump,
    RunStore runs,
    DashboardStore dashboard,
    StorageClients storage,
    StorageProvisioner provisioner,
    TimeProvider time,
    ILogger<LocalCycle> logger)
{
    public async Task<RunSummary> RunAsync(IReadOnlyList<SiteDefinition> sites, CancellationToken ct, string? runId = null)
    {
        await provisioner.EnsureAsync(ct).ConfigureAwait(false);
        var startedAt = time.GetUtcNow();
        if (runId is null && await runs.FindUnfinishedRunAsync("cli", PlanRunHandler.SitesKey(sites), startedAt - TimeSpan.FromHours(24), ct).ConfigureAwait(false) is { } interrupted)
        {
            // The last run over the same sites was interrupted (Ctrl+C, kill -9): finish it instead of starting over, so
            // its crawls resume from their checkpoints and its summary counts what both invocations did.
            logger.LogWarning("Fortsetter den avbrutte kjøringen {RunId} fra {StartedAt:u}", interrupted.RunId, interrupted.StartedAt);
            (runId, startedAt) = interrupted;
        }

        runId ??= PlanRunHandler.AdHocRunId(startedAt);
        await planner.PlanAsync(runId, startedAt, sites, "cli", ct).ConfigureAwait(false);
        await DrainAsync(ct).ConfigureAwait(false);
        return await SummariseAsync(runId, sites, ct).ConfigureAwait(false);
    }

    /// <summary>Pumps all queues until nothing is left in any of them (checked twice, a moment apart).</summary>
    public async Task DrainAsync(CancellationToken ct)
    {
        using var pumpCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pumping = pump.RunAsync(pumpCts.Token);
        try
        {
            var quietChecks = 0;
            while (quietChecks < 2)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), time, ct).ConfigureAwait(false);
                quietChecks = await pump.IsDrainedAsync(ct).ConfigureAwait(false) ? quietChecks + 1 : 0;
                if (pumping.IsFaulted)
                {
                    break;
                }
            }
        }
        finally
        {
            await pumpCts.CancelAsync().ConfigureAwait(false);
            await pumping.ConfigureAwait(false);
        }
    }

    public async Task<RunSummary> SummariseAsync(string runId, IReadOnlyList<SiteDefinition> sites, CancellationToken ct)
    {
        var statuses = await runs.GetSiteStatusesAsync(runId, ct).ConfigureAwait(false);
        var rows = new List<SiteRunSummary>();
        foreach (var site in sites)
        {
            var health = await dashboard.GetLatestAsync(site.Id, ct).ConfigureAwait(false);
            var status = statuses.GetValueOrDefault(site.Id, "not planned");
            rows.Add(new SiteRunSummary(site.Id, site.Name, status, health?.LastRunId == runId ? health : null));
        }

        var poison = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var q in StorageNames.PipelineQueues)
        {
            var props = await storage.PoisonQueue(q).GetPropertiesAsync(ct).ConfigureAwait(false);
            if (props.Value.ApproximateMessagesCount > 0)
            {
                poison[storage.Names.Poison(q)] = props.Value.ApproximateMessagesCount;
            }
        }

        if (rows.Any(r => r.Status != "closed"))
        {
            logger.LogWarning("Run {RunId}: {Count} site(s) did not close; see the poison queues", runId, rows.Count(r => r.Status != "closed"));
        }

        return new RunSummary(runId, rows, poison);
    }
}
