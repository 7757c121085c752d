using Lenkevakt.Checks;
using Microsoft.Extensions.Logging;

namespace Lenkevakt.Crawling;

/// <summary>
/// Soft-404 detection: asks the site for a path that cannot exist. When it answers 200 with HTML, that page's
/// title (or, without a title, its text) is the site's "not found" fingerprint; pages that match it are soft 404s.
/// </summary>
internal sealed class NotFoundProbe(PageFetcher fetcher, ILogger logger)
{
    public async Task<NotFoundFingerprint?> ProbeAsync(SiteCrawlState state, Uri start, CancellationToken ct)
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
}
