using Lenkevakt.Checks;
using Lenkevakt.Findings;

namespace Lenkevakt.Crawling;

/// <summary>
/// Phase 2 of a site crawl: the link spool is read back and every occurrence judged (<see cref="LinkFindingEvaluator"/>)
/// against its target's status and, for #fragments, the target page's anchors; http: links whose https: twin works
/// become insecure-link findings (<see cref="HttpsTwinProbe"/>). An occurrence whose target failed transiently
/// (timeout, connection error, 5xx, 429) is judged last, with the outcome of its re-checks (<see cref="TransientRecheck"/>,
/// begun in the background when the first check failed, <see cref="LinkChecker.ConfirmedAsync"/>); only a failure that
/// persists becomes a finding.
/// </summary>
internal sealed class LinkEvaluation(LinkChecker linkChecker, HttpsTwinProbe httpsTwin, ExternalAnchors? externalAnchors, int redirectChainThreshold)
{
    public async Task EvaluateAsync(SiteCrawlState state, LinkSpool spool, CancellationToken ct)
    {
        // Per distinct target: excluded, internal, and its status (a site has ~20 000 targets for ~360 000 links).
        var targets = new Dictionary<string, (bool Excluded, bool Internal, LinkStatus? Status)>(StringComparer.Ordinal);
        var deferred = new List<(string PageUrl, string? Title, Uri BaseUri, RawLink Link, LinkTarget Target)>();
        await foreach (var page in spool.ReadAllAsync(ct).ConfigureAwait(false))
        {
            var baseUri = new Uri(page.BaseUrl);
            foreach (var link in page.Links)
            {
                var target = state.Resolve(baseUri, link.Href);
                LinkStatus? status = null;
                var isInternal = false;
                if (target.Kind == LinkTargetKind.Http && link.Role.IsResource() && link.Href.Trim().Length == 0)
                {
                    // src="": not fetched (it is the page itself); judged as empty.
                    isInternal = state.Scope.IsInternal(new Uri(target.Target));
                }
                else if (target.Kind == LinkTargetKind.Http)
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

                    if (known.Status is { } first && TransientRecheck.IsTransient(first))
                    {
                        deferred.Add((page.Url, page.Title, baseUri, link, target));
                        continue;
                    }

                    isInternal = known.Internal;
                    status = known.Status;
                }

                await JudgeAsync(state, page.Url, page.Title, baseUri, link, target, isInternal, status, ct).ConfigureAwait(false);
            }
        }

        if (deferred.Count > 0)
        {
            // Every first check is done: check the transient failures again (all hosts at once, each after its back-off).
            // A crawled page's status is its own fetch, already re-checked (SiteCrawler); any other target's re-checks
            // began when its first check failed (LinkChecker.ConfirmedAsync) and are shared by every site of the run.
            // Meanwhile the crawl only waits: its engine slot is free for another site.
            var confirming = Task.WhenAll(deferred.Select(d => d.Target.Target).Distinct(StringComparer.Ordinal).Select(async url =>
                (Url: url, Status: state.PageStatuses.ContainsKey(url)
                    ? targets[url].Status!
                    : await linkChecker.ConfirmedAsync(state.RunId, url, state.AllowPrivate, ct, external: !targets[url].Internal).ConfigureAwait(false))));
            if (state.Slot is { } slot)
            {
                await slot.AsideWhileAsync(confirming, ct).ConfigureAwait(false);
            }

            var again = await confirming.ConfigureAwait(false);
            foreach (var (url, confirmed) in again)
            {
                targets[url] = targets[url] with { Status = confirmed };
                if (state.PageStatuses.ContainsKey(url) && !TransientRecheck.IsTransient(confirmed))
                {
                    state.PageStatuses[url] = confirmed;
                }
            }

            foreach (var d in deferred)
            {
                var known = targets[d.Target.Target];
                await JudgeAsync(state, d.PageUrl, d.Title, d.BaseUri, d.Link, d.Target, known.Internal, known.Status, ct).ConfigureAwait(false);
            }
        }

