using Lenkevakt.Checks;
using Microsoft.Extensions.Logging;

namespace Lenkevakt.Crawling;

/// <summary>
/// Replays checkpoints into a crawl: this run's checkpoint when a crawl resumes (fetched URLs, statuses, anchors,
/// spooled links, analysis results, and the frontier they imply), and the last run's checkpoint for conditional GETs.
/// </summary>
internal sealed class CheckpointReplay(CrawlCheckpointStore checkpoints, ILogger logger)
{
    /// <summary>
    /// Loads this site's checkpoint for this run, if any: fetched URLs, statuses, anchors, spooled links and analysis
    /// results are restored, and each fetched URL is kept as a <see cref="ReplayedPage"/>. The frontier is not touched:
    /// the crawl admits level by level as an uninterrupted crawl would, and a replayed URL it admits offers its
    /// recorded links instead of being fetched (<see cref="PageStep"/>), so the continuation crawls the same pages.
    /// </summary>
    public async Task ResumeAsync(SiteCrawlState state, List<ISiteAnalysis> analyses, CancellationToken ct)
    {
        var aliases = new List<PageRecord>();
        var pages = 0;
        await foreach (var record in checkpoints.ReadAsync(state.Site.Id, state.RunId, ct).ConfigureAwait(false))
        {
            pages++;
            state.Fetched.TryAdd(record.Url, 0);
            state.PageStatuses[record.Url] = record.Status;
            string? redirectTarget = null;
            if (record.PageUrl is { } pageUrl && pageUrl != record.Url)
            {
                redirectTarget = pageUrl;
                state.Fetched.TryAdd(pageUrl, 0);
                state.PageStatuses.TryAdd(pageUrl, record.Status.Chain.Count > 0 ? LinkStatus.Ok(record.Status.StatusCode ?? 200, pageUrl) : record.Status);
            }

            if (record.AliasOf is not null)
            {
                aliases.Add(record);
            }

            state.Replayed[record.Url] = new ReplayedPage(record.BaseUrl, record.Links, redirectTarget);
            if (record.Links is null)
            {
                continue;
            }

            await AdoptParsedAsync(state, record, analyses, ct).ConfigureAwait(false);
        }

        foreach (var alias in aliases)
        {
            if (state.Anchors.TryGetValue(alias.AliasOf!, out var anchors))
            {
                state.Anchors[alias.PageUrl ?? alias.Url] = anchors;
            }
        }

        if (pages > 0)
        {
            logger.LogInformation("Resumed {Site} in {Run} from its checkpoint: {Pages} pages already crawled", state.Site.Id, state.RunId, state.PagesCrawled);
        }
    }

    /// <summary>Takes over a parsed page from a record (resume, or 304 Not Modified): anchors, links to the spool, analysis results.</summary>
    public static async Task AdoptParsedAsync(SiteCrawlState state, PageRecord record, List<ISiteAnalysis> analyses, CancellationToken ct)
    {
        var pageUrl = record.PageUrl ?? record.Url;
        if (record.ContentHash is { } contentHash)
        {
            state.ContentHashes.TryAdd(contentHash, pageUrl);
        }

        var anchors = new HashSet<string>(record.Anchors ?? [], StringComparer.Ordinal);
        state.Anchors[record.Url] = anchors;
        state.Anchors[pageUrl] = anchors;
        await state.Spool!.AppendAsync(new SpooledPage(pageUrl, record.Title, record.Links!, record.BaseUrl ?? record.Url), ct).ConfigureAwait(false);
        Interlocked.Increment(ref state.PagesCrawledCount);
        Interlocked.Add(ref state.LinksFoundCount, record.Links!.Count);
        if (record.Truncated)
        {
            state.Add(state.PageTooLargeFinding(pageUrl));
        }

        if (record.TooComplex is { } why)
        {
            state.Add(CrawlLimitFindings.PageTooComplex(pageUrl, why));
        }

        if (record.UndecodableCharset is { } charset)
        {
            state.Add(PageFindings.Undecodable(pageUrl, charset));
        }

        foreach (var analysis in analyses)
        {
            if (record.Analyses?.TryGetValue(analysis.GetType().FullName!, out var analysed) == true)
            {
                analysis.OnResumedPage(pageUrl, analysed);
            }
        }
    }

    /// <summary>The last run's checkpoint of the site, for conditional GETs; null when there is none or storage is away.</summary>
    public async Task<PreviousRun?> LoadPreviousRunAsync(string siteId, string runId, CancellationToken ct)
    {
        try
        {
            var previous = await PreviousRun.LoadAsync(checkpoints, siteId, runId, ct).ConfigureAwait(false);
            if (previous is { Count: > 0 })
            {
                logger.LogDebug("{Site}: {Count} pages from the last run can be fetched conditionally", siteId, previous.Count);
            }

            return previous;
        }
        catch (Azure.RequestFailedException ex)
        {
            logger.LogWarning("{Site}: last run's checkpoint unavailable ({Error}); fetching every page in full", siteId, ex.ErrorCode);
            return null;
        }
    }
}
