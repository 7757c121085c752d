using System.Runtime.Serialization;
using Azure;
using Azure.Data.Tables;

namespace Lenkevakt.Findings;

/// <summary>
/// A finding as stored in the <c>Findings</c> table: PK <see cref="Storage.SitePartitions"/> (site and shard), RK the
/// finding's stable id. The storage side only: <see cref="FindingStore"/> hands out <see cref="StoredFinding"/>.
/// </summary>
internal sealed class FindingEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Kind { get; set; } = "";
    public string Severity { get; set; } = "";
    public string PageUrl { get; set; } = "";
    public string? PageTitle { get; set; }
    public string Target { get; set; } = "";
    public int? StatusCode { get; set; }
    public string? Status { get; set; }
    public string Message { get; set; } = "";
    public string? Evidence { get; set; }
    public string? Scope { get; set; }
    public string? Location { get; set; }

    /// <summary>The stored value of <see cref="State"/> for <see cref="FindingState.Open"/>.</summary>
    public const string Open = "open";

    /// <summary>The stored value of <see cref="State"/> for <see cref="FindingState.Resolved"/>.</summary>
    public const string Resolved = "resolved";

    /// <summary><c>open</c> or <c>resolved</c>.</summary>
    public string State { get; set; } = Open;

    public DateTimeOffset FirstSeen { get; set; }
    public string FirstRunId { get; set; } = "";
    public DateTimeOffset LastSeen { get; set; }
    public string LastRunId { get; set; } = "";
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedRunId { get; set; }

    /// <summary>Why a resolved finding was resolved: <c>rechecked</c> (its page was checked again and the problem is gone) or <c>page-gone</c>.</summary>
    public string? ResolvedReason { get; set; }

    /// <summary>Consecutive closed runs in which this open finding's page was not checked (not fetched); 0 when it was checked last run.</summary>
    public int UncheckedRuns { get; set; }

    /// <summary>The last run that counted <see cref="UncheckedRuns"/> (so closing a run twice counts it once).</summary>
    public string? UncheckedRunId { get; set; }

    /// <summary>The run in which a resolved finding came back, if it did.</summary>
    public string? ReopenedRunId { get; set; }

    private string? siteId;

    /// <summary>The site (stored; rows written before it was stored fall back to the partition key).</summary>
    public string SiteId
    {
        get => siteId is { Length: > 0 } ? siteId : Storage.SitePartitions.SiteOf(PartitionKey);
        set => siteId = value;
    }

    /// <summary>Computed from <see cref="State"/>; not stored (it would add a property to every row).</summary>
    [IgnoreDataMember]
    public bool IsOpen => State == Open;

    /// <summary>New in <paramref name="runId"/>: first seen then, or reopened then.</summary>
    public bool IsNewIn(string runId) => IsOpen && (FirstRunId == runId || ReopenedRunId == runId);
}
