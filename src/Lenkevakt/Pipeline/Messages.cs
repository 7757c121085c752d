using Lenkevakt.Crawling;
using Lenkevakt.Findings;
using Lenkevakt.Sites;

namespace Lenkevakt.Pipeline;

/// <summary>Every queue message carries a schema version; a handler refuses versions it does not know (to the poison queue).</summary>
public interface IPipelineMessage
{
    int Schema { get; }
}

/// <summary>Start a run. <see cref="RunId"/> is derived from the schedule time, so a timer firing twice plans one run.</summary>
public sealed record PlanRunMessage : IPipelineMessage
{
    public const int CurrentSchema = 1;
    public int Schema { get; init; } = CurrentSchema;
    public required string RunId { get; init; }

    /// <summary>Only these site ids; empty: every configured site.</summary>
    public IReadOnlyList<string> SiteIds { get; init; } = [];
}

/// <summary>Queue <c>crawl-site</c>: crawl and check one site for one run.</summary>
public sealed record CrawlSiteMessage : IPipelineMessage
{
    public const int CurrentSchema = 1;
    public int Schema { get; init; } = CurrentSchema;
    public required string RunId { get; init; }
    public required string SiteId { get; init; }

    /// <summary>The site as configured when the run was planned, so every stage (and every worker) sees the same scope.</summary>
    public required SiteDefinition Site { get; init; }

    /// <summary>When the run was planned; used as the run's clock (lastSeen) so redelivery writes the same values.</summary>
    public required DateTimeOffset RunStartedAt { get; init; }

    /// <summary>Continuation number: 0 for the first message of a site's crawl, 1.. for resumed crawls.</summary>
    public int Continuation { get; init; }
}

/// <summary>Queue <c>findings</c>: one batch of a site's findings for a run.</summary>
public sealed record FindingsMessage : IPipelineMessage
{
    public const int CurrentSchema = 1;
    public int Schema { get; init; } = CurrentSchema;
    public required string RunId { get; init; }
    public required string SiteId { get; init; }
    public required DateTimeOffset RunStartedAt { get; init; }
    public required int Batch { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }
}

/// <summary>Queue <c>site-crawled</c>: a site's crawl is finished; close it once all its finding batches are recorded.</summary>
public sealed record SiteCrawledMessage : IPipelineMessage
{
    public const int CurrentSchema = 1;
    public int Schema { get; init; } = CurrentSchema;
    public required string RunId { get; init; }
    public required string SiteId { get; init; }
    public required DateTimeOffset RunStartedAt { get; init; }
    public required SiteDefinition Site { get; init; }
    public required int FindingBatches { get; init; }
    public required CrawlStats Stats { get; init; }

    /// <summary>How many times closing was deferred because batches were still in flight.</summary>
    public int Attempt { get; init; }
}

/// <summary>A finding as carried in an alert digest.</summary>
public sealed record AlertItem(string Id, string Kind, string Severity, string PageUrl, string? PageTitle, string Target, string Message, string? Status);

/// <summary>Queue <c>alerts</c>: what changed on one site in one run.</summary>
public sealed record AlertsMessage : IPipelineMessage
{
    public const int CurrentSchema = 1;
    public int Schema { get; init; } = CurrentSchema;
    public required string RunId { get; init; }
    public required string SiteId { get; init; }
    public required SiteDefinition Site { get; init; }
    public required IReadOnlyList<AlertItem> New { get; init; }
    public required IReadOnlyList<AlertItem> Resolved { get; init; }

    /// <summary>Total counts when the lists were capped to fit a queue message.</summary>
    public int NewTotal { get; init; }
    public int ResolvedTotal { get; init; }
}
