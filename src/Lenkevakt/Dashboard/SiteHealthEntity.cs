using Azure;
using Azure.Data.Tables;

namespace Lenkevakt.Dashboard;

/// <summary>
/// A site's health in the <c>Dashboard</c> table: the latest state under PK <c>site</c> / RK siteId, and one row
/// per run under PK siteId / RK runId (the history behind trends).
/// </summary>
public sealed class SiteHealthEntity : ITableEntity
{
    public const string LatestPartition = "site";

    public string PartitionKey { get; set; } = LatestPartition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string SiteId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Kommunenummer { get; set; }
    public string? Fylke { get; set; }
    public string? Fylkesnummer { get; set; }
    public string StartUrl { get; set; } = "";

    public string LastRunId { get; set; } = "";
    public DateTimeOffset LastCrawlAt { get; set; }
    public bool Reachable { get; set; }
    public int PagesCrawled { get; set; }
    public int LinksFound { get; set; }
    public int LinksChecked { get; set; }
    public double DurationSeconds { get; set; }
    public string? Truncated { get; set; }

    public int OpenFindings { get; set; }
    public int Errors { get; set; }
    public int Warnings { get; set; }
    public int Infos { get; set; }
    public int NewFindings { get; set; }
    public int ResolvedFindings { get; set; }

    /// <summary>Pages crawled this run with at least one error finding (page findings; see <see cref="Dashboard.HealthScore"/>).</summary>
    public int PagesWithErrors { get; set; }

    /// <summary>Pages crawled this run with warnings but no error.</summary>
    public int PagesWithWarnings { get; set; }

    /// <summary>Site-scope required-information rules met in this run's content result.</summary>
    public int RulesMet { get; set; }

    /// <summary>Site-scope required-information rules assessed (met or not met) in this run's content result; 0 when none.</summary>
    public int RulesAssessed { get; set; }

    /// <summary>Open findings whose page was not fetched in this run (they stay open: not checked is not fixed).</summary>
    public int UncheckedFindings { get; set; }

    /// <summary>Open findings per kind, as JSON <c>{"broken-link": 3, ...}</c>.</summary>
    public string KindsJson { get; set; } = "{}";

    /// <summary>The first open broken links (<see cref="BrokenLinkSample"/>) as JSON; null on rows written before they were kept.</summary>
    public string? BrokenLinksJson { get; set; }

    /// <summary>0–100, see <see cref="HealthScore"/>.</summary>
    public int HealthScore { get; set; }

    /// <summary>A copy stored under other keys (the history row).</summary>
    public SiteHealthEntity CopyAs(string partitionKey, string rowKey)
    {
        var copy = (SiteHealthEntity)MemberwiseClone();
        copy.PartitionKey = partitionKey;
        copy.RowKey = rowKey;
        copy.ETag = default;
        return copy;
    }
}
