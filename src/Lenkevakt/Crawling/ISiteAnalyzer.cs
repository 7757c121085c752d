using Lenkevakt.Checks;
using Lenkevakt.Findings;
using Lenkevakt.Sites;

namespace Lenkevakt.Crawling;

/// <summary>
/// A page-content check that rides along a site crawl (languages, required information, readability…).
/// <see cref="Begin"/> is called once per site crawl; the returned analysis sees every parsed HTML page while its
/// DOM is alive, and at the end returns its findings (page- and site-level).
/// </summary>
public interface ISiteAnalyzer
{
    ISiteAnalysis Begin(SiteDefinition site, string runId);
}

/// <summary>
/// One site's analysis in one run. <see cref="OnPage"/> may be called from several threads at once.
/// A crawl can be split over several messages (time budget, crash): what <see cref="OnPage"/> returns is
/// checkpointed with the page, and given back through <see cref="OnResumedPage"/> when the crawl resumes elsewhere,
/// so the site's result covers every page, not only those seen by the last message.
/// </summary>
public interface ISiteAnalysis
{
    /// <returns>The page's result as a small JSON string to checkpoint, or null.</returns>
    string? OnPage(Uri pageUrl, ParsedPage page, FetchResult fetch);

    /// <summary>A page analysed before the crawl was resumed: <paramref name="state"/> is what <see cref="OnPage"/> returned.</summary>
    void OnResumedPage(string pageUrl, string state);

    Task<IReadOnlyList<Finding>> CompleteAsync(CancellationToken ct);
}
