using System.Collections.Concurrent;
using Lenkevakt.Checks;

namespace Lenkevakt.Crawling;

/// <summary>
/// The ids and names of a page that is not crawled, for <c>#fragment</c> links to it (<see cref="CrawlOptions.CheckExternalFragments"/>):
/// the page is fetched once per run (GET, HTML only) and parsed, never crawled. Null when it is not an HTML page.
/// </summary>
internal sealed class ExternalAnchors(PageFetcher fetcher, HtmlLimits limits)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlySet<string>?>>> pages = new(StringComparer.Ordinal);

    public Task<IReadOnlySet<string>?> GetAsync(string runId, string url, AddressPolicy policy, CancellationToken ct) =>
        pages.GetOrAdd($"{runId}|{url}", _ => new Lazy<Task<IReadOnlySet<string>?>>(() => FetchAsync(url, policy, CancellationToken.None))).Value.WaitAsync(ct);

    private async Task<IReadOnlySet<string>?> FetchAsync(string url, AddressPolicy policy, CancellationToken ct)
    {
        var fetch = await fetcher.GetPageAsync(new Uri(url), policy, ct).ConfigureAwait(false);
        if (!fetch.Status.IsSuccess || fetch.Body is null || !fetch.IsHtml)
        {
            return null;
        }

        var (html, _, _) = HtmlDecoding.DecodePage(fetch.Body, fetch.Charset);
        return PageParser.Parse(html, fetch.FinalUri, limits).Anchors;
    }
}
