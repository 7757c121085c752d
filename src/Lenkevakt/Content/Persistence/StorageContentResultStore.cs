using Azure;
using Azure.Data.Tables;
using Lenkevakt.Content.Rules;
using Lenkevakt.Storage;

namespace Lenkevakt.Content.Persistence;

/// <summary>
/// Writes content results: the site's page results as one gzip blob (<c>{prefix}contentpages/{siteId}.jsonl.gz</c>,
/// <see cref="PageResultsJson"/>), replaced by every run, and the site's row in <c>{prefix}SiteContent</c> (PK
/// <c>site</c>, RK site id). Writing is idempotent. Evidence is shortened as it was in the table rows (the 64 KiB
/// property limit), so an export reads the same either way. Page rows left in the <c>{prefix}Pages</c> table by versions
/// before 2026-12 are removed when their site is saved again; a storage account without that table pays one request
/// per process to find out.
/// </summary>
/// <remarks>
/// One blob instead of a row per page: a national night is about 55 000 pages; as rows that was 37 of the 52 MB the
/// table store held for 60 sites (and the emulator rewrites its whole table database every few seconds), as blobs it
/// is one write per site.
/// </remarks>
public sealed class StorageContentResultStore(StorageClients clients) : IContentResultStore
{
    public const string SitePartition = "site";
    private int containerReady;
    private int tableReady;
    private volatile bool noLegacyTable;

    public async Task SaveAsync(SiteContentResult site, IReadOnlyList<PageContentResult> pages, CancellationToken ct)
    {
        await EnsureAsync(ct).ConfigureAwait(false);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<PageExportRow>(pages.Count);
        foreach (var page in pages)
        {
            if (seen.Add(page.Url))
            {
                rows.Add(ToRow(page, site));
            }
        }

        var blob = clients.ContentPagesContainer.GetBlobClient(PageResultsJson.BlobName(site.SiteId));
        await blob.UploadAsync(PageResultsJson.Write(rows), overwrite: true, ct).ConfigureAwait(false);
        await RemoveLegacyRowsAsync(site.SiteId, ct).ConfigureAwait(false);
        await clients.Table(clients.Names.SiteContentTable).UpsertEntityAsync(ToEntity(site), TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    private async Task EnsureAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref containerReady) == 0)
        {
            await clients.ContentPagesContainer.CreateIfNotExistsAsync(cancellationToken: ct).ConfigureAwait(false);
            Volatile.Write(ref containerReady, 1);
        }

        if (Volatile.Read(ref tableReady) == 0)
        {
            await clients.Table(clients.Names.SiteContentTable).CreateIfNotExistsAsync(ct).ConfigureAwait(false);
            Volatile.Write(ref tableReady, 1);
        }
    }

    private async Task RemoveLegacyRowsAsync(string siteId, CancellationToken ct)
    {
        if (noLegacyTable)
        {
            return;
        }

        var table = clients.Table(clients.Names.PagesTable);
        var stale = new List<TableEntity>();
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(SitePartitions.Filter(siteId), select: ["PartitionKey", "RowKey"], cancellationToken: ct).ConfigureAwait(false))
            {
                stale.Add(row);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            noLegacyTable = true;
            return;
        }

        await SitePartitions.SubmitAsync(table, stale, TableTransactionActionType.Delete, ct).ConfigureAwait(false);
    }

    /// <summary>A page's stored row: the export row, with the lengths the table rows had (the evidence of a page whose rules
    /// would not fit in 30 000 characters is shortened, <see cref="ContentJson.CappedRules"/>).</summary>
    public static PageExportRow ToRow(PageContentResult page, SiteContentResult site) => new()
    {
        SiteId = page.SiteId,
        Url = Cap(page.Url, 4000)!,
        Title = Cap(page.Title, 400),
        DeclaredLang = Cap(page.DeclaredLang, 100),
        DeclaredLangProblem = Cap(page.DeclaredLangProblem, 400),
        DetectedLang = page.DetectedLang,
        LangConfidence = page.LangConfidence,
        Words = page.Words,
        IsHelpPage = page.IsHelpPage,
        HelpScore = page.HelpScore,
        HelpReasons = page.HelpReasons,
        Lix = page.Lix,
        Rules = ContentJson.CappedRules(page.Rules),
        Alternates = [.. page.Alternates.Take(50)],
        LanguageOffers = [.. page.LanguageOffers.Take(40)],
        RunId = site.RunId,
        RuleSet = site.RuleSet,
        CheckedAt = site.CheckedAt,
    };

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
