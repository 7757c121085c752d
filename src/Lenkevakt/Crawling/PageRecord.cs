using Lenkevakt.Checks;

namespace Lenkevakt.Crawling;

/// <summary>
/// One fetched URL of a site crawl, as checkpointed: its status, and for a parsed page its title, anchors and links.
/// Enough to resume a crawl (rebuild the frontier, the link spool and the fragment targets) without fetching the page again.
/// </summary>
public sealed record PageRecord
{
    public required string Url { get; init; }

    public int Depth { get; init; }

    public required LinkStatus Status { get; init; }

    /// <summary>For a parsed page: its URL after redirects (the key its links and anchors are stored under).</summary>
    public string? PageUrl { get; init; }

    /// <summary>For an alias (same bytes as another page): that page's URL.</summary>
    public string? AliasOf { get; init; }

    public string? Title { get; init; }

    public string? BaseUrl { get; init; }

    public IReadOnlyList<string>? Anchors { get; init; }

    public IReadOnlyList<RawLink>? Links { get; init; }

    public bool Truncated { get; init; }

    /// <summary>Why only part of the page was parsed (<see cref="ParsedPage.TooComplex"/>), or null.</summary>
    public string? TooComplex { get; init; }

    /// <summary>What each page analysis (<see cref="Checks.ISiteAnalysis"/>) concluded, by analysis type, for a resume.</summary>
    public IReadOnlyDictionary<string, string>? Analyses { get; init; }

    /// <summary>Validators of a parsed page, for a conditional GET next run.</summary>
    public string? ETag { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    /// <summary>SHA-256 of the body of a parsed page, so aliases (the same bytes under another URL) are recognised after a resume too.</summary>
    public string? ContentHash { get; init; }
}
