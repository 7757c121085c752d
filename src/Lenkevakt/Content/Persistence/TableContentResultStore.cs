using Azure;
using Azure.Data.Tables;
using Lenkevakt.Content.Rules;
using Lenkevakt.Storage;

namespace Lenkevakt.Content.Persistence;

/// <summary>
/// Writes content results to Azure Table Storage: <c>{prefix}Pages</c> (PK <see cref="SitePartitions"/> (site and shard), RK <see cref="PageKey"/>) and
/// <c>{prefix}SiteContent</c> (PK <c>site</c>, RK site id). Rows are upserted (replace), so re-running is idempotent;
/// page rows of the site left from earlier runs are deleted, so the table holds the latest run only.
/// Rule results are a JSON string column, evidence shortened to fit the 64 KiB property limit.
/// </summary>
public sealed class TableContentResultStore(StorageClients clients) : IContentResultStore
{
    public const string SitePartition = "site";
    private int tablesReady;

    // Row keys written early (SavePagesAsync) per site and run, until the run's SaveAsync.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Site, string Run), System.Collections.Concurrent.ConcurrentDictionary<string, byte>> early = new();

    public async Task SavePagesAsync(string siteId, string runId, string ruleSet, DateTimeOffset checkedAt, IReadOnlyList<PageContentResult> pages, CancellationToken ct)
    {
        var pagesTable = clients.Table(clients.Names.PagesTable);
        await EnsureTablesAsync(ct).ConfigureAwait(false);
        var written = early.GetOrAdd((siteId, runId), _ => new(StringComparer.Ordinal));
        var entities = pages.Select(p => ToEntity(p, runId, ruleSet, checkedAt)).GroupBy(e => e.RowKey, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        await SitePartitions.SubmitAsync(pagesTable, entities, TableTransactionActionType.UpsertReplace, ct).ConfigureAwait(false);
        foreach (var e in entities)
        {
            written.TryAdd(e.RowKey, 0);
        }
    }

    private async Task EnsureTablesAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref tablesReady, 1) == 0)
        {
            await clients.Table(clients.Names.PagesTable).CreateIfNotExistsAsync(ct).ConfigureAwait(false);
            await clients.Table(clients.Names.SiteContentTable).CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        }
    }

    public async Task SaveAsync(SiteContentResult site, IReadOnlyList<PageContentResult> pages, CancellationToken ct)
    {
        var pagesTable = clients.Table(clients.Names.PagesTable);
        var sitesTable = clients.Table(clients.Names.SiteContentTable);
        await EnsureTablesAsync(ct).ConfigureAwait(false);
        early.TryRemove((site.SiteId, site.RunId), out var written);

        var keep = new HashSet<string>(StringComparer.Ordinal);
        var entities = new List<TableEntity>(pages.Count);
        foreach (var page in pages)
        {
            var entity = ToEntity(page, site);
            if (keep.Add(entity.RowKey) && written?.ContainsKey(entity.RowKey) != true)
            {
                entities.Add(entity);
            }
        }

        await SitePartitions.SubmitAsync(pagesTable, entities, TableTransactionActionType.UpsertReplace, ct).ConfigureAwait(false);

        // Remove rows of pages not seen in this run.
        var stale = new List<TableEntity>();
        await foreach (var row in pagesTable.QueryAsync<TableEntity>(SitePartitions.Filter(site.SiteId), select: ["PartitionKey", "RowKey"], cancellationToken: ct).ConfigureAwait(false))
        {
            if (!keep.Contains(row.RowKey))
            {
                stale.Add(row);
            }
        }

        await SitePartitions.SubmitAsync(pagesTable, stale, TableTransactionActionType.Delete, ct).ConfigureAwait(false);
        await sitesTable.UpsertEntityAsync(ToEntity(site), TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    public static TableEntity ToEntity(PageContentResult page, SiteContentResult site) => ToEntity(page, site.RunId, site.RuleSet, site.CheckedAt);

    public static TableEntity ToEntity(PageContentResult page, string runId, string ruleSet, DateTimeOffset checkedAt)
    {
        var rowKey = PageKey.For(page.Url);
        var e = new TableEntity(SitePartitions.For(page.SiteId, rowKey), rowKey)
        {
            ["SiteId"] = page.SiteId,
            ["Url"] = Cap(page.Url, 4000),
            ["RunId"] = runId,
            ["RuleSet"] = ruleSet,
            ["CheckedAt"] = checkedAt,
            ["Title"] = Cap(page.Title, 400),
            ["DeclaredLang"] = Cap(page.DeclaredLang, 100),
            ["DeclaredLangProblem"] = Cap(page.DeclaredLangProblem, 400),
            ["DetectedLang"] = page.DetectedLang,
            ["LangConfidence"] = page.LangConfidence,
            ["LangMethod"] = page.LangMethod,
            ["Words"] = page.Words,
            ["IsHelpPage"] = page.IsHelpPage,
            ["HelpScore"] = page.HelpScore,
            ["HelpReasons"] = Cap(string.Join("; ", page.HelpReasons), 2000),
            ["Lix"] = page.Lix,
            ["RulesMet"] = string.Join(",", page.Rules.Where(r => r.Outcome == RuleOutcome.Met).Select(r => r.RuleId)),
            ["RulesNotMet"] = string.Join(",", page.Rules.Where(r => r.Outcome == RuleOutcome.NotMet).Select(r => r.RuleId)),
            ["RulesJson"] = ContentJson.Rules(page.Rules),
            ["AlternatesJson"] = ContentJson.Serialize(page.Alternates.Take(50).ToList(), 10_000),
            ["LanguageOffersJson"] = ContentJson.Serialize(page.LanguageOffers.Take(40).ToList(), 10_000),
        };
        return e;
    }

    public static TableEntity ToEntity(SiteContentResult site) => new(SitePartition, site.SiteId)
    {
        ["SiteName"] = site.SiteName,
        ["SiteKind"] = site.SiteKind,
        ["RunId"] = site.RunId,
        ["RuleSet"] = site.RuleSet,
        ["CheckedAt"] = site.CheckedAt,
        ["Pages"] = site.Pages,
        ["HelpPages"] = site.HelpPages,
        ["MedianLix"] = site.MedianLix,
        ["MedianLixAllPages"] = site.MedianLixAllPages,
        ["LanguagesOffered"] = string.Join(",", site.LanguagesOffered.Select(l => l.Code)),
        ["LanguagesJson"] = ContentJson.Serialize(site.LanguagesOffered.ToList(), 20_000),
        ["RulesMet"] = string.Join(",", site.Rules.Where(r => r.Outcome == RuleOutcome.Met).Select(r => r.RuleId)),
        ["RulesNotMet"] = string.Join(",", site.Rules.Where(r => r.Outcome == RuleOutcome.NotMet).Select(r => r.RuleId)),
        ["RulesJson"] = ContentJson.Rules(site.Rules),
        ["PageRulesJson"] = ContentJson.Serialize(site.PageRules.ToList(), 10_000),
    };

    private static string? Cap(string? s, int max) => s is null ? null : Text.TextNormalizer.Truncate(s, max);
}
