using System.Diagnostics;
using Lenkevakt.Checks;
using Lenkevakt.Pipeline;
using Lenkevakt.Sites;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Crawling;

/// <summary>
/// Crawls one site and checks every link on it. The parts, each in <c>Crawling/SiteCrawl/</c>:
/// <list type="bullet">
/// <item><see cref="CheckpointReplay"/>: resume from this run's checkpoint; the last run's records for conditional GETs.</item>
/// <item>Seeding: the start URLs, <see cref="SitemapSeeder"/>; <see cref="NotFoundProbe"/> fingerprints the site's soft 404.</item>
/// <item><see cref="CrawlFrontier"/>: what is fetched next and the page budget, worked by <see cref="CrawlOptions.HostConcurrency"/> workers.</item>
/// <item><see cref="PageStep"/>: one URL fetched, parsed, analysed and recorded; <see cref="LinkFollower"/> feeds its links to the frontier or starts their checks.</item>
/// <item><see cref="CheckpointFlusher"/>: every fetched URL is checkpointed every few seconds.</item>
/// <item><see cref="LinkEvaluation"/> (phase 2): the spooled links judged against their targets' statuses and anchors.</item>
/// </list>
/// A crawl of the same site and run that starts again (a continuation after the time budget, or a redelivery after a
/// crash) resumes from the checkpoint: fetched pages are not fetched again and the frontier is rebuilt from their links.
/// </summary>
public sealed class SiteCrawler
{
    private readonly IEnumerable<ISiteAnalyzer> analyzers;
    private readonly CrawlOptions o;
    private readonly ILogger<SiteCrawler> logger;
    private readonly CheckpointReplay replay;
    private readonly CheckpointFlusher flusher;
    private readonly LinkFollower follower;
    private readonly PageStep pageStep;
    private readonly SitemapSeeder sitemaps;
    private readonly NotFoundProbe notFound;
    private readonly LinkEvaluation evaluation;
    private readonly TimeProvider time;

    public SiteCrawler(
        PageFetcher fetcher,
        LinkChecker linkChecker,
        RobotsCache robots,
        IEnumerable<ISiteAnalyzer> analyzers,
        CrawlCheckpointStore checkpoints,
        IOptions<CrawlOptions> options,
        TimeProvider time,
        ILogger<SiteCrawler> logger)
    {
        this.analyzers = analyzers;
        this.time = time;
        this.logger = logger;
        o = options.Value;
        replay = new CheckpointReplay(checkpoints, logger);
        flusher = new CheckpointFlusher(checkpoints, time, o.CheckpointInterval, logger);
        follower = new LinkFollower(linkChecker);
        pageStep = new PageStep(fetcher, linkChecker, robots, follower, logger);
        sitemaps = new SitemapSeeder(robots, fetcher);
        notFound = new NotFoundProbe(fetcher, logger);
        evaluation = new LinkEvaluation(linkChecker, new HttpsTwinProbe(linkChecker), o.RedirectChainThreshold);
    }

