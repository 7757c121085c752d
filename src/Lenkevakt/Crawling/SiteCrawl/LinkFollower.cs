using Lenkevakt.Checks;

namespace Lenkevakt.Crawling;

/// <summary>
/// Queues a page's crawlable links and starts the checks of the others at once, overlapping the crawl.
/// A focused crawl: the page budget is claimed when a link is queued, so links are queued in order of how
/// likely they lead to help pages (<see cref="Content.Help.HelpPageSignals.ScoreLink"/>: link text and URL).
/// While the budget left covers every link on the page the order cannot change what is crawled, so links are not scored.
/// </summary>
internal sealed class LinkFollower(LinkChecker linkChecker)
{
    public void Follow(SiteCrawlState state, Uri baseUri, IReadOnlyList<RawLink> links, int depth, CancellationToken ct)
    {
        var frontier = state.Frontier;
        var ordered = links.Count > 1 && frontier.BudgetLeft < links.Count
            ? links.Select((l, i) => (Link: l, Score: Content.Help.HelpPageSignals.ScoreLink(l.Href, l.Text), Index: i)).OrderByDescending(x => x.Score).ThenBy(x => x.Index).Select(x => x.Link)
            : links;
        foreach (var link in ordered)
        {
            var target = state.Resolve(baseUri, link.Href);
            if (target.Kind != LinkTargetKind.Http || frontier.IsClaimed(target.Target) || state.Followed.ContainsKey(target.Target))
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
            var crawlable = state.Scope.IsCrawlable(targetUri);
            if (crawlable && depth < state.Site.Scope.MaxDepth && frontier.TryEnqueue(targetUri, depth + 1))
            {
                continue;
            }

            if (!frontier.IsClaimed(target.Target))
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
}
