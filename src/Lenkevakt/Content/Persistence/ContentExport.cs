using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Lenkevakt.Content.Languages;
using Lenkevakt.Storage;

namespace Lenkevakt.Content.Persistence;

/// <summary>
/// Reads stored content results as export rows, for <c>lenkevakt export pages [--site ID] --format json|csv</c> and
/// <c>lenkevakt export sites</c>. Missing tables read as empty.
/// </summary>
public sealed class ContentExport(StorageClients clients)
{
    /// <summary>
    /// The page results of one site (<paramref name="siteId"/>) or of every site, site by site in the order of their ids,
    /// each site's pages in URL order. Sites saved before the page results became blobs are read from the old table.
    /// </summary>
    public async IAsyncEnumerable<PageExportRow> ReadPagesAsync(string? siteId, [EnumeratorCancellation] CancellationToken ct)
    {
        var fromBlobs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in await BlobNamesAsync(siteId, ct).ConfigureAwait(false))
        {
            var site = name[..^PageResultsJson.BlobName("").Length];
            Stream stream;
            try
            {
                stream = await clients.ContentPagesContainer.GetBlobClient(name).OpenReadAsync(cancellationToken: ct).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                continue;
            }

            fromBlobs.Add(site);
            await using (stream.ConfigureAwait(false))
            {
                await foreach (var row in PageResultsJson.ReadAsync(stream, ct).ConfigureAwait(false))
                {
                    yield return row;
                }
            }
        }

        await foreach (var row in ReadLegacyPagesAsync(siteId, ct).ConfigureAwait(false))
        {
            if (!fromBlobs.Contains(row.SiteId))
            {
                yield return row;
            }
        }
    }

    private async Task<List<string>> BlobNamesAsync(string? siteId, CancellationToken ct)
    {
        if (siteId is not null)
        {
            return [PageResultsJson.BlobName(siteId)];
        }

        var names = new List<string>();
        try
        {
            await foreach (var item in clients.ContentPagesContainer.GetBlobsAsync(cancellationToken: ct).ConfigureAwait(false))
            {
                if (item.Name.EndsWith(PageResultsJson.BlobName(""), StringComparison.Ordinal))
                {
                    names.Add(item.Name);
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private async IAsyncEnumerable<PageExportRow> ReadLegacyPagesAsync(string? siteId, [EnumeratorCancellation] CancellationToken ct)
    {
        var table = clients.Table(clients.Names.PagesTable);
        var filter = siteId is null ? null : SitePartitions.Filter(siteId);
        var rows = table.QueryAsync<TableEntity>(filter, cancellationToken: ct).GetAsyncEnumerator(ct);
        try
        {
            while (true)
            {
                TableEntity e;
                try
                {
                    if (!await rows.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }

                    e = rows.Current;
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                    yield break;
                }

                yield return ToPageRow(e);
            }
        }
        finally
        {
            await rows.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async IAsyncEnumerable<SiteExportRow> ReadSitesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var table = clients.Table(clients.Names.SiteContentTable);
        var rows = table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {StorageContentResultStore.SitePartition}"), cancellationToken: ct).GetAsyncEnumerator(ct);
        try
        {
            while (true)
            {
                TableEntity e;
                try
                {
                    if (!await rows.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }

                    e = rows.Current;
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                    yield break;
                }

                yield return ToSiteRow(e);
            }
        }
        finally
        {
            await rows.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>One site's content result of its latest run, or null when there is none.</summary>
    public async Task<SiteExportRow?> ReadSiteAsync(string siteId, CancellationToken ct)
    {
        try
        {
            var e = await clients.Table(clients.Names.SiteContentTable).GetEntityIfExistsAsync<TableEntity>(StorageContentResultStore.SitePartition, siteId, cancellationToken: ct).ConfigureAwait(false);
            return e.HasValue && e.Value is { } row ? ToSiteRow(row) : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public static PageExportRow ToPageRow(TableEntity e) => new()
    {
        SiteId = e.GetString("SiteId") ?? SitePartitions.SiteOf(e.PartitionKey),
        Url = e.GetString("Url") ?? "",
        Title = e.GetString("Title"),
        DeclaredLang = e.GetString("DeclaredLang"),
        DeclaredLangProblem = e.GetString("DeclaredLangProblem"),
        DetectedLang = e.GetString("DetectedLang") ?? LanguageGuess.Undetermined,
        LangConfidence = e.GetDouble("LangConfidence") ?? 0,
        Words = e.GetInt32("Words") ?? 0,
        IsHelpPage = e.GetBoolean("IsHelpPage") ?? false,
        HelpScore = e.GetDouble("HelpScore") ?? 0,
        HelpReasons = (e.GetString("HelpReasons") ?? "").Split("; ", StringSplitOptions.RemoveEmptyEntries),
        Lix = e.GetDouble("Lix"),
        Rules = ContentJson.ReadRules(e.GetString("RulesJson")),
        Alternates = ContentJson.ReadList<AlternateLink>(e.GetString("AlternatesJson")),
        LanguageOffers = ContentJson.ReadList<LanguageOffer>(e.GetString("LanguageOffersJson")),
        RunId = e.GetString("RunId"),
        RuleSet = e.GetString("RuleSet"),
        CheckedAt = e.GetDateTimeOffset("CheckedAt"),
    };

    public static SiteExportRow ToSiteRow(TableEntity e)
    {
        var offered = (e.GetString("LanguagesOffered") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        return new SiteExportRow
        {
            SiteId = e.RowKey,
            SiteName = e.GetString("SiteName"),
            SiteKind = e.GetString("SiteKind"),
            RunId = e.GetString("RunId"),
            RuleSet = e.GetString("RuleSet"),
            CheckedAt = e.GetDateTimeOffset("CheckedAt"),
            Pages = e.GetInt32("Pages") ?? 0,
            HelpPages = e.GetInt32("HelpPages") ?? 0,
            MedianLix = e.GetDouble("MedianLix"),
            MedianLixAllPages = e.GetDouble("MedianLixAllPages"),
            LanguagesOffered = offered,
            PriorityLanguagesMissing = [.. LanguageNames.Priority.Select(l => l.Code).Where(c => !offered.Contains(c))],
            LanguageEvidence = ContentJson.ReadList<LanguageOffer>(e.GetString("LanguagesJson")),
            Rules = ContentJson.ReadRules(e.GetString("RulesJson")),
            PageRules = ContentJson.ReadList<PageRuleSummary>(e.GetString("PageRulesJson")),
        };
    }
}
