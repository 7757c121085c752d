using Lenkevakt.Crawling;
using Lenkevakt.Findings;
using Lenkevakt.Sites;

namespace Lenkevakt.Checks;

/// <summary>
/// A page-content check that rides along a site crawl (languages, required information, readability…).
/// <see cref="Begin"/> is called once per site crawl; the returned analysis sees every parsed HTML page while its
/// DOM is alive, and at the end returns its findings (page- and site-level).
/// </summary>
public interface ISiteAnalyzer
{
    ISiteAnalysis Begin(SiteDefinition site, string runId);
}

/// <summary>One site's analysis in one run. <see cref="OnPage"/> may be called from several threads at once.</summary>
public interface ISiteAnalysis
{
    void OnPage(Uri pageUrl, ParsedPage page, FetchResult fetch);

    Task<IReadOnlyList<Finding>> CompleteAsync(CancellationToken ct);
}
