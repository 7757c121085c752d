using Lenkevakt.Dashboard;
using Lenkevakt.Findings;
using Lenkevakt.Storage;
using Microsoft.Extensions.Logging;

namespace Lenkevakt.Pipeline;

/// <summary>
/// Stage 4: once every findings batch of the site's crawl is recorded, resolves the findings not seen again, writes
/// the site's health to the dashboard (latest + history) and, when the site has subscribers and something changed,
/// sends one <c>alerts</c> message. Until the batches are in, the message is deferred (not failed).
/// </summary>
public sealed class CloseSiteRunHandler(
    FindingStore findings,
    Crawling.CrawlCheckpointStore checkpoints,
    DashboardStore dashboard,
    RunStore runs,
    QueuePublisher queues,
    ILogger<CloseSiteRunHandler> logger)
{
    /// <summary>Deferrals before closing counts as failed (about 10 minutes: the delay grows to 5 s and stays there).</summary>
    public const int MaxAttempts = 130;

    /// <summary>
    /// Longest wait between two looks at the recorded batches. Shorter than it was (20 s), because a whole run's sites
    /// can finish crawling at once and wait here together for their findings, and a long backoff left the run idle at
    /// its end (the 60-site bench: 100 s with both processes idle); not much shorter, because each look is a storage
    /// query, and hundreds of sites looking every second or two would add load to the storage that is recording their
    /// findings (reasoned, not measured).
    /// </summary>
    public static readonly TimeSpan MaxDeferral = TimeSpan.FromSeconds(5);

    /// <summary>Items per list in one alerts message (the digest links to the full list).</summary>
    public const int MaxAlertItems = 50;

    /// <summary>
    /// Which pages this run checked, from its crawl checkpoint (every fetched URL with its status): only their old
    /// findings may be resolved. A page that failed transiently (timeout, connection error, 5xx) or was excluded counts
    /// as not checked; one that answered 404/410, a soft 404, or now redirects elsewhere is gone.
    /// </summary>
    private async Task<Dictionary<string, PageCheck>> PageChecksAsync(SiteCrawledMessage message, CancellationToken ct)
    {
        var pages = new Dictionary<string, PageCheck>(StringComparer.Ordinal);
        await foreach (var record in checkpoints.ReadAsync(message.SiteId, message.RunId, ct).ConfigureAwait(false))
        {
            var status = record.Status;
            var check = status.State switch
            {
                Checks.LinkState.Ok => PageCheck.Checked,
                Checks.LinkState.Redirected => record.PageUrl is { } final && final != record.Url ? PageCheck.Gone : PageCheck.Checked,
                Checks.LinkState.Soft404 => PageCheck.Gone,
                Checks.LinkState.Broken when status.StatusCode is 404 or 410 => PageCheck.Gone,
                _ => PageCheck.NotChecked,
            };
            pages[record.Url] = check;
            if (record.PageUrl is { } pageUrl && pageUrl != record.Url && check != PageCheck.NotChecked)
            {
                pages[pageUrl] = PageCheck.Checked;
            }
        }

        return pages;
    }

    public async Task HandleAsync(SiteCrawledMessage message, CancellationToken ct)
    {
        if (await runs.IsClosedAsync(message.RunId, message.SiteId, ct).ConfigureAwait(false))
        {
            return;
        }

        var recorded = await runs.CountBatchesAsync(message.RunId, message.SiteId, ct).ConfigureAwait(false);
        if (recorded < message.FindingBatches)
        {
            if (message.Attempt >= MaxAttempts)
            {
                throw new InvalidOperationException($"Only {recorded} of {message.FindingBatches} findings batches of {message.SiteId} in run {message.RunId} were recorded; check the findings poison queue.");
            }

            var next = message with { Attempt = message.Attempt + 1 };
            var delay = TimeSpan.FromMilliseconds(Math.Min(MaxDeferral.TotalMilliseconds, 250 * Math.Pow(1.5, message.Attempt)));
            throw new RetryLaterException($"{recorded}/{message.FindingBatches} batches recorded", delay, MessageSerializer.Serialize(next));
        }

        var pages = await PageChecksAsync(message, ct).ConfigureAwait(false);
        var changes = await findings.CloseRunAsync(message.SiteId, message.RunId, message.RunStartedAt, message.Stats.Reachable, ct, url => pages.GetValueOrDefault(url, PageCheck.NotChecked)).ConfigureAwait(false);
        var health = await dashboard.RecordAsync(message.Site, message.RunId, message.RunStartedAt, message.Stats, changes, ct).ConfigureAwait(false);
        if (message.Site.Subscriptions.Count > 0 && (changes.New.Count > 0 || changes.Resolved.Count > 0))
        {
            await queues.SendAsync(StorageNames.Alerts, AlertsFor(message, changes), ct).ConfigureAwait(false);
        }

        await runs.MarkClosedAsync(message.RunId, message.SiteId, ct).ConfigureAwait(false);
        logger.LogInformation("Closed {Site} in {Run}: health {Score}, {Open} open ({New} new, {Resolved} resolved)", message.SiteId, message.RunId, health.HealthScore, changes.Open.Count, changes.New.Count, changes.Resolved.Count);
    }

    /// <summary>The alerts message, with the lists shortened until it fits a queue message (totals stay exact).</summary>
    internal static AlertsMessage AlertsFor(SiteCrawledMessage run, RunChanges changes)
    {
        var take = MaxAlertItems;
        while (true)
        {
            var message = new AlertsMessage
            {
                RunId = run.RunId,
                SiteId = run.SiteId,
                Site = run.Site,
                New = changes.New.OrderByDescending(f => f.Severity == "error").Take(take).Select(ToItem).ToList(),
                Resolved = changes.Resolved.Take(take).Select(ToItem).ToList(),
                NewTotal = changes.New.Count,
                ResolvedTotal = changes.Resolved.Count,
            };
            if (take <= 1 || System.Text.Encoding.UTF8.GetByteCount(MessageSerializer.Serialize(message)) < QueuePublisher.MaxBodyBytes)
            {
                return message;
            }

            take = take * 3 / 4;
        }
    }

    private static AlertItem ToItem(StoredFinding f) =>
        new(f.Id, f.Kind, f.Severity, f.PageUrl, f.PageTitle, f.Target, Cap(f.Message, 600), f.Status);

    private static string Cap(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
