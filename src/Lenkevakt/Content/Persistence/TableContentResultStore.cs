using Azure;
using Azure.Data.Tables;
using Lenkevakt.Content.Rules;
using Lenkevakt.Storage;

namespace Lenkevakt.Content.Persistence;

/// <summary>
/// Writes content results to Azure Table Storage: <c>{prefix}Pages</c> (PK site id, RK <see cref="PageKey"/>) and
/// <c>{prefix}SiteContent</c> (PK <c>site</c>, RK site id). Rows are upserted (replace), so re-running is idempotent;
/// page rows of the site left from earlier runs are deleted, so the table holds the latest run only.
/// Rule results are a JSON string column, evidence shortened to fit the 64 KiB property limit.
/// </summary>
public sealed class TableContentResultStore(StorageClients clients) : IContentResultStore
{
    public const string SitePartition = "site";
    private int tablesReady;

    public async Task SaveAsync(SiteContentResult site, IReadOnlyList<PageContentResult> pages, CancellationToken ct)
    {
        var pagesTable = clients.Table(clients.Names.PagesTable);
        var sitesTable = clients.Table(clients.Names.SiteContentTable);
        if (Interlocked.Exchange(ref tablesReady, 1) == 0)
        {
            await pagesTable.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
            await sitesTable.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
        }

        var keep = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<TableTransactionAction>(100);
        foreach (var page in pages)
        {
            var entity = ToEntity(page, site);
            keep.Add(entity.RowKey);
            batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
            if (batch.Count == 100)
            {
                await pagesTable.SubmitTransactionAsync(batch, ct).ConfigureAwait(false);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await pagesTable.SubmitTransactionAsync(batch, ct).ConfigureAwait(false);
            batch.Clear();
        }

        // Remove rows of pages not seen in this run.
        var stale = new List<TableTransactionAction>();
        await foreach (var row in pagesTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {site.SiteId}"), select: ["PartitionKey", "RowKey"], cancellationToken: ct).ConfigureAwait(false))
        {
            if (!keep.Contains(row.RowKey))
            {
                stale.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
            }
        }

        foreach (var chunk in stale.Chunk(100))
        {
            await pagesTable.SubmitTransactionAsync(chunk, ct).ConfigureAwait(false);
        }

        await sitesTable.UpsertEntityAsync(ToEntity(site), TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    public static TableEntity ToEntity(PageContentResult page, SiteContentResult site)
    {
        var e = new TableEntity(page.SiteId, PageKey.For(page.Url))
        {
            ["Url"] = Cap(page.Url, 4000),
            ["RunId"] = site.RunId,
            ["RuleSet"] = site.RuleSet,
            ["CheckedAt"] = site.CheckedAt,
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
