using Lenkevakt.Findings;

namespace Lenkevakt.Crawling;

/// <summary>The findings and counters of one site's crawl. <see cref="Completed"/> is false when the time budget ran out first.</summary>
public sealed record SiteCrawlResult(CrawlStats Stats, IReadOnlyList<Finding> Findings, bool Completed = true)
{
    /// <summary>The URLs admitted for crawling, in the order the frontier admitted them (deterministic for an unchanged site).</summary>
    public IReadOnlyList<string> CrawlOrder { get; init; } = [];
}
