using Lenkevakt.Checks;

namespace Lenkevakt.Crawling;

/// <summary>What one fetch (with its redirects) returned.</summary>
public sealed class FetchResult
{
    public required LinkStatus Status { get; init; }

    /// <summary>The URL that finally answered (the request URL when there was no redirect).</summary>
    public required Uri FinalUri { get; init; }

    /// <summary>The body bytes (HTML only, capped at <see cref="CrawlOptions.MaxPageBytes"/>); null for checks and non-HTML.</summary>
    public byte[]? Body { get; init; }

    public bool Truncated { get; init; }

    public string? MediaType { get; init; }

    public string? Charset { get; init; }

    public bool IsHtml => MediaType is "text/html" or "application/xhtml+xml";

    /// <summary>The page's validators, for a conditional GET next run.</summary>
    public string? ETag { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    /// <summary>The server answered 304 to a conditional GET: the page is unchanged since the last run.</summary>
    public bool NotModified { get; init; }
}
