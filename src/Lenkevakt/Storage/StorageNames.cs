namespace Lenkevakt.Storage;

/// <summary>Queue and table names, with the configured prefix applied.</summary>
public sealed class StorageNames(string prefix)
{
    public const string CrawlSite = "crawl-site";
    public const string Findings = "findings";
    public const string SiteCrawled = "site-crawled";
    public const string Alerts = "alerts";
    public const string PoisonSuffix = "-poison";

    /// <summary>The pipeline queues in stage order.</summary>
    public static readonly IReadOnlyList<string> PipelineQueues = [CrawlSite, Findings, SiteCrawled, Alerts];

    public string Prefix { get; } = prefix;

    public string Queue(string logical) => string.IsNullOrEmpty(Prefix) ? logical : $"{Prefix}-{logical}";

    public string Poison(string logical) => Queue(logical) + PoisonSuffix;

    public string FindingsTable => Prefix + "Findings";
    public string DashboardTable => Prefix + "Dashboard";
    public string RunsTable => Prefix + "Runs";
    public string LinkStatusTable => Prefix + "LinkStatus";
    public string AlertLogTable => Prefix + "AlertLog";

    /// <summary>Blob container of crawl checkpoints (lower-case: container naming rules).</summary>
    public string CrawlStateContainer => (Prefix + "crawlstate").ToLowerInvariant();

    /// <summary>Blob container of the sites' page content results, one gzip blob per site (lower-case: container naming rules).</summary>
    public string ContentPagesContainer => (Prefix + "contentpages").ToLowerInvariant();

    /// <summary>
    /// Content checks per page as written before 2026-12 (PK site id and shard, RK 32 hex chars of SHA-256 over the URL):
    /// no longer created or written (the page results are blobs, <see cref="ContentPagesContainer"/>); still read for
    /// sites not crawled since, and emptied site by site.
    /// </summary>
    public string PagesTable => Prefix + "Pages";

    /// <summary>Content checks per site (latest run): PK "site", RK site id.</summary>
    public string SiteContentTable => Prefix + "SiteContent";

    /// <summary>Coverage report summaries per county and report date (the trend): PK fylkesnummer, RK inverted date.</summary>
    public string ReportsTable => Prefix + "Reports";

    public IEnumerable<string> AllTables => [FindingsTable, DashboardTable, RunsTable, LinkStatusTable, AlertLogTable, SiteContentTable, ReportsTable];

    public IEnumerable<string> AllQueues => PipelineQueues.SelectMany(q => new[] { Queue(q), Poison(q) });
}
