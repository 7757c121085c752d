using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Lenkevakt.Checks;
using Lenkevakt.Findings;
using Lenkevakt.Pipeline;
using Lenkevakt.Sites;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Crawling;

/// <summary>The findings and counters of one site's crawl. <see cref="Completed"/> is false when the time budget ran out first.</summary>
public sealed record SiteCrawlResult(CrawlStats Stats, IReadOnlyList<Finding> Findings, bool Completed = true);

/// <summary>
/// Crawls one site and checks every link on it.
/// Phase 1 (crawl): a breadth-first frontier within the site's scope and limits, robots.txt respected, pages parsed
/// with AngleSharp; links to targets that are not crawled (external, out of scope, over the limits) start their
/// checks at once so checking overlaps crawling; link occurrences go to a disk spool.
/// Phase 2 (evaluate): the spool is read back and every occurrence judged against its target's status and, for
/// #fragments, the target page's anchors.
/// Every fetched URL is checkpointed (<see cref="CrawlCheckpointStore"/>) every few seconds; a crawl of the same
/// site and run that starts again (a continuation after the time budget, or a redelivery after a crash) resumes
/// from the checkpoint: fetched pages are not fetched again and the frontier is rebuilt from their links.
/// </summary>
public sealed class SiteCrawler(
    PageFetcher fetcher,
    LinkChecker linkChecker,
    RobotsCache robots,
    IEnumerable<ISiteAnalyzer> analyzers,
    CrawlCheckpointStore checkpoints,
    IOptions<CrawlOptions> options,
    TimeProvider time,
    ILogger<SiteCrawler> logger)
{
    private readonly CrawlOptions o = options.Value;

    /// <param name="deadline">Stop crawling new pages at this time, checkpoint, and return <c>Completed = false</c>.</param>
    public async Task<SiteCrawlResult> CrawlAsync(SiteDefinition site, string runId, IProgress<SiteProgress>? progress, CancellationToken ct, DateTimeOffset? deadline = null)
    {
        var watch = Stopwatch.StartNew();
        var state = new CrawlState(site, new UrlScope(site, o.Exclude), site.Scope.AllowPrivateNetworks || o.AllowPrivateNetworks, runId, progress) { Deadline = deadline, MaxPageBytes = o.MaxPageBytes };
        var analyses = analyzers.Select(a => a.Begin(site, runId)).ToList();
        await using var spool = new LinkSpool(Path.Combine(Path.GetTempPath(), "lenkevakt", "spool"));
        state.Spool = spool;

        await ResumeAsync(state, analyses, ct).ConfigureAwait(false);
        using var previous = await LoadPreviousRunAsync(site, runId, ct).ConfigureAwait(false);
        state.Previous = previous;
        foreach (var start in site.StartUrls)
        {
            state.TryEnqueue(start, 0);
        }

        state.NotFound = await ProbeNotFoundPageAsync(state, site.StartUrls[0], ct).ConfigureAwait(false);
        await SeedFromSitemapsAsync(state, site.StartUrls[0], ct).ConfigureAwait(false);

        if (state.Pending == 0)
        {
            state.Frontier.Writer.TryComplete();
        }

        using var flushCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var flusher = FlushPeriodicallyAsync(state, flushCts.Token);
        var workers = Enumerable.Range(0, o.HostConcurrency).Select(_ => Task.Run(() => WorkAsync(state, analyses, ct), ct)).ToArray();
        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        finally
        {
            await flushCts.CancelAsync().ConfigureAwait(false);
            await flusher.ConfigureAwait(false);
        }

        await FlushAsync(state, ct).ConfigureAwait(false);
        if (state.StoppedEarly)
        {
            logger.LogInformation("Time budget reached for {Site} after {Pages} pages; checkpointed for a continuation", site.Id, state.PagesCrawled);
            return new SiteCrawlResult(new CrawlStats { PagesCrawled = state.PagesCrawled, LinksFound = state.LinksFound, Truncated = "time budget" }, [], Completed: false);
        }

        progress?.Report(new SiteProgress(site.Id, "checking", state.PagesCrawled, state.LinksFound, state.Findings.Count));
        var evaluating = Stopwatch.StartNew();
        await EvaluateAsync(state, spool, ct).ConfigureAwait(false);
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
            var start = site.StartUrls[0];
            var status = state.PageStatuses.GetValueOrDefault(LinkTarget.WithoutFragment(start));
            state.Add(new Finding
            {
                Kind = FindingKind.SiteUnreachable.Name,
                Severity = FindingKind.SiteUnreachable.Severity,
                PageUrl = start.AbsoluteUri,
                StatusCode = status?.StatusCode,
                Status = status?.ToString() ?? "not fetched",
                Message = $"Nettstedet {site.Name} kunne ikke sjekkes: startsiden {start} " + (status switch
                {
                    { State: LinkState.Broken } s => $"svarer med feil ({s.StatusCode}).",
                    { State: LinkState.Error, Error: LinkErrorKind.Dns } => "har et domenenavn som ikke finnes (DNS).",
                    { State: LinkState.Error } => "svarer ikke (tilkoblingen feilet).",
                    { State: LinkState.Timeout } => "svarte ikke i tide.",
                    { State: LinkState.RedirectLoop } => "sender besøkende i en evig omdirigering.",
                    { State: LinkState.Blocked } => "har en privat eller intern adresse som ikke skal sjekkes.",
                    { State: LinkState.Excluded } => "er stengt for roboter (robots.txt) eller utelatt i oppsettet.",
                    _ => "er ikke en HTML-side.",
                }),
                Evidence = status?.Detail,
            });
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
            Truncated = state.LimitHit,
        };
        progress?.Report(new SiteProgress(site.Id, "done", stats.PagesCrawled, stats.LinksFound, stats.Findings));
        logger.LogInformation("Crawled {Site}: {Pages} pages, {Links} links, {Findings} findings in {Seconds}s", site.Id, stats.PagesCrawled, stats.LinksFound, stats.Findings, stats.DurationSeconds);
        return new SiteCrawlResult(stats, findings);
    }

    /// <summary>Site findings for the bounds applied: a crawl-delay above the cap, crawler traps not followed.</summary>
    private async Task AddCrawlLimitFindingsAsync(CrawlState state, CancellationToken ct)
    {
        var start = state.Site.StartUrls[0];
        var root = start.GetLeftPart(UriPartial.Authority) + "/";
        var startRobots = await robots.GetAsync(state.RunId, start, state.AllowPrivate, ct).ConfigureAwait(false);
        if (startRobots.CrawlDelay is { } asked && asked > o.MaxCrawlDelay)
        {
            state.Add(CrawlLimitFindings.CrawlDelayCapped(root, asked, o.MaxCrawlDelay));
        }

        foreach (var trap in state.Traps.Found)
        {
            state.Add(CrawlLimitFindings.CrawlerTrap(root, trap));
        }
    }

    private async Task WorkAsync(CrawlState state, List<ISiteAnalysis> analyses, CancellationToken ct)
    {
        await foreach (var (uri, depth) in state.Frontier.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            try
            {
                if (state.Deadline is { } deadline && time.GetUtcNow() >= deadline && state.PagesThisTime > 0)
                {
                    // Out of time: leave the rest of the frontier to the continuation (it is rebuilt from the checkpoint).
                    state.StoppedEarly = true;
                    continue;
                }

                await ProcessPageAsync(state, uri, depth, analyses, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // One bad page must not end the site's crawl; it is reported and the crawl goes on.
                logger.LogWarning(ex, "Page {Url} could not be processed", uri);
                Interlocked.Increment(ref state.PagesFailedCount);
            }
            finally
            {
                if (Interlocked.Decrement(ref state.PendingCount) == 0)
                {
                    state.Frontier.Writer.TryComplete();
                }
            }
        }
    }

    private async Task ProcessPageAsync(CrawlState state, Uri uri, int depth, List<ISiteAnalysis> analyses, CancellationToken ct)
    {
        var key = LinkTarget.WithoutFragment(uri);
        if (!state.Fetched.TryAdd(key, 0))
        {
            return; // Already fetched, as the end of another URL's redirect.
        }

        var robotsTxt = await robots.GetAsync(state.RunId, uri, state.AllowPrivate, ct).ConfigureAwait(false);
        if (!robotsTxt.IsAllowed(uri.PathAndQuery))
        {
            state.PageStatuses[key] = LinkStatus.Excluded("robots.txt");
            state.Record(new PageRecord { Url = key, Depth = depth, Status = state.PageStatuses[key] });
            return;
        }

        var fetch = await fetcher.GetPageAsync(uri, state.AllowPrivate, ct, k => state.PageStatuses.GetValueOrDefault(k), state.Previous?.Validators(key)).ConfigureAwait(false);
        Interlocked.Increment(ref state.PagesThisTimeCount);
        if (fetch.NotModified)
        {
            if (await state.Previous!.ReadAsync(key, ct).ConfigureAwait(false) is { } unchanged)
            {
                // 304: the page is as it was last run; its links, anchors and analysis results are reused.
                var record = unchanged with { Depth = depth, Status = fetch.Status };
                state.PageStatuses[key] = fetch.Status;
                await AdoptParsedAsync(state, record, analyses, ct).ConfigureAwait(false);
                FollowLinks(state, new Uri(record.BaseUrl ?? record.Url), record.Links!, depth, ct);
                state.Record(record);
                Interlocked.Increment(ref state.NotModifiedCount);
                state.ReportProgress();
                return;
            }

            fetch = await fetcher.GetPageAsync(uri, state.AllowPrivate, ct, k => state.PageStatuses.GetValueOrDefault(k)).ConfigureAwait(false);
        }

        state.PageStatuses[key] = fetch.Status;
        linkChecker.Remember(state.RunId, key, state.AllowPrivate, fetch.Status);
        var pageKey = key;
        if (fetch.Status.Chain.Count > 0 && fetch.Status.IsSuccess)
        {
            // Redirected: the final page is crawled under its own URL, once.
            pageKey = LinkTarget.WithoutFragment(fetch.FinalUri);
            if (!state.Scope.IsCrawlable(fetch.FinalUri) || (!state.Claimed.ContainsKey(pageKey) && !state.TryClaim(pageKey, depth)) || !state.Fetched.TryAdd(pageKey, 0))
            {
                state.Record(new PageRecord { Url = key, Depth = depth, Status = fetch.Status });
                return;
            }

            state.PageStatuses[pageKey] = LinkStatus.Ok(fetch.Status.StatusCode ?? 200, pageKey);
        }

        if (!fetch.Status.IsSuccess || fetch.Body is null || !fetch.IsHtml)
        {
            if (!fetch.Status.IsSuccess)
            {
                Interlocked.Increment(ref state.PagesFailedCount);
            }

            state.Record(new PageRecord { Url = key, Depth = depth, Status = fetch.Status, PageUrl = pageKey });
            return;
        }

        // The same bytes under another URL (/ and /index.html, ?utm variants): an alias, checked once.
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(fetch.Body));
        var canonical = state.ContentHashes.GetOrAdd(hash, pageKey);
        if (!ReferenceEquals(canonical, pageKey) && canonical != pageKey)
        {
            if (state.Anchors.TryGetValue(canonical, out var aliasAnchors))
            {
                state.Anchors[pageKey] = aliasAnchors;
            }

            state.Record(new PageRecord { Url = key, Depth = depth, Status = fetch.Status, PageUrl = pageKey, AliasOf = canonical });
            return;
        }

        var (html, _) = HtmlDecoding.Decode(fetch.Body, fetch.Charset);
        var page = PageParser.Parse(html, fetch.FinalUri, HtmlLimits.From(o, time));
        if (state.NotFound is { } startLooksMissing && startLooksMissing.Matches(page, html) && depth == 0)
        {
            // The start page looks like the "not found" page (one title for every page): the fingerprint is useless here.
            logger.LogInformation("{Site}: missing pages look like the start page; soft-404 detection is off for this site", state.Site.Id);
            state.NotFound = null;
        }
        else if (state.NotFound is { } fingerprint && fingerprint.Matches(page, html))
        {
            var soft = new LinkStatus { State = LinkState.Soft404, StatusCode = fetch.Status.StatusCode, FinalUrl = pageKey, Chain = fetch.Status.Chain, Detail = $"same page as {fingerprint.ProbeUrl}" };
            state.PageStatuses[key] = soft;
            state.PageStatuses[pageKey] = soft;
            state.Record(new PageRecord { Url = key, Depth = depth, Status = soft, PageUrl = pageKey });
            return;
        }

        Interlocked.Increment(ref state.PagesCrawledCount);
        state.Anchors[pageKey] = page.Anchors;
        if (!ReferenceEquals(pageKey, key))
        {
            state.Anchors[key] = page.Anchors;
        }

        if (fetch.Truncated)
        {
            state.Add(state.PageTooLargeFinding(pageKey));
        }

        if (page.TooComplex is { } why)
        {
            state.Add(CrawlLimitFindings.PageTooComplex(pageKey, why));
        }

        Dictionary<string, string>? analysed = null;
        foreach (var analysis in analyses)
        {
            if (analysis.OnPage(fetch.FinalUri, page, fetch) is { } result)
            {
                (analysed ??= new(StringComparer.Ordinal))[analysis.GetType().FullName!] = result;
            }
        }

        FollowLinks(state, page.BaseUri, page.Links, depth, ct);

        Interlocked.Add(ref state.LinksFoundCount, page.Links.Count);
        await state.Spool!.AppendAsync(new SpooledPage(pageKey, page.Title, page.Links, page.BaseUri.AbsoluteUri), ct).ConfigureAwait(false);
        state.Record(new PageRecord
        {
            Url = key, Depth = depth, Status = fetch.Status, PageUrl = pageKey, Title = page.Title, BaseUrl = page.BaseUri.AbsoluteUri,
            Anchors = page.Anchors.ToList(), Links = page.Links, Truncated = fetch.Truncated, TooComplex = page.TooComplex, ContentHash = hash, Analyses = analysed,
            ETag = fetch.ETag, LastModified = fetch.LastModified,
        });
        state.ReportProgress();
    }

    /// <summary>
    /// Queues a page's crawlable links and starts the checks of the others at once, overlapping the crawl.
    /// A focused crawl: the page budget is claimed when a link is queued, so links are queued in order of how
    /// likely they lead to help pages (<see cref="Content.Help.HelpPageSignals.ScoreLink"/>: link text and URL).
    /// While the budget left covers every link on the page the order cannot change what is crawled, so links are not scored.
    /// </summary>
    private void FollowLinks(CrawlState state, Uri baseUri, IReadOnlyList<RawLink> links, int depth, CancellationToken ct)
    {
        var ordered = links.Count > 1 && state.BudgetLeft < links.Count
            ? links.Select((l, i) => (Link: l, Score: Content.Help.HelpPageSignals.ScoreLink(l.Href, l.Text), Index: i)).OrderByDescending(x => x.Score).ThenBy(x => x.Index).Select(x => x.Link)
            : links;
        foreach (var link in ordered)
        {
            var target = state.Resolve(baseUri, link.Href);
            if (target.Kind != LinkTargetKind.Http || state.Claimed.ContainsKey(target.Target) || state.Followed.ContainsKey(target.Target))
            {
                // Not a web link, already queued, or its check already started from an earlier link: nothing new.
                continue;
            }

            if (state.Scope.IsExcluded(target.Target))
            {
                state.Followed.TryAdd(target.Target, 0);
                continue;
            }

            var targetUri = new Uri(target.Target);
            var crawlable = state.Scope.IsCrawlable(targetUri) && !state.Traps.IsTrap(targetUri);
            if (crawlable && depth < state.Site.Scope.MaxDepth && state.TryEnqueue(targetUri, depth + 1))
            {
                continue;
            }

            if (!state.Claimed.ContainsKey(target.Target))
            {
                // Not crawled (external, out of scope, or over the limits): start its check now. Only a page over the
                // depth limit may still be queued from a shallower page later, so only then is it looked at again.
                if (!crawlable || depth < state.Site.Scope.MaxDepth)
                {
                    state.Followed.TryAdd(target.Target, 0);
                }

                _ = linkChecker.CheckAsync(state.RunId, target.Target, state.AllowPrivate, ct, external: !state.Scope.IsInternal(targetUri));
            }
        }
    }


    /// <summary>Loads this site's checkpoint for this run, if any: fetched URLs, statuses, anchors, spooled links, and the frontier they imply.</summary>
    private async Task ResumeAsync(CrawlState state, List<ISiteAnalysis> analyses, CancellationToken ct)
    {
        var parsed = new List<PageRecord>();
        var aliases = new List<PageRecord>();
        await foreach (var record in checkpoints.ReadAsync(state.Site.Id, state.RunId, ct).ConfigureAwait(false))
        {
            state.TryClaim(record.Url, record.Depth);
            state.Fetched.TryAdd(record.Url, 0);
            state.PageStatuses[record.Url] = record.Status;
            if (record.PageUrl is { } pageUrl && pageUrl != record.Url)
            {
                state.TryClaim(pageUrl, record.Depth);
                state.Fetched.TryAdd(pageUrl, 0);
                state.PageStatuses.TryAdd(pageUrl, record.Status.Chain.Count > 0 ? LinkStatus.Ok(record.Status.StatusCode ?? 200, pageUrl) : record.Status);
            }

            if (record.AliasOf is not null)
            {
                aliases.Add(record);
            }

            if (record.Links is null)
            {
                continue;
            }

            await AdoptParsedAsync(state, record, analyses, ct).ConfigureAwait(false);
            parsed.Add(record with { Anchors = null, Title = null, Analyses = null });
        }

        foreach (var alias in aliases)
        {
            if (state.Anchors.TryGetValue(alias.AliasOf!, out var anchors))
            {
                state.Anchors[alias.PageUrl ?? alias.Url] = anchors;
            }
        }

        foreach (var record in parsed)
        {
            FollowLinks(state, new Uri(record.BaseUrl ?? record.Url), record.Links!, record.Depth, ct);
        }

        if (parsed.Count > 0 || aliases.Count > 0)
        {
            logger.LogInformation("Resumed {Site} in {Run} from its checkpoint: {Pages} pages already crawled", state.Site.Id, state.RunId, state.PagesCrawled);
        }
    }

    /// <summary>Takes over a parsed page from a record (resume, or 304 Not Modified): anchors, links to the spool, analysis results.</summary>
    private static async Task AdoptParsedAsync(CrawlState state, PageRecord record, List<ISiteAnalysis> analyses, CancellationToken ct)
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

        foreach (var analysis in analyses)
        {
            if (record.Analyses?.TryGetValue(analysis.GetType().FullName!, out var analysed) == true)
            {
                analysis.OnResumedPage(pageUrl, analysed);
            }
        }
    }

    private async Task<PreviousRun?> LoadPreviousRunAsync(SiteDefinition site, string runId, CancellationToken ct)
    {
        try
        {
            var previous = await PreviousRun.LoadAsync(checkpoints, site.Id, runId, ct).ConfigureAwait(false);
            if (previous is { Count: > 0 })
            {
                logger.LogDebug("{Site}: {Count} pages from the last run can be fetched conditionally", site.Id, previous.Count);
            }

            return previous;
        }
        catch (Azure.RequestFailedException ex)
        {
            logger.LogWarning("{Site}: last run's checkpoint unavailable ({Error}); fetching every page in full", site.Id, ex.ErrorCode);
            return null;
        }
    }

    private async Task FlushPeriodicallyAsync(CrawlState state, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                await Task.Delay(o.CheckpointInterval, time, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            // Never cancel an append half-way: its records would be lost and their pages fetched again on resume.
            await FlushAsync(state, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task FlushAsync(CrawlState state, CancellationToken ct)
    {
        var batch = new List<PageRecord>();
        while (state.PendingRecords.TryDequeue(out var record))
        {
            batch.Add(record);
        }

        try
        {
            await checkpoints.AppendAsync(state.Site.Id, state.RunId, batch, ct).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException ex)
        {
            // Storage away: keep the records for the next flush; the crawl itself goes on.
            logger.LogWarning("Checkpoint of {Site} not saved ({Error}); will retry", state.Site.Id, ex.ErrorCode ?? ex.Message);
            foreach (var record in batch)
            {
                state.PendingRecords.Enqueue(record);
            }
        }
    }

    private async Task EvaluateAsync(CrawlState state, LinkSpool spool, CancellationToken ct)
    {
        // Per distinct target: excluded, internal, and its status (a site has ~20 000 targets for ~360 000 links).
        var targets = new Dictionary<string, (bool Excluded, bool Internal, LinkStatus? Status)>(StringComparer.Ordinal);
        await foreach (var page in spool.ReadAllAsync(ct).ConfigureAwait(false))
        {
            var baseUri = new Uri(page.BaseUrl);
            foreach (var link in page.Links)
            {
                var target = state.Resolve(baseUri, link.Href);
                LinkStatus? status = null;
                var isInternal = false;
                if (target.Kind == LinkTargetKind.Http)
                {
                    if (!targets.TryGetValue(target.Target, out var known))
                    {
                        if (state.Scope.IsExcluded(target.Target))
                        {
                            known = (true, false, null);
                        }
                        else
                        {
                            var isIn = state.Scope.IsInternal(new Uri(target.Target));
                            var st = state.PageStatuses.TryGetValue(target.Target, out var pageStatus)
                                ? pageStatus
                                : await linkChecker.CheckAsync(state.RunId, target.Target, state.AllowPrivate, ct, external: !isIn).ConfigureAwait(false);
                            known = (false, isIn, st);
                        }

                        targets[target.Target] = known;
                    }

                    if (known.Excluded)
                    {
                        continue;
                    }

                    isInternal = known.Internal;
                    status = known.Status;
                }

                var occurrence = new LinkOccurrence(page.Url, link.Href, link.Text, link.Line, target, isInternal);
                var finding = LinkFindingEvaluator.Evaluate(occurrence, status, o.RedirectChainThreshold);
                if (finding is null && target.Fragment is { } fragment && status is { State: LinkState.Ok or LinkState.Redirected }
                    && state.Anchors.TryGetValue(target.Target, out var anchors) && !HasAnchor(anchors, fragment))
                {
                    finding = LinkFindingEvaluator.FragmentMissing(occurrence, fragment);
                }

                if (status is { IsSuccess: true } && (finding is null || finding.Kind == FindingKind.Redirect.Name)
                    && await HttpsTwinAsync(state, target, baseUri, ct).ConfigureAwait(false) is { } httpsUrl)
                {
                    finding = LinkFindingEvaluator.InsecureLink(occurrence, httpsUrl);
                }

                if (finding is not null)
                {
                    state.Add(finding with { PageTitle = page.Title });
                }
            }
        }

        state.LinksChecked = targets.Values.Count(t => !t.Excluded);
    }

    /// <summary>
    /// For an http: link: the https: URL when it works. Each host is probed once (https://host/) so sites without TLS
    /// cost one request, not one per link. Internal links on a page that is itself http: are left alone (the site as a
    /// whole is on http; that is not an editor's link to fix).
    /// </summary>
    private async Task<string?> HttpsTwinAsync(CrawlState state, LinkTarget target, Uri page, CancellationToken ct)
    {
        if (target.Kind != LinkTargetKind.Http || !target.Target.StartsWith("http://", StringComparison.Ordinal))
        {
            return null;
        }

        var uri = new Uri(target.Target);
        if (page.Scheme == Uri.UriSchemeHttp && state.Scope.IsInternal(uri))
        {
            return null;
        }

        var secure = new UriBuilder(uri) { Scheme = Uri.UriSchemeHttps, Port = uri.IsDefaultPort ? -1 : uri.Port }.Uri;
        var hostProbe = state.HttpsHosts.GetOrAdd(secure.GetLeftPart(UriPartial.Authority), root =>
            linkChecker.CheckAsync(state.RunId, root + "/", state.AllowPrivate, ct).ContinueWith(t => t.IsCompletedSuccessfully && t.Result.StatusCode is not null, TaskScheduler.Default));
        if (!await hostProbe.ConfigureAwait(false))
        {
            return null;
        }

        var twin = await linkChecker.CheckAsync(state.RunId, secure.AbsoluteUri, state.AllowPrivate, ct).ConfigureAwait(false);
        return twin.State == LinkState.Ok ? secure.AbsoluteUri : null;
    }

    /// <summary>
    /// Soft-404 detection: asks the site for a path that cannot exist. When it answers 200 with HTML, that page's
    /// title (or, without a title, its text) is the site's "not found" fingerprint.
    /// </summary>
    private async Task<NotFoundFingerprint?> ProbeNotFoundPageAsync(CrawlState state, Uri start, CancellationToken ct)
    {
        var probe = new Uri(start, $"/lenkevakt-finnes-ikke-{Guid.NewGuid():N}");
        var fetch = await fetcher.GetPageAsync(probe, state.AllowPrivate, ct).ConfigureAwait(false);
        if (fetch.Status.State is not (LinkState.Ok or LinkState.Redirected) || fetch.Body is null || !fetch.IsHtml)
        {
            return null;
        }

        var (html, _) = HtmlDecoding.Decode(fetch.Body, fetch.Charset);
        logger.LogInformation("{Site} answers 200 for a missing page ({Probe}); recognising its soft 404s", state.Site.Id, probe);
        return NotFoundFingerprint.From(probe.AbsoluteUri, PageParser.Parse(html, fetch.FinalUri), html);
    }

    /// <summary>sitemap.xml (from robots.txt, else /sitemap.xml), following sitemap indexes, as an extra source of pages.</summary>
    private async Task SeedFromSitemapsAsync(CrawlState state, Uri start, CancellationToken ct)
    {
        var robotsTxt = await robots.GetAsync(state.RunId, start, state.AllowPrivate, ct).ConfigureAwait(false);
        var pending = new Queue<string>(robotsTxt.Sitemaps.Count > 0 ? robotsTxt.Sitemaps : [new Uri(start, "/sitemap.xml").AbsoluteUri]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0 && seen.Count < 20)
        {
            var url = pending.Dequeue();
            if (!seen.Add(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !state.Scope.IsInternal(uri))
            {
                continue;
            }

            var fetch = await fetcher.GetTextAsync(uri, state.AllowPrivate, ct).ConfigureAwait(false);
            if (fetch.Status.State is not (LinkState.Ok or LinkState.Redirected) || fetch.Body is null)
            {
                continue;
            }

            var entries = Sitemap.Parse(fetch.Body);
            foreach (var child in entries.Sitemaps)
            {
                pending.Enqueue(child);
            }

            foreach (var loc in entries.Pages)
            {
                if (Uri.TryCreate(loc, UriKind.Absolute, out var page) && state.Scope.IsCrawlable(page) && !state.Scope.IsExcluded(page.AbsoluteUri))
                {
                    state.TryEnqueue(page, 1);
                }
            }
        }
    }

    /// <summary>HTML's fragment rules: exact id/name, then the percent-decoded form; "top" and empty always exist.</summary>
    internal static bool HasAnchor(IReadOnlySet<string> anchors, string fragment)
    {
        if (fragment.Length == 0 || fragment.Equals("top", StringComparison.OrdinalIgnoreCase) || anchors.Contains(fragment))
        {
            return true;
        }

        try
        {
            return anchors.Contains(Uri.UnescapeDataString(fragment));
        }
        catch (UriFormatException)
        {
            return false;
        }
    }

    /// <summary>Mutable state of one site crawl, shared by the workers.</summary>
    private sealed class CrawlState(SiteDefinition site, UrlScope scope, bool allowPrivate, string runId, IProgress<SiteProgress>? progress)
    {
        public int PendingCount;
        public int PagesCrawledCount;
        public int PagesThisTimeCount;
        public int PagesFailedCount;
        public int LinksFoundCount;
        private int claimedCount;
        private long lastReport;

        public SiteDefinition Site { get; } = site;
        public UrlScope Scope { get; } = scope;
        public bool AllowPrivate { get; } = allowPrivate;
        public string RunId { get; } = runId;
        public Channel<(Uri, int)> Frontier { get; } = Channel.CreateUnbounded<(Uri, int)>();
        public ConcurrentDictionary<string, int> Claimed { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, byte> Fetched { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, LinkStatus> PageStatuses { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, IReadOnlySet<string>> Anchors { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, Finding> Findings { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, string> ContentHashes { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<string, Task<bool>> HttpsHosts { get; } = new(StringComparer.OrdinalIgnoreCase);
        public NotFoundFingerprint? NotFound { get; set; }
        public ConcurrentQueue<PageRecord> PendingRecords { get; } = new();
        public DateTimeOffset? Deadline { get; init; }
        public bool StoppedEarly { get; set; }
        public int PagesThisTime => Volatile.Read(ref PagesThisTimeCount);

        public void Record(PageRecord record) => PendingRecords.Enqueue(record);

        public PreviousRun? Previous { get; set; }

        public int NotModifiedCount;

        public int MaxPageBytes { get; init; }

        public Finding PageTooLargeFinding(string pageUrl) => new()
        {
            Kind = FindingKind.PageTooLarge.Name,
            Severity = FindingKind.PageTooLarge.Severity,
            PageUrl = pageUrl,
            Status = "truncated",
            Message = $"Siden er større enn {MaxPageBytes / (1024 * 1024)} MB. Bare begynnelsen er sjekket; store sider er også tunge å åpne på mobil.",
        };
        public LinkSpool? Spool { get; set; }
        public TrapDetector Traps { get; } = new();
        public string? LimitHit { get; private set; }
        public int LinksChecked { get; set; }
        public int Pending => Volatile.Read(ref PendingCount);
        public int PagesCrawled => Volatile.Read(ref PagesCrawledCount);
        public int PagesFailed => Volatile.Read(ref PagesFailedCount);
        public int LinksFound => Volatile.Read(ref LinksFoundCount);

        public void Add(Finding finding) => Findings.TryAdd(finding.Id, finding);

        /// <summary>Claims a URL for crawling (counted against the page limit) without queueing it.</summary>
        public bool TryClaim(string key, int depth)
        {
            if (Volatile.Read(ref claimedCount) >= Site.Scope.MaxPages)
            {
                LimitHit = $"page limit {Site.Scope.MaxPages} reached";
                return false;
            }

            if (!Claimed.TryAdd(key, depth))
            {
                return false;
            }

            Interlocked.Increment(ref claimedCount);
            return true;
        }

        /// <summary>Targets whose check was started (or that are excluded) while following links.</summary>
        public ConcurrentDictionary<string, byte> Followed { get; } = new(StringComparer.Ordinal);

        // Resolved hrefs that do not depend on the page's path ("/x", "https://…"), per scheme and host of the page.
        private readonly ConcurrentDictionary<string, LinkTarget> resolved = new(StringComparer.Ordinal);

        /// <summary><see cref="LinkTarget.Resolve"/>, remembered for hrefs that mean the same on every page of a host (menus, footers).</summary>
        public LinkTarget Resolve(Uri baseUri, string href)
        {
            var absolute = href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            var rooted = href.Length > 1 && href[0] == '/' && href[1] != '/' && href[1] != '\\';
            if (!absolute && !rooted)
            {
                return LinkTarget.Resolve(baseUri, href);
            }

            var key = absolute ? href : baseUri.Scheme + "://" + baseUri.Authority + "\n" + href;
            if (resolved.TryGetValue(key, out var target))
            {
                return target;
            }

            target = LinkTarget.Resolve(baseUri, href);
            if (resolved.Count < 200_000)
            {
                resolved.TryAdd(key, target);
            }

            return target;
        }

        /// <summary>Pages that may still be claimed before the page limit.</summary>
        public int BudgetLeft => Site.Scope.MaxPages - Volatile.Read(ref claimedCount);

        public bool TryEnqueue(Uri uri, int depth)
        {
            var key = LinkTarget.WithoutFragment(uri);
            if (Claimed.ContainsKey(key))
            {
                return true;
            }

            if (!TryClaim(key, depth))
            {
                return Claimed.ContainsKey(key);
            }

            Interlocked.Increment(ref PendingCount);
            Frontier.Writer.TryWrite((new Uri(key), depth));
            return true;
        }

        public void ReportProgress()
        {
            var now = Environment.TickCount64;
            if (progress is not null && now - Interlocked.Read(ref lastReport) > 200)
            {
                Interlocked.Exchange(ref lastReport, now);
                progress.Report(new SiteProgress(Site.Id, "crawling", PagesCrawled, LinksFound, Findings.Count));
            }
        }
    }
}
