namespace Lenkevakt.Crawling;

/// <summary>Counters of one site's crawl.</summary>
public sealed record CrawlStats
{
    public int PagesCrawled { get; init; }
    public int PagesFailed { get; init; }
    public int LinksFound { get; init; }
    public int LinksChecked { get; init; }
    public int Findings { get; init; }
    public double DurationSeconds { get; init; }

    /// <summary>True when the site answered at all; an unreachable site does not resolve earlier findings.</summary>
    public bool Reachable { get; init; } = true;

    /// <summary>Why the crawl stopped early (page limit, time budget), if it did.</summary>
    public string? Truncated { get; init; }
}