    /// <param name="deadline">Stop crawling new pages at this time, checkpoint, and return <c>Completed = false</c>.</param>
    public async Task<SiteCrawlResult> CrawlAsync(SiteDefinition site, string runId, IProgress<SiteProgress>? progress, CancellationToken ct, DateTimeOffset? deadline = null)
    {
        var watch = Stopwatch.StartNew();
        var frontier = new CrawlFrontier(site.Scope.MaxPages);
        var state = new SiteCrawlState(site, new UrlScope(site, o.Exclude), site.Scope.AllowPrivateNetworks || o.AllowPrivateNetworks, runId, progress, frontier)
        {
            Deadline = deadline,
            MaxPageBytes = o.MaxPageBytes,
        };
        var analyses = analyzers.Select(a => a.Begin(site, runId)).ToList();
        await using var spool = new LinkSpool(Path.Combine(Path.GetTempPath(), "lenkevakt", "spool"));
        state.Spool = spool;

        await replay.ResumeAsync(state, analyses, follower, ct).ConfigureAwait(false);
        using var previous = await replay.LoadPreviousRunAsync(site.Id, runId, ct).ConfigureAwait(false);
        state.Previous = previous;
        foreach (var start in site.StartUrls)
        {
            frontier.TryEnqueue(start, 0);
        }

        state.NotFound = await notFound.ProbeAsync(state, site.StartUrls[0], ct).ConfigureAwait(false);
        await sitemaps.SeedAsync(state, site.StartUrls[0], ct).ConfigureAwait(false);
        frontier.CompleteIfEmpty();

        using var flushCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var flushing = flusher.FlushPeriodicallyAsync(state, flushCts.Token);
        var workers = Enumerable.Range(0, o.HostConcurrency).Select(_ => Task.Run(() => WorkAsync(state, analyses, ct), ct)).ToArray();
        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        finally
        {
            await flushCts.CancelAsync().ConfigureAwait(false);
            await flushing.ConfigureAwait(false);
        }

        await flusher.FlushAsync(state, ct).ConfigureAwait(false);
        if (state.StoppedEarly)
        {
            logger.LogInformation("Time budget reached for {Site} after {Pages} pages; checkpointed for a continuation", site.Id, state.PagesCrawled);
            return new SiteCrawlResult(new CrawlStats { PagesCrawled = state.PagesCrawled, LinksFound = state.LinksFound, Truncated = "time budget" }, [], Completed: false);
        }

        progress?.Report(new SiteProgress(site.Id, "checking", state.PagesCrawled, state.LinksFound, state.Findings.Count));
        var evaluating = Stopwatch.StartNew();
        await evaluation.EvaluateAsync(state, spool, ct).ConfigureAwait(false);
        logger.LogDebug("{Site}: {Links} link occurrences evaluated in {Seconds:0.0}s", site.Id, state.LinksFound, evaluating.Elapsed.TotalSeconds);
        foreach (var analysis in analyses)
        {
            foreach (var f in await analysis.CompleteAsync(ct).ConfigureAwait(false))
            {
                state.Add(f);
            }
        }

        var reachable = state.PagesCrawled > 0;
        if (!reachable)
        {
            state.Add(LinkEvaluation.SiteUnreachable(state));
        }

        var findings = state.Findings.Values.OrderBy(f => f.PageUrl, StringComparer.Ordinal).ThenBy(f => f.Kind, StringComparer.Ordinal).ThenBy(f => f.Target, StringComparer.Ordinal).ToList();
        var stats = new CrawlStats
        {
            PagesCrawled = state.PagesCrawled,
            PagesFailed = state.PagesFailed,
            LinksFound = state.LinksFound,
            LinksChecked = state.LinksChecked,
            Findings = findings.Count,
            DurationSeconds = Math.Round(watch.Elapsed.TotalSeconds, 2),
            Reachable = reachable,
            Truncated = frontier.LimitHit,
        };
        progress?.Report(new SiteProgress(site.Id, "done", stats.PagesCrawled, stats.LinksFound, stats.Findings));
        logger.LogInformation("Crawled {Site}: {Pages} pages, {Links} links, {Findings} findings in {Seconds}s", site.Id, stats.PagesCrawled, stats.LinksFound, stats.Findings, stats.DurationSeconds);
        return new SiteCrawlResult(stats, findings);
    }

    private async Task WorkAsync(SiteCrawlState state, List<ISiteAnalysis> analyses, CancellationToken ct)
    {
        await foreach (var (uri, depth) in state.Frontier.ReadAllAsync(ct).ConfigureAwait(false))
        {
            try
            {
                if (state.Deadline is { } deadline && time.GetUtcNow() >= deadline && state.PagesThisTime > 0)
                {
                    // Out of time: leave the rest of the frontier to the continuation (it is rebuilt from the checkpoint).
                    state.StoppedEarly = true;
                    continue;
                }

                await pageStep.ProcessAsync(state, uri, depth, analyses, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // One bad page must not end the site's crawl; it is reported and the crawl goes on.
                logger.LogWarning(ex, "Page {Url} could not be processed", uri);
                Interlocked.Increment(ref state.PagesFailedCount);
            }
            finally
            {
                state.Frontier.Done();
            }
        }
    }
}