        state.LinksChecked = targets.Values.Count(t => !t.Excluded);
    }

    private async Task JudgeAsync(SiteCrawlState state, string pageUrl, string? title, Uri baseUri, RawLink link, LinkTarget target, bool isInternal, LinkStatus? status, CancellationToken ct)
    {
        var occurrence = new LinkOccurrence(pageUrl, link.Href, link.Text, link.Line, target, isInternal, link.Role, link.Element, link.Attribute);
        var finding = LinkFindingEvaluator.Evaluate(occurrence, status, redirectChainThreshold);
        if (finding is null && target.Fragment is { } fragment && AnchorMatch.ElementPart(fragment).Length > 0 && status is { State: LinkState.Ok or LinkState.Redirected }
            && await AnchorsOfAsync(state, target.Target, status, isInternal, ct).ConfigureAwait(false) is { } anchors && !AnchorMatch.HasAnchor(anchors, fragment))
        {
            finding = LinkFindingEvaluator.FragmentMissing(occurrence, fragment);
        }

        if (status is { IsSuccess: true } && (finding is null || finding.Kind == FindingKind.Redirect.Name)
            && await httpsTwin.FindAsync(state, target, baseUri, ct).ConfigureAwait(false) is { } httpsUrl)
        {
            finding = LinkFindingEvaluator.InsecureLink(occurrence, httpsUrl);
        }

        if (finding is not null)
        {
            state.Add(finding with { PageTitle = title });
        }
    }

    /// <summary>The anchors of a crawled page, or (with <see cref="CrawlOptions.CheckExternalFragments"/>) of an external page fetched for them.</summary>
    private async Task<IReadOnlySet<string>?> AnchorsOfAsync(SiteCrawlState state, string url, LinkStatus status, bool isInternal, CancellationToken ct)
    {
        if (AnchorsOf(state, url, status) is { } anchors)
        {
            return anchors;
        }

        return externalAnchors is not null && !isInternal && !state.PageStatuses.ContainsKey(url)
            ? await externalAnchors.GetAsync(state.RunId, url, state.AllowPrivate, ct).ConfigureAwait(false)
            : null;
    }

    /// <summary>
    /// The anchors of a crawled page; for a crawled URL that redirected to a page parsed under its own URL (perhaps
    /// by another page of the same level), that page's anchors.
    /// </summary>
    private static IReadOnlySet<string>? AnchorsOf(SiteCrawlState state, string url, LinkStatus status)
    {
        if (state.Anchors.TryGetValue(url, out var anchors))
        {
            return anchors;
        }

        return status.Chain.Count > 0 && status.FinalUrl is { } final && state.PageStatuses.ContainsKey(url)
            && Uri.TryCreate(final, UriKind.Absolute, out var finalUri) && state.Anchors.TryGetValue(LinkTarget.WithoutFragment(finalUri), out anchors)
            ? anchors
            : null;
    }

    /// <summary>The site-unreachable finding for a crawl that parsed no page.</summary>
    public static Finding SiteUnreachable(SiteCrawlState state)
    {
        var start = state.Site.StartUrls[0];
        var status = state.PageStatuses.GetValueOrDefault(LinkTarget.WithoutFragment(start));
        var reason = status switch
        {
            { State: LinkState.Broken } => UnreachableReason.ErrorStatus,
            { State: LinkState.Error, Error: LinkErrorKind.Dns } => UnreachableReason.Dns,
            { State: LinkState.Error } => UnreachableReason.ConnectionFailed,
            { State: LinkState.Timeout } => UnreachableReason.Timeout,
            { State: LinkState.RedirectLoop } => UnreachableReason.RedirectLoop,
            { State: LinkState.Blocked } => UnreachableReason.Blocked,
            { State: LinkState.Excluded } => UnreachableReason.Excluded,
            _ => UnreachableReason.NotHtml,
        };
        return new Finding
        {
            Kind = FindingKind.SiteUnreachable.Name,
            Severity = FindingKind.SiteUnreachable.Severity,
            PageUrl = start.AbsoluteUri,
            StatusCode = status?.StatusCode,
            Status = status?.ToString() ?? "not fetched",
            Message = FindingMessages.SiteUnreachable(state.Site.Name, start, reason, status?.StatusCode),
            Evidence = status?.Detail,
        };
    }
}
