namespace Lenkevakt.Findings;

/// <summary>
/// A finding as <see cref="FindingStore"/> has it: what one site's runs learnt about one problem (first and last seen,
/// resolved, reopened). The domain's view of a <c>Findings</c> row; how the row is stored stays inside the store.
/// </summary>
public sealed record StoredFinding
{
    /// <summary>The finding's stable id (<see cref="Finding.Id"/>).</summary>
    public required string Id { get; init; }

    public required string SiteId { get; init; }

    /// <summary>The finding kind's name (<see cref="FindingKind.Name"/>).</summary>
    public string Kind { get; init; } = "";

    /// <summary><c>error</c>, <c>warning</c> or <c>info</c>, as stored.</summary>
    public string Severity { get; init; } = "";

    public string PageUrl { get; init; } = "";
    public string? PageTitle { get; init; }
    public string Target { get; init; } = "";
    public int? StatusCode { get; init; }
    public string? Status { get; init; }
    public string Message { get; init; } = "";
    public string? Evidence { get; init; }
    public string? Scope { get; init; }
    public string? Location { get; init; }

    public FindingState State { get; init; } = FindingState.Open;

    public DateTimeOffset FirstSeen { get; init; }
    public string FirstRunId { get; init; } = "";
    public DateTimeOffset LastSeen { get; init; }
    public string LastRunId { get; init; } = "";
    public DateTimeOffset? ResolvedAt { get; init; }
    public string? ResolvedRunId { get; init; }

    /// <summary>Why a resolved finding was resolved: <c>rechecked</c> (its page was checked again and the problem is gone) or <c>page-gone</c>.</summary>
    public string? ResolvedReason { get; init; }

    /// <summary>Consecutive closed runs in which this open finding's page was not checked (not fetched); 0 when it was checked last run.</summary>
    public int UncheckedRuns { get; init; }

    /// <summary>The run in which a resolved finding came back, if it did.</summary>
    public string? ReopenedRunId { get; init; }

    public bool IsOpen => State == FindingState.Open;

    /// <summary>New in <paramref name="runId"/>: first seen then, or reopened then.</summary>
    public bool IsNewIn(string runId) => IsOpen && (FirstRunId == runId || ReopenedRunId == runId);
}
