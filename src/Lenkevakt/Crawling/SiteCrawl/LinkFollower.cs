using Lenkevakt.Checks;

namespace Lenkevakt.Crawling;

/// <summary>
/// Sorts a page's links: crawlable ones within the depth limit are offered to the frontier as candidates for the next
/// depth (with their href and text, from which <see cref="ILinkPriority"/> ranks them if the budget is short); the
/// checks of the others (external, out of scope, over the depth limit, or with the page budget spent) start at once,
/// so checking overlaps crawling. Resources (<see cref="LinkRole"/> other than a link) are only checked.
/// </summary>
internal sealed class LinkFollower(LinkChecker linkChecker)
{
    public void Follow(SiteCrawlState state, Uri baseUri, IReadOnlyList<RawLink> links, int depth, CancellationToken ct)
    {
        var frontier = state.Frontier;
        var next = depth + 1;
        var withinDepth = depth < state.Site.Scope.MaxDepth;
        List<(string, string, string)>? offers = null;
        foreach (var link in links)
        {
            var target = state.Resolve(baseUri, link.Href);
            if (link.Role.IsResource())
            {
                // Images, scripts, frames, …: checked (HEAD, then GET), never crawled or parsed; they do not change what is crawled.
                if (target.Kind == LinkTargetKind.Http && link.Href.Trim().Length > 0 && state.Resources.TryAdd(target.Target, 0)
                    && !frontier.IsClaimed(target.Target) && !state.Scope.IsExcluded(target.Target))
                {
                    _ = linkChecker.CheckAsync(state.RunId, target.Target, state.AllowPrivate, ct, external: !state.Scope.IsInternal(new Uri(target.Target)));
                }

                continue;
            }

            if (target.Kind != LinkTargetKind.Http || frontier.IsClaimed(target.Target) || state.Followed.ContainsKey(target.Target))
            {
                // Not a web link, already admitted, or its check already started from an earlier link: nothing new.
                continue;
            }

            if (withinDepth && frontier.IsCandidate(next, target.Target))
            {
                (offers ??= []).Add((target.Target, link.Href, link.Text));
                continue;
            }

            if (state.Scope.IsExcluded(target.Target))
            {
                state.Followed.TryAdd(target.Target, 0);
                continue;
            }

            var targetUri = new Uri(target.Target);
            if (withinDepth && state.Scope.IsCrawlable(targetUri))
            {
                if (frontier.HasBudget)
                {
                    (offers ??= []).Add((target.Target, link.Href, link.Text));
                    continue;
                }

                frontier.NoteLimitHit();
            }

            // Not crawled (external, out of scope, or over the limits): start its check now. Levels are fetched in
            // order, so a page over the depth limit cannot be reached from a shallower page later.
            if (state.Followed.TryAdd(target.Target, 0))
            {
                _ = linkChecker.CheckAsync(state.RunId, target.Target, state.AllowPrivate, ct, external: !state.Scope.IsInternal(targetUri));
            }
        }

        if (offers is not null)
        {
            frontier.Offer(next, offers);
        }
    }

    /// <summary>Candidates that did not fit the page budget: checked, not crawled.</summary>
    public void CheckRejected(SiteCrawlState state, IReadOnlyList<string> rejected, CancellationToken ct)
    {
        foreach (var url in rejected)
        {
            if (state.Followed.TryAdd(url, 0))
            {
                _ = linkChecker.CheckAsync(state.RunId, url, state.AllowPrivate, ct, external: !state.Scope.IsInternal(new Uri(url)));
            }
        }
    }
}
