using Lenkevakt.Findings;
using Lenkevakt.Pipeline;

namespace Lenkevakt.Crawling;

/// <summary>The findings and counters of one site's crawl. <see cref="Completed"/> is false when the time budget ran out first.</summary>
public sealed record SiteCrawlResult(CrawlStats Stats, IReadOnlyList<Finding> Findings, bool Completed = true);
