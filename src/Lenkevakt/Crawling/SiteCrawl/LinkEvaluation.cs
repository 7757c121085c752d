using Lenkevakt.Checks;
using Lenkevakt.Findings;

namespace Lenkevakt.Crawling;

/// <summary>
/// Phase 2 of a site crawl: the link spool is read back and every occurrence judged (<see cref="LinkFindingEvaluator"/>)
/// against its target's status and, for #fragments, the target page's anchors; http: links whose https: twin works
/// become insecure-link findings (<see cref="HttpsTwinProbe"/>).
/// </summary>
internal sealed class LinkEvaluation(LinkChecker linkChecker, HttpsTwinProbe httpsTwin, int redirectChainThreshold)
{
    public async Task EvaluateAsync(SiteCrawlState state, LinkSpool spool, CancellationToken ct)
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
                var finding = LinkFindingEvaluator.Evaluate(occurrence, status, redirectChainThreshold);
                if (finding is null && target.Fragment is { } fragment && status is { State: LinkState.Ok or LinkState.Redirected }
                    && AnchorsOf(state, target.Target, status) is { } anchors && !AnchorMatch.HasAnchor(anchors, fragment))
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
                    state.Add(finding with { PageTitle = page.Title });
                }
            }
        }

        state.LinksChecked = targets.Values.Count(t => !t.Excluded);
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
