using Lenkevakt.Content.Persistence;
using Lenkevakt.Crawling;
using Lenkevakt.Sites;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Content;

/// <summary>
/// The content checks as an <see cref="ISiteAnalyzer"/>: each parsed HTML page is evaluated while its DOM is alive
/// (<see cref="PageContentEvaluator"/>), only the small result is kept, the site result is aggregated as pages arrive,
/// and <see cref="ISiteAnalysis.CompleteAsync"/> returns the findings and stores the results (<see cref="IContentResultStore"/>).
/// </summary>
public sealed class ContentAnalyzer(
    PageContentEvaluator evaluator,
    IContentResultStore store,
    IOptions<ContentOptions> options,
    TimeProvider time,
    ILogger<ContentAnalyzer> logger) : ISiteAnalyzer
{
    public ISiteAnalysis Begin(SiteDefinition site, string runId) =>
        new ContentSiteAnalysis(site, runId, evaluator, store, options.Value, time, logger);
}
