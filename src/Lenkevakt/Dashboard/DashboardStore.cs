using System.Text.Json;
using Azure.Data.Tables;
using Lenkevakt.Crawling;
using Lenkevakt.Findings;
using Lenkevakt.Sites;
using Lenkevakt.Storage;

namespace Lenkevakt.Dashboard;

/// <summary>Writes and reads the <c>Dashboard</c> table (latest per site + per-run history).</summary>
public sealed class DashboardStore(StorageClients storage, Content.Persistence.ContentExport content)
{
    private TableClient Table => storage.Table(storage.Names.DashboardTable);

    /// <summary>Records a site's closed run: its crawl (<paramref name="runId"/>, started <paramref name="runStartedAt"/>, <paramref name="stats"/>) and what closing it changed.</summary>
    public async Task<SiteHealthEntity> RecordAsync(SiteDefinition site, string runId, DateTimeOffset runStartedAt, CrawlStats stats, RunChanges changes, CancellationToken ct)
    {
        var errors = changes.Open.Count(f => f.Severity == "error");
        var warnings = changes.Open.Count(f => f.Severity == "warning");
        var (pagesWithErrors, pagesWithWarnings) = HealthScore.CountPages(changes.Open, runId, stats.PagesCrawled);
        var siteContent = await content.ReadSiteAsync(site.Id, ct).ConfigureAwait(false);
        var rules = siteContent?.RunId == runId ? siteContent.Rules.Where(r => r.Outcome != Content.Rules.RuleOutcome.NotApplicable).ToList() : [];
        var rulesMet = rules.Count(r => r.Outcome == Content.Rules.RuleOutcome.Met);
        var kinds = changes.Open.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        var entity = new SiteHealthEntity
        {
            RowKey = site.Id,
            SiteId = site.Id,
            Name = site.Name,
            Kind = site.Kind.ToString().ToLowerInvariant(),
            Kommunenummer = site.Kommunenummer,
            Fylke = site.Fylke,
            Fylkesnummer = site.Fylkesnummer,
            StartUrl = site.StartUrls[0].AbsoluteUri,
            LastRunId = runId,
            LastCrawlAt = runStartedAt,
            Reachable = stats.Reachable,
            PagesCrawled = stats.PagesCrawled,
            LinksFound = stats.LinksFound,
            LinksChecked = stats.LinksChecked,
            DurationSeconds = stats.DurationSeconds,
            Truncated = stats.Truncated,
            OpenFindings = changes.Open.Count,
            Errors = errors,
            Warnings = warnings,
            Infos = changes.Open.Count - errors - warnings,
            NewFindings = changes.New.Count,
            ResolvedFindings = changes.Resolved.Count,
            KindsJson = JsonSerializer.Serialize(kinds),
            BrokenLinksJson = BrokenLinkSample.Serialize(changes.Open),
            PagesWithErrors = pagesWithErrors,
            PagesWithWarnings = pagesWithWarnings,
            RulesMet = rulesMet,
            RulesAssessed = rules.Count,
            UncheckedFindings = changes.Open.Count(f => f.LastRunId != runId),
            HealthScore = HealthScore.Compute(stats.Reachable, stats.PagesCrawled, pagesWithErrors, pagesWithWarnings, rulesMet, rules.Count),
        };
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        var history = entity.CopyAs(site.Id, runId);
        history.BrokenLinksJson = null; // the report reads the latest row only
        await Table.UpsertEntityAsync(history, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        return entity;
    }

    public IAsyncEnumerable<SiteHealthEntity> GetLatestAsync(CancellationToken ct) =>
        Table.QueryAsync<SiteHealthEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {SiteHealthEntity.LatestPartition}"), cancellationToken: ct);

    public async Task<SiteHealthEntity?> GetLatestAsync(string siteId, CancellationToken ct)
    {
        var e = await Table.GetEntityIfExistsAsync<SiteHealthEntity>(SiteHealthEntity.LatestPartition, siteId, cancellationToken: ct).ConfigureAwait(false);
        return e.HasValue ? e.Value : null;
    }

    public IAsyncEnumerable<SiteHealthEntity> GetHistoryAsync(string siteId, CancellationToken ct) =>
        Table.QueryAsync<SiteHealthEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {siteId}"), cancellationToken: ct);
}
