using System.ComponentModel.DataAnnotations;

namespace Lenkevakt.Crawling;

/// <summary>Crawler and link-checker limits and politeness. Bound from <c>Lenkevakt:Crawl</c>.</summary>
public sealed class CrawlOptions : IValidatableObject
{
    public const string Section = "Lenkevakt:Crawl";

    /// <summary>Product token sent as User-Agent and matched in robots.txt. Default <c>Lenkevakt</c>.</summary>
    [Required]
    public string UserAgentProduct { get; set; } = "Lenkevakt";

    /// <summary>Contact URL in the User-Agent so site owners can reach the operator. Default the project page.</summary>
    [Required]
    public string ContactUrl { get; set; } = "https://github.com/lenkevakt/lenkevakt";

    /// <summary>Largest page body read, in bytes; larger pages are checked up to the cap and reported. Default 5 MiB.</summary>
    [Range(64 * 1024, 256 * 1024 * 1024)]
    public int MaxPageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Redirect hops followed before a link counts as a redirect loop. Default 10.</summary>
    [Range(1, 50)]
    public int MaxRedirects { get; set; } = 10;

    /// <summary>Redirect hops above which a redirect is reported as a chain. Default 1 (two hops or more is a chain).</summary>
    [Range(1, 20)]
    public int RedirectChainThreshold { get; set; } = 1;

