using System.Diagnostics;
using Lenkevakt.Checks;
using Lenkevakt.Sites;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Crawling;

/// <summary>
/// Crawls one site and checks every link on it. The parts, each in <c>Crawling/SiteCrawl/</c>:
/// <list type="bullet">
/// <item><see cref="CheckpointReplay"/>: resume from this run's checkpoint; the last run's records for conditional GETs.</item>
/// <item>Seeding: the start URLs, <see cref="SitemapSeeder"/>; <see cref="NotFoundProbe"/> fingerprints the site's soft 404.</item>
/// <item><see cref="CrawlFrontier"/>: what is fetched, level by level in a stable order, within the page budget; each level worked by <see cref="CrawlOptions.HostConcurrency"/> workers.</item>
/// <item><see cref="PageStep"/>: one URL fetched, parsed, analysed and recorded; <see cref="LinkFollower"/> feeds its links to the frontier or starts their checks.</item>
/// <item><see cref="CheckpointFlusher"/>: every fetched URL is checkpointed every few seconds.</item>
/// <item><see cref="LinkEvaluation"/> (phase 2): the spooled links judged against their targets' statuses and anchors.</item>
/// </list>
/// A crawl of the same site and run that starts again (a continuation after the time budget, or a redelivery after a
/// crash) resumes from the checkpoint: the same levels are admitted again, and fetched pages offer their recorded links
/// instead of being fetched again, so the pages crawled are those of an uninterrupted crawl.
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
    private readonly ILinkPriority linkPriority;
    private readonly RobotsCache robots;
    private readonly SiteAdmission admission;
    private readonly TransientRecheck recheck;
    private readonly LinkChecker linkChecker;

    public SiteCrawler(
        PageFetcher fetcher,
        LinkChecker linkChecker,
        RobotsCache robots,
        IEnumerable<ISiteAnalyzer> analyzers,
        CrawlCheckpointStore checkpoints,
        ILinkPriority linkPriority,
        SiteAdmission admission,
        ParseGate parsing,
        IOptions<CrawlOptions> options,
        TimeProvider time,
        ILogger<SiteCrawler> logger)
    {
        this.analyzers = analyzers;
        this.linkChecker = linkChecker;
        this.linkPriority = linkPriority;
        this.robots = robots;
        this.admission = admission;
        this.time = time;
        this.logger = logger;
        o = options.Value;
        replay = new CheckpointReplay(checkpoints, logger);
        flusher = new CheckpointFlusher(checkpoints, time, o.CheckpointInterval, logger);
        follower = new LinkFollower(linkChecker);
        recheck = TransientRecheck.From(o, time);
        pageStep = new PageStep(fetcher, linkChecker, robots, follower, parsing, recheck, logger);
        sitemaps = new SitemapSeeder(robots, fetcher);
        notFound = new NotFoundProbe(fetcher, logger);
        evaluation = new LinkEvaluation(linkChecker, new HttpsTwinProbe(linkChecker), o.CheckExternalFragments ? new ExternalAnchors(fetcher, HtmlLimits.From(o, time)) : null, o.RedirectChainThreshold);
    }

    /// <param name="deadline">Stop crawling new pages at this time, checkpoint, and return <c>Completed = false</c>.</param>
    public async Task<SiteCrawlResult> CrawlAsync(SiteDefinition site, string runId, IProgress<SiteProgress>? progress, CancellationToken ct, DateTimeOffset? deadline = null)
    {
        // The engine's site budget: this crawl starts when the process has room for another site (SiteAdmission).
        using var admitted = await admission.EnterAsync(ct).ConfigureAwait(false);
        var watch = Stopwatch.StartNew();
        var traps = new TrapDetector();
        var frontier = new CrawlFrontier(site.Scope.MaxPages, linkPriority.Score, traps.IsTrap);
        var state = new SiteCrawlState(site, new UrlScope(site, o.Exclude), AddressPolicy.ForSite(site, o), runId, progress, frontier)
        {
            DeferTransientPages = o.TransientRechecks > 0,
            Slot = admitted,
            CheckResources = o.CheckResources,
            Deadline = deadline,
            MaxPageBytes = o.MaxPageBytes,
            HtmlLimits = HtmlLimits.From(o, time),
            Traps = traps,
        };
        // The run's cached results on this site's hosts are dropped when its crawl ends (LinkChecker.EnterSite).
        using var ownHosts = linkChecker.EnterSite(state.Scope.InternalHosts);
        var analyses = analyzers.Select(a => a.Begin(site, runId)).ToList();
        await using var spool = new LinkSpool(Path.Combine(Path.GetTempPath(), "lenkevakt", "spool"));
        state.Spool = spool;

        await replay.ResumeAsync(state, analyses, ct).ConfigureAwait(false);
        using var previous = await replay.LoadPreviousRunAsync(site.Id, runId, ct).ConfigureAwait(false);
        state.Previous = previous;
        frontier.AddStart(site.StartUrls);
        state.NotFound = await notFound.ProbeAsync(state, site.StartUrls[0], ct).ConfigureAwait(false);
        await sitemaps.SeedAsync(state, site.StartUrls[0], ct).ConfigureAwait(false);

        using var flushCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var flushing = flusher.FlushPeriodicallyAsync(state, flushCts.Token);
        try
        {
            // Level by level: a level is admitted only when every page of the one before is done (see CrawlFrontier).
            // Pages that failed transiently are re-checked in the background meanwhile and processed after the pass;
            // the links of one that healed open further levels.
            while (!state.StoppedEarly)
            {
                while (!state.StoppedEarly && frontier.TryAdmitNext(out var depth, out var batch, out var rejected))
                {
                    follower.CheckRejected(state, rejected, ct);
                    await FetchLevelAsync(state, depth, batch, analyses, ct).ConfigureAwait(false);
                }

                if (state.StoppedEarly || state.TransientPages.IsEmpty)
                {
                    break;
                }

                await ProcessTransientPagesAsync(state, analyses, ct).ConfigureAwait(false);
            }
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

        await AddCrawlLimitFindingsAsync(state, ct).ConfigureAwait(false);
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
        return new SiteCrawlResult(stats, findings) { CrawlOrder = frontier.Order };
    }

    /// <summary>Site findings for the bounds applied: a crawl-delay above the cap, crawler traps not followed.</summary>
    private async Task AddCrawlLimitFindingsAsync(SiteCrawlState state, CancellationToken ct)
    {
        var start = state.Site.StartUrls[0];
        var root = start.GetLeftPart(UriPartial.Authority) + "/";
        var startRobots = await robots.GetAsync(state.RunId, start, state.AllowPrivate, ct).ConfigureAwait(false);
        if (startRobots.CrawlDelay is { } asked && asked > o.MaxCrawlDelay)
        {
            state.Add(CrawlLimitFindings.CrawlDelayCapped(root, asked, o.MaxCrawlDelay));
        }

        if (startRobots.Unreachable is { StatusCode: not null } cause)
        {
            // The server answers, but robots.txt fails (5xx, 429): nothing was crawled, and the editors should know why.
            state.Add(CrawlLimitFindings.RobotsUnreachable(root, cause));
        }

        foreach (var trap in state.Traps.Found)
        {
            state.Add(CrawlLimitFindings.CrawlerTrap(root, trap));
        }
    }

    /// <summary>
    /// The pages set aside after a transient failure (timeout, connection error, 5xx, 429): once their background
    /// re-checks (<see cref="TransientRecheck"/>, started when each failed) are done, they are processed level by level in
    /// URL order with the outcome: a page that healed is parsed and its links followed, one that still fails is recorded.
    /// </summary>
    private async Task ProcessTransientPagesAsync(SiteCrawlState state, List<ISiteAnalysis> analyses, CancellationToken ct)
    {
        var pages = new List<(Uri Uri, int Depth)>();
        while (state.TransientPages.TryDequeue(out var page))
        {
            pages.Add(page);
        }

        // Wait for the outcomes first, so no page holds a fetch slot (ParseGate) while its back-off runs.
        // Meanwhile the crawl only waits: its engine slot is free for another site.
        var outcomes = Task.WhenAll(pages.Select(p => state.PageProbes.TryGetValue(LinkTarget.WithoutFragment(p.Uri), out var probe) ? (Task)probe : Task.CompletedTask));
        await state.Slot!.AsideWhileAsync(outcomes, ct).ConfigureAwait(false);
        state.DeferTransientPages = false;
        try
        {
            foreach (var level in pages.GroupBy(p => p.Depth).OrderBy(g => g.Key))
            {
                var batch = level.Select(p => p.Uri).OrderBy(u => u.AbsoluteUri, StringComparer.Ordinal).ToList();
                await FetchLevelAsync(state, level.Key, batch, analyses, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            state.DeferTransientPages = o.TransientRechecks > 0;
        }
    }

    /// <summary>The pages of one level, taken in admission order by <see cref="CrawlOptions.HostConcurrency"/> workers.</summary>
    private async Task FetchLevelAsync(SiteCrawlState state, int depth, IReadOnlyList<Uri> batch, List<ISiteAnalysis> analyses, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var turnstile = new RankTurnstile(batch.Count);
        var next = -1;
        async Task WorkAsync()
        {
            for (var rank = Interlocked.Increment(ref next); rank < batch.Count; rank = Interlocked.Increment(ref next))
            {
                var uri = batch[rank];
                try
                {
                    if (state.Deadline is { } deadline && time.GetUtcNow() >= deadline && state.PagesThisTime > 0 && !state.Fetched.ContainsKey(LinkTarget.WithoutFragment(uri)))
                    {
                        // Out of time: the continuation admits the same levels again and fetches what is left
                        // (pages fetched before a resume cost nothing and are still replayed, so each session gets further).
                        state.StoppedEarly = true;
                        continue;
                    }

                    await pageStep.ProcessAsync(state, uri, depth, analyses, new PageTurn(turnstile, rank), ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // One bad page must not end the site's crawl; it is reported and the crawl goes on.
                    logger.LogWarning(ex, "Page {Url} could not be processed", uri);
                    Interlocked.Increment(ref state.PagesFailedCount);
                }
                finally
                {
                    turnstile.Pass(rank);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Min(o.HostConcurrency, batch.Count)).Select(_ => Task.Run(WorkAsync, ct))).ConfigureAwait(false);
    }
}
