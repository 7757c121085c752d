using Lenkevakt.Checks;
using Microsoft.Extensions.Logging;

namespace Lenkevakt.Crawling;

/// <summary>
/// The fetch step: one admitted URL from robots.txt to a parsed, recorded page. Handles 304 reuse (the last run's
/// record is taken over), redirects (the final page is crawled once, under its own URL), failures, aliases (the same
/// bytes under another URL), soft 404s, the page analyses, and following the page's links.
/// </summary>
internal sealed class PageStep(PageFetcher fetcher, LinkChecker linkChecker, RobotsCache robots, LinkFollower follower, ParseGate parsing, TransientRecheck recheck, ILogger logger)
{
    /// <param name="turn">The page's place in its level: a body seen under two URLs is checked under the one admitted first.</param>
    public async Task ProcessAsync(SiteCrawlState state, Uri uri, int depth, List<ISiteAnalysis> analyses, PageTurn turn, CancellationToken ct)
    {
        var key = LinkTarget.WithoutFragment(uri);
        if (!state.Fetched.TryAdd(key, 0))
        {
            if (state.Replayed.TryRemove(key, out var replayed))
            {
                // Fetched before the crawl resumed: its links are offered again, as when it was fetched.
                if (replayed.RedirectTarget is { } target)
                {
                    state.Frontier.ClaimRedirectTarget(target, depth);
                }

                if (replayed.Links is { } links)
                {
                    follower.Follow(state, new Uri(replayed.BaseUrl ?? key), links, depth, ct);
                }
            }

            return; // Already fetched (before a resume, or as the end of another URL's redirect).
        }

        // The engine's bound on fetched pages waiting for the processor: held from the fetch to the end of the parse.
        using var hand = await parsing.EnterFetchAsync(ct).ConfigureAwait(false);
        var robotsTxt = await robots.GetAsync(state.RunId, uri, state.AllowPrivate, ct).ConfigureAwait(false);
        if (!robotsTxt.IsAllowed(uri.PathAndQuery))
        {
            // robots.txt unreachable: nothing is fetched from this origin in this run, and the page's status says why.
            state.PageStatuses[key] = robotsTxt.Unreachable is { } cause
                ? cause with { Detail = $"robots.txt: {cause}" + (cause.Detail is { } d ? $" ({d})" : "") }
                : LinkStatus.Excluded("robots.txt");
            state.Record(new PageRecord { Url = key, Depth = depth, Status = state.PageStatuses[key] });
            return;
        }

        // A page set aside after a transient failure comes back with the outcome of its re-checks (SiteCrawler).
        var fetch = state.PageProbes.TryRemove(key, out var probe)
            ? await probe.WaitAsync(ct).ConfigureAwait(false)
            : await fetcher.GetPageAsync(uri, state.AllowPrivate, ct, k => state.PageStatuses.GetValueOrDefault(k), state.Previous?.Validators(key)).ConfigureAwait(false);
        if (TransientRecheck.IsTransient(fetch.Status))
        {
            if (depth > 0 && state.DeferTransientPages)
            {
                // A timeout, connection error, 5xx or 429: re-checked in the background after the back-offs while the
                // crawl goes on; processed with that outcome when the first pass is done, so a page that heals still has
                // its links followed; nothing is recorded for it yet.
                state.Fetched.TryRemove(key, out _);
                var recheckTask = recheck.ConfirmAsync(fetch, f => f.Status, c => fetcher.GetPageAsync(uri, state.AllowPrivate, c, k => state.PageStatuses.GetValueOrDefault(k), state.Previous?.Validators(key)), ct);
                _ = recheckTask.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                state.PageProbes[key] = recheckTask;
                state.TransientPages.Enqueue((uri, depth));
                return;
            }

            if (depth == 0)
            {
                // The start page: fetched again after a back-off before the site counts as unreachable.
                fetch = await recheck.ConfirmAsync(fetch, f => f.Status, c => fetcher.GetPageAsync(uri, state.AllowPrivate, c, k => state.PageStatuses.GetValueOrDefault(k), state.Previous?.Validators(key)), ct).ConfigureAwait(false);
            }
        }

        Interlocked.Increment(ref state.PagesThisTimeCount);
        if (fetch.NotModified)
        {
            if (await state.Previous!.ReadAsync(key, ct).ConfigureAwait(false) is { } unchanged)
            {
                // 304: the page is as it was last run; its links, anchors and analysis results are reused.
                var record = unchanged with { Depth = depth, Status = fetch.Status };
                state.PageStatuses[key] = fetch.Status;
                await CheckpointReplay.AdoptParsedAsync(state, record, analyses, ct).ConfigureAwait(false);
                follower.Follow(state, new Uri(record.BaseUrl ?? record.Url), record.Links!, depth, ct);
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
            // It is fetched in the slot of the URL that redirected (claimed, not counted against the page budget).
            pageKey = LinkTarget.WithoutFragment(fetch.FinalUri);
            if (!state.Scope.IsCrawlable(fetch.FinalUri))
            {
                state.Record(new PageRecord { Url = key, Depth = depth, Status = fetch.Status });
                return;
            }

            state.Frontier.ClaimRedirectTarget(pageKey, depth);
            if (!state.Fetched.TryAdd(pageKey, 0))
            {
                // Fetched by another page of this level (or an earlier one): fragments of this URL use its anchors.
                state.Record(new PageRecord { Url = key, Depth = depth, Status = fetch.Status, PageUrl = pageKey });
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
        await turn.WaitAsync(ct).ConfigureAwait(false);
        var canonical = state.ContentHashes.GetOrAdd(hash, pageKey);
        turn.Pass();
        if (!ReferenceEquals(canonical, pageKey) && canonical != pageKey)
        {
            if (state.Anchors.TryGetValue(canonical, out var aliasAnchors))
            {
                state.Anchors[pageKey] = aliasAnchors;
            }

            state.Record(new PageRecord { Url = key, Depth = depth, Status = fetch.Status, PageUrl = pageKey, AliasOf = canonical });
            return;
        }

        // The engine's CPU budget: decoding, parsing and the analyses run in a parse slot (ParseGate); fetching goes on.
        using var cpu = await parsing.EnterAsync(ct).ConfigureAwait(false);
        var (html, _, undecodable) = HtmlDecoding.DecodePage(fetch.Body, fetch.Charset);
        var page = PageParser.Parse(html, fetch.FinalUri, state.HtmlLimits);
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

        if (undecodable is not null)
        {
            state.Add(PageFindings.Undecodable(pageKey, undecodable));
        }

        Dictionary<string, string>? analysed = null;
        foreach (var analysis in analyses)
        {
            if (analysis.OnPage(fetch.FinalUri, page, fetch) is { } result)
            {
                (analysed ??= new(StringComparer.Ordinal))[analysis.GetType().FullName!] = result;
            }
        }

        cpu.Dispose();
        hand.Dispose();

        // Crawl:CheckResources off: only the links a visitor follows (a[href], area[href]), as the peers check by default.
        var followed = state.CheckResources ? page.Links : page.Links.Where(l => !l.Role.IsResource()).ToList();
        follower.Follow(state, page.BaseUri, followed, depth, ct);

        Interlocked.Add(ref state.LinksFoundCount, followed.Count);
        await state.Spool!.AppendAsync(new SpooledPage(pageKey, page.Title, followed, page.BaseUri.AbsoluteUri), ct).ConfigureAwait(false);
        state.Record(new PageRecord
        {
            Url = key, Depth = depth, Status = fetch.Status, PageUrl = pageKey, Title = page.Title, BaseUrl = page.BaseUri.AbsoluteUri,
            Anchors = page.Anchors.ToList(), Links = followed, Truncated = fetch.Truncated, TooComplex = page.TooComplex, ContentHash = hash, Analyses = analysed,
            ETag = fetch.ETag, LastModified = fetch.LastModified, UndecodableCharset = undecodable,
        });
        state.ReportProgress();
    }
}