    /// <summary>Timeout of one HTTP attempt. Default 20 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Timeout of one request including retries. Default 60 s.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Deadline for one whole response (headers and body) of each request and redirect hop: pages, robots.txt, sitemaps
    /// and link checks. The attempt and total timeouts above cover only the headers. Default 60 s.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest robots.txt <c>Crawl-delay</c> honoured; a site asking for more is told so in a site finding. Default 10 s.</summary>
    public TimeSpan MaxCrawlDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Deepest element nesting parsed (HTML parsers are quadratic in it: 20 000 nested &lt;div&gt; took 1.5 s, 80 000 over
    /// 20 s). A page nested deeper is parsed up to that point and reported as <c>page-too-complex</c>. Browsers flatten
    /// beyond 512. Default 1 000.
    /// </summary>
    [Range(64, 100_000)]
    public int MaxHtmlDepth { get; set; } = 1_000;

    /// <summary>Most elements parsed on one page; the rest of a page with more is not parsed (<c>page-too-complex</c>). Default 150 000.</summary>
    [Range(1_000, 10_000_000)]
    public int MaxHtmlElements { get; set; } = 150_000;

    /// <summary>
    /// Time one page's HTML parse may take before it is stopped (<c>page-too-complex</c>): a last resort behind the
    /// depth and element limits, which bound the parse deterministically. Generous, so that a busy machine never cuts
    /// an ordinary page (the findings must not depend on load). Default 30 s.
    /// </summary>
    public TimeSpan MaxParseTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of transient failures (408, 429, 5xx, connection errors), with exponential backoff and jitter. Default 2.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>Base delay of the retry backoff. Default 300 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Longest Retry-After honoured; a longer one is treated as a failure. Default 30 s.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Network failures (timeouts, refused/reset connections) in 30 s before a host's circuit opens (80 % failing). Default 10.</summary>
    [Range(2, 1000)]
    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    /// <summary>How long an open circuit refuses requests to its host before trying again. Default 30 s.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Concurrent requests per host (and pages in flight per site). Default 4.</summary>
    [Range(1, 256)]
    public int HostConcurrency { get; set; } = 4;

    /// <summary>Minimum time between the starts of two requests to one host; robots.txt crawl-delay raises it. Default 100 ms.</summary>
    public TimeSpan HostMinInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Concurrent link checks across all hosts in one process. Default 32.</summary>
    [Range(1, 1024)]
    public int LinkCheckConcurrency { get; set; } = 32;

    /// <summary>
    /// Most site crawls in progress at once in one process (<see cref="SiteAdmission"/>): the crawl engine keeps every
    /// host busy up to its own politeness limit, and this, <see cref="MaxRequestsInFlight"/>, <see cref="MaxParallelParses"/>
    /// and <see cref="MemoryBudgetMb"/> bound the process. Default 64 (48 until 2026-12-04): with the starts spaced by
    /// <see cref="SiteStartInterval"/>, 64 kept the processor busiest on the national bench (357 sites, median of three:
    /// 307 s and 836 MB peak, against 346 s and 964 MB with 48 and no spacing; 80 sites: 342 s, one run; 96 without
    /// spacing: 378 s and 1.1 GB). Every site in progress costs a few MB.
    /// </summary>
    [Range(1, 4096)]
    public int MaxSitesInFlight { get; set; } = 64;

    /// <summary>
    /// Least time between two new site crawls starting in one process (<see cref="SiteAdmission"/>; sites coming back
    /// from a wait and the first site are not held). Spreads the start of the sites in flight, so they do not fetch,
    /// parse and then wait for their links all at the same time (the national bench moved in such waves: the processor
    /// idled in every second phase). 0: no spacing. Default 0.5 s: the national bench needs about one new site a second,
    /// so the spacing only shapes the start (64 sites over 32 s instead of at once) and the waves after it.
    /// </summary>
    public TimeSpan SiteStartInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The name of <see cref="MaxSitesInFlight"/> before the crawl engine (kept for existing configuration): when set, it wins.</summary>
    [Range(1, 4096)]
    public int? SiteConcurrency
    {
        get => null;
        set
        {
            if (value is { } sites)
            {
                MaxSitesInFlight = sites;
            }
        }
    }

    /// <summary>Requests in flight at once in one process, across all hosts (pages, link checks, robots.txt, sitemaps). Default 128.</summary>
    [Range(1, 4096)]
    public int MaxRequestsInFlight { get; set; } = 128;

    /// <summary>Pages decoded, parsed and analysed at once in one process (<see cref="ParseGate"/>). 0: the number of processors (default).</summary>
    [Range(0, 256)]
    public int MaxParallelParses { get; set; }

    /// <summary>Pages fetched and not yet parsed, at most, in one process (<see cref="ParseGate"/>). 0: 32 per parse slot (default; 16 until 2026-12-04: 357 sites took 371 s with 16, 321 s with 32, one run each).</summary>
    [Range(0, 65536)]
    public int MaxPagesInHand { get; set; }

    /// <summary>
    /// New sites start only while the process's managed heap is below this many MiB (the first site always starts).
    /// The state of a site in progress is small (its link occurrences and page records are on disk, see
    /// <see cref="LinkSpool"/>), so this is a safety bound, not the usual limit. Default 600.
    /// </summary>
    [Range(64, 1_048_576)]
    public int MemoryBudgetMb { get; set; } = 600;

    /// <summary>Status codes counted as OK besides 2xx, e.g. "403" for sites that refuse robots. Comma list of codes or ranges.</summary>
    public string AcceptedStatusCodes { get; set; } = "200-299";

    /// <summary>Regular expressions for URLs never crawled or checked (added to each site's own list).</summary>
    public List<string> Exclude { get; set; } = [];

    /// <summary>
    /// Allow-private mode for every site (the CLI's <c>--allow-private</c>): loopback targets, and the site's own hosts
    /// (start URLs, allowedHosts, internalHosts) wherever they resolve. Other private and link-local targets stay
    /// refused (see <see cref="AddressPolicy"/>). Default false.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>
    /// Host names (or IP literals) that may be fetched although they resolve to a private address (RFC 1918, CGNAT
    /// 100.64/10, ULA fc00::/7), for every site and with or without allow-private: an intranet host that pages link to.
    /// Exact names, no wildcards, no ports. Never opens loopback, link-local or cloud-metadata addresses. Default: none.
    /// </summary>
    public List<string> PrivateHosts { get; set; } = [];

    /// <summary>
    /// An HTTP proxy (<c>http://host:port</c>) for all crawler traffic. Without it no proxy is used, whatever
    /// HTTP_PROXY/HTTPS_PROXY say. With it every target is resolved and checked against the address policy before
    /// the request is sent (the proxy itself is not checked). Default: none.
    /// </summary>
    public Uri? Proxy { get; set; }

    /// <summary>
    /// PEM files of extra certificate authorities to trust for https (an internal CA of a municipality's intranet, or a
    /// test CA). Certificates that chain to one of them are accepted; the host name must still match. Default: none.
    /// </summary>
    public List<string> TrustedCertificateFiles { get; set; } = [];

    /// <summary>
    /// Crawl time per message before the crawl checkpoints and continues in a new message (keep it well under the
    /// Functions timeout). Zero: no budget (the CLI default).
    /// </summary>
    public TimeSpan TimeBudget { get; set; } = TimeSpan.Zero;

    /// <summary>Share link statuses between workers through the LinkStatus table. Default true.</summary>
    public bool SharedLinkCache { get; set; } = true;

    /// <summary>How long a successful external link's status is reused by later runs. Default 24 hours; failures are always rechecked.</summary>
    public TimeSpan ExternalLinkTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often crawl progress is checkpointed to storage. Default 5 s.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many times a transient failure (timeout, connection error, 5xx, 429) is checked again later in the same run
    /// before it becomes a finding (<see cref="TransientRecheck"/>). Default 2; 0 reports the first failure.
    /// </summary>
    public int TransientRechecks { get; set; } = 2;

    /// <summary>
    /// Wait before the first re-check of a transient failure, counted from the failure; doubled for each further one.
    /// Default 2 s (re-checks 2 s and 6 s after the failure, on top of the HTTP client's own quick retries; lychee waits
    /// 1 s, doubling, by default). The re-checks run in the background, so the wait costs a crawl only when a failure
    /// comes at its very end (docs/benchmarks.md).
    /// </summary>
    public TimeSpan TransientRecheckDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Check <c>#fragments</c> of links to pages that are not crawled (external pages): the page is fetched and its
    /// ids and names read. Off by default (it costs a GET per such page), as in lychee and linkinator.
    /// </summary>
    public bool CheckExternalFragments { get; set; }

    /// <summary>
    /// Check what a browser loads by itself from a page (images, srcset candidates, scripts, stylesheets, icons, frames,
    /// embeds, media, GET forms, meta refresh, Open Graph URLs) besides the links a visitor follows. Default on; off
    /// checks only <c>a[href]</c> and <c>area[href]</c>, as the peers do by default.
    /// </summary>
    public bool CheckResources { get; set; } = true;

    public string UserAgent => $"{UserAgentProduct}/1.0 (+{ContactUrl})";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var host in PrivateHosts)
        {
            if (string.IsNullOrWhiteSpace(host) || Uri.CheckHostName(host.Trim('[', ']')) == UriHostNameType.Unknown)
            {
                yield return new ValidationResult($"PrivateHosts: '{host}' is not a host name or IP address (no scheme, port, path or wildcard).", [nameof(PrivateHosts)]);
            }
            else if (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var ip) && AddressGuard.Classify(ip) != AddressClass.Private)
            {
                yield return new ValidationResult($"PrivateHosts: '{host}' is not a private (RFC 1918, CGNAT, ULA) address; loopback and link-local cannot be opened this way.", [nameof(PrivateHosts)]);
            }
        }

        if (Proxy is { } proxy && (!proxy.IsAbsoluteUri || proxy.Scheme != Uri.UriSchemeHttp || proxy.AbsolutePath != "/" || proxy.UserInfo.Length > 0))
        {
            yield return new ValidationResult($"Proxy: '{proxy}' must be http://host:port (no path, no credentials).", [nameof(Proxy)]);
        }
    }
}
