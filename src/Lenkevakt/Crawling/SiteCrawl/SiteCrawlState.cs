using System.Collections.Concurrent;
using Lenkevakt.Checks;
using Lenkevakt.Findings;
using Lenkevakt.Sites;

namespace Lenkevakt.Crawling;

/// <summary>
/// Mutable state of one site crawl, shared by its workers and parts: what was fetched, every page's status and
/// anchors, the findings so far, and the records waiting for the next checkpoint flush. The frontier (what is
/// fetched next, and the page budget) is <see cref="Frontier"/>.
/// </summary>
internal sealed class SiteCrawlState(SiteDefinition site, UrlScope scope, AddressPolicy allowPrivate, string runId, IProgress<SiteProgress>? progress, CrawlFrontier frontier)
{
    public int PagesCrawledCount;
    public int PagesThisTimeCount;
    public int PagesFailedCount;
    public int LinksFoundCount;
    public int NotModifiedCount;
    private long lastReport;

    // Resolved hrefs that do not depend on the page's path ("/x", "https://…"), per scheme and host of the page.
    private readonly ConcurrentDictionary<string, LinkTarget> resolved = new(StringComparer.Ordinal);

    public SiteDefinition Site { get; } = site;

    public UrlScope Scope { get; } = scope;

    /// <summary>The site's address policy (which private targets it may reach).</summary>
    public AddressPolicy AllowPrivate { get; } = allowPrivate;

    /// <summary>Bounds on parsing one page (depth, elements, time).</summary>
    public HtmlLimits? HtmlLimits { get; init; }

    /// <summary>Crawler traps recognised among the candidates (the frontier consults it in admission order).</summary>
    public TrapDetector Traps { get; init; } = new();

    public string RunId { get; } = runId;

    public CrawlFrontier Frontier { get; } = frontier;

    /// <summary>URLs fetched (or restored from the checkpoint) in this run; a URL is fetched once.</summary>
    public ConcurrentDictionary<string, byte> Fetched { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, LinkStatus> PageStatuses { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, IReadOnlySet<string>> Anchors { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, Finding> Findings { get; } = new(StringComparer.Ordinal);

    /// <summary>SHA-256 of a parsed body → the page first parsed with it (later ones are aliases).</summary>
    public ConcurrentDictionary<string, string> ContentHashes { get; } = new(StringComparer.Ordinal);

    /// <summary>Per https origin: whether it answers at all (<see cref="HttpsTwinProbe"/>).</summary>
    public ConcurrentDictionary<string, Task<bool>> HttpsHosts { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>URLs fetched before this crawl resumed, until the replayed admission reaches them (<see cref="CheckpointReplay"/>).</summary>
    public ConcurrentDictionary<string, ReplayedPage> Replayed { get; } = new(StringComparer.Ordinal);

    /// <summary>Targets whose check was started (or that are excluded) while following links.</summary>
    public ConcurrentDictionary<string, byte> Followed { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Pages whose fetch failed transiently, set aside until the crawl's first pass is done (then processed with the
    /// outcome of their <see cref="PageProbes"/>), with the level they were admitted at.
    /// </summary>
    public ConcurrentQueue<(Uri Uri, int Depth)> TransientPages { get; } = new();

    /// <summary>
    /// The re-checks of <see cref="TransientPages"/> (<see cref="TransientRecheck"/>), started when the page failed and
    /// running while the crawl goes on, so the back-off is waited in the background, not by the crawl.
    /// </summary>
    public ConcurrentDictionary<string, Task<FetchResult>> PageProbes { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether resources (images, scripts, stylesheets, frames, …) are checked besides links (<see cref="CrawlOptions.CheckResources"/>).</summary>
    public bool CheckResources { get; init; } = true;

    /// <summary>The crawl's place in the engine: given up while the crawl only waits for re-checks (<see cref="SiteAdmission.SiteSlot.AsideWhileAsync"/>).</summary>
    public SiteAdmission.SiteSlot? Slot { get; init; }

    /// <summary>Whether <see cref="PageStep"/> sets transient page failures aside (false once they are processed: then they are recorded).</summary>
    public bool DeferTransientPages { get; set; } = true;

    /// <summary>Resource URLs (images, scripts, …) whose check was started.</summary>
    public ConcurrentDictionary<string, byte> Resources { get; } = new(StringComparer.Ordinal);

    /// <summary>The site's "not found" page when it answers 200 (<see cref="NotFoundProbe"/>).</summary>
    public NotFoundFingerprint? NotFound { get; set; }

    public ConcurrentQueue<PageRecord> PendingRecords { get; } = new();

    public PreviousRun? Previous { get; set; }

    public LinkSpool? Spool { get; set; }

    public DateTimeOffset? Deadline { get; init; }

    public bool StoppedEarly { get; set; }

    public int MaxPageBytes { get; init; }

    public int LinksChecked { get; set; }

    public int PagesThisTime => Volatile.Read(ref PagesThisTimeCount);

    public int PagesCrawled => Volatile.Read(ref PagesCrawledCount);

    public int PagesFailed => Volatile.Read(ref PagesFailedCount);

    public int LinksFound => Volatile.Read(ref LinksFoundCount);

    /// <summary>Queues a record for the next checkpoint flush.</summary>
    public void Record(PageRecord record) => PendingRecords.Enqueue(record);

    public void Add(Finding finding) => Findings.TryAdd(finding.Id, finding);

    public Finding PageTooLargeFinding(string pageUrl) => new()
    {
        Kind = FindingKind.PageTooLarge.Name,
        Severity = FindingKind.PageTooLarge.Severity,
        PageUrl = pageUrl,
        Status = "truncated",
        Message = FindingMessages.PageTooLarge(MaxPageBytes),
    };

    /// <summary><see cref="LinkTarget.Resolve"/>, remembered for hrefs that mean the same on every page of a host (menus, footers).</summary>
    public LinkTarget Resolve(Uri baseUri, string href)
    {
        var absolute = href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        var rooted = href.Length > 1 && href[0] == '/' && href[1] != '/' && href[1] != '\\';
        if (!absolute && !rooted)
        {
            return LinkTarget.Resolve(baseUri, href);
        }

        var key = absolute ? href : baseUri.Scheme + "://" + baseUri.Authority + "\n" + href;
        if (resolved.TryGetValue(key, out var target))
        {
            return target;
        }

        target = LinkTarget.Resolve(baseUri, href);
        if (resolved.Count < 200_000)
        {
            resolved.TryAdd(key, target);
        }

        return target;
    }

    public void ReportProgress()
    {
        var now = Environment.TickCount64;
        if (progress is not null && now - Interlocked.Read(ref lastReport) > 200)
        {
            Interlocked.Exchange(ref lastReport, now);
            progress.Report(new SiteProgress(Site.Id, "crawling", PagesCrawled, LinksFound, Findings.Count));
        }
    }
}
