using Lenkevakt.Checks;

namespace Lenkevakt.Crawling;

/// <summary>Seeds the frontier from sitemap.xml (from robots.txt, else /sitemap.xml), following sitemap indexes (at most 20 files).</summary>
internal sealed class SitemapSeeder(RobotsCache robots, PageFetcher fetcher)
{
    public async Task SeedAsync(SiteCrawlState state, Uri start, CancellationToken ct)
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
                    state.Frontier.Offer(1, [(LinkTarget.WithoutFragment(page), page.AbsoluteUri, "")]);
                }
            }
        }
    }
}
