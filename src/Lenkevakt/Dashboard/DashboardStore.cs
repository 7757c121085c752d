using System.Text.Json;
using Azure.Data.Tables;
using Lenkevakt.Findings;
using Lenkevakt.Pipeline;
using Lenkevakt.Sites;
using Lenkevakt.Storage;

namespace Lenkevakt.Dashboard;

/// <summary>Writes and reads the <c>Dashboard</c> table (latest per site + per-run history).</summary>
public sealed class DashboardStore(StorageClients storage, Content.Persistence.ContentExport content)
{
    private TableClient Table => storage.Table(storage.Names.DashboardTable);

    public async Task<SiteHealthEntity> RecordAsync(SiteDefinition site, SiteCrawledMessage run, RunChanges changes, CancellationToken ct)
    {
        var errors = changes.Open.Count(f => f.Severity == "error");
        var warnings = changes.Open.Count(f => f.Severity == "warning");
        var (pagesWithErrors, pagesWithWarnings) = HealthScore.CountPages(changes.Open, run.RunId, run.Stats.PagesCrawled);
        var siteContent = await content.ReadSiteAsync(site.Id, ct).ConfigureAwait(false);
        var rules = siteContent?.RunId == run.RunId ? siteContent.Rules.Where(r => r.Outcome != Content.Rules.RuleOutcome.NotApplicable).ToList() : [];
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
            LastRunId = run.RunId,
            LastCrawlAt = run.RunStartedAt,
            Reachable = run.Stats.Reachable,
            PagesCrawled = run.Stats.PagesCrawled,
            LinksFound = run.Stats.LinksFound,
            LinksChecked = run.Stats.LinksChecked,
            DurationSeconds = run.Stats.DurationSeconds,
            Truncated = run.Stats.Truncated,
            OpenFindings = changes.Open.Count,
            Errors = errors,
            Warnings = warnings,
            Infos = changes.Open.Count - errors - warnings,
            NewFindings = changes.New.Count,
            ResolvedFindings = changes.Resolved.Count,
            KindsJson = JsonSerializer.Serialize(kinds),
            PagesWithErrors = pagesWithErrors,
            PagesWithWarnings = pagesWithWarnings,
            RulesMet = rulesMet,
            RulesAssessed = rules.Count,
            UncheckedFindings = changes.Open.Count(f => f.LastRunId != run.RunId),
            HealthScore = HealthScore.Compute(run.Stats.Reachable, run.Stats.PagesCrawled, pagesWithErrors, pagesWithWarnings, rulesMet, rules.Count),
        };
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        await Table.UpsertEntityAsync(entity.CopyAs(site.Id, run.RunId), TableUpdateMode.Replace, ct).ConfigureAwait(false);
        return entity;
    }

    public IAsyncEnumerable<SiteHealthEntity> GetLatestAsync(CancellationToken ct) =>
        Table.QueryAsync<SiteHealthEntity>(e => e.PartitionKey == SiteHealthEntity.LatestPartition, cancellationToken: ct);

    public async Task<SiteHealthEntity?> GetLatestAsync(string siteId, CancellationToken ct)
    {
        var e = await Table.GetEntityIfExistsAsync<SiteHealthEntity>(SiteHealthEntity.LatestPartition, siteId, cancellationToken: ct).ConfigureAwait(false);
        return e.HasValue ? e.Value : null;
    }

    public IAsyncEnumerable<SiteHealthEntity> GetHistoryAsync(string siteId, CancellationToken ct) =>
        Table.QueryAsync<SiteHealthEntity>(e => e.PartitionKey == siteId, cancellationToken: ct);
}
