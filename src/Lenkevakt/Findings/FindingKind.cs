namespace Lenkevakt.Findings;

/// <summary>
/// Every kind of finding, with its stable wire name (used in storage, exports and alerts), default severity,
/// and the Norwegian title editors see. Add kinds here; never rename a wire name.
/// </summary>
public sealed record FindingKind(string Name, Severity Severity, string TitleNb, string TitleEn)
{
    public static readonly FindingKind BrokenLink = new("broken-link", Severity.Error, "Lenken virker ikke", "Broken link");
    public static readonly FindingKind GoneLink = new("gone-link", Severity.Error, "Lenken peker til en side som er fjernet", "Link to a removed page (410)");
    public static readonly FindingKind ServerError = new("server-error", Severity.Error, "Siden lenken peker til, svarer med serverfeil", "Link target answers with a server error");
    public static readonly FindingKind ConnectionError = new("connection-error", Severity.Error, "Fikk ikke kontakt med nettstedet lenken peker til", "Could not connect to the link target");
    public static readonly FindingKind DnsError = new("dns-error", Severity.Error, "Domenenavnet i lenken finnes ikke", "Link host does not resolve (DNS)");
    public static readonly FindingKind ConnectionRefused = new("connection-refused", Severity.Error, "Nettstedet lenken peker til, avviser tilkoblingen", "Connection refused");
    public static readonly FindingKind TlsError = new("tls-error", Severity.Error, "Sikker tilkobling (https) til lenkemålet feiler", "TLS/certificate error");
    public static readonly FindingKind Timeout = new("timeout", Severity.Warning, "Siden lenken peker til, svarte ikke i tide", "Link target timed out");
    public static readonly FindingKind Redirect = new("redirect", Severity.Warning, "Lenken er flyttet permanent – oppdater lenken", "Permanent redirect: update the link");
    public static readonly FindingKind TemporaryRedirect = new("temporary-redirect", Severity.Info, "Lenken sendes videre (midlertidig)", "Temporary redirect");
    public static readonly FindingKind RedirectChain = new("redirect-chain", Severity.Warning, "Lenken går via flere omdirigeringer", "Redirect chain");
    public static readonly FindingKind RedirectLoop = new("redirect-loop", Severity.Error, "Lenken havner i en evig omdirigering", "Redirect loop");
    public static readonly FindingKind RedirectInvalid = new("redirect-invalid", Severity.Error, "Lenken sender videre til en ugyldig adresse", "Redirect to an invalid or non-web address");
    public static readonly FindingKind FragmentMissing = new("fragment-missing", Severity.Warning, "Lenken peker til et avsnitt (#) som ikke finnes på siden", "Missing #fragment target");
    public static readonly FindingKind FileLink = new("file-link", Severity.Error, "Lenken peker til en fil på en lokal datamaskin (file:)", "Link to a local file (file:)");
    public static readonly FindingKind MailtoInvalid = new("mailto-invalid", Severity.Error, "E-postlenken har en ugyldig adresse", "Malformed mailto: link");
    public static readonly FindingKind TelInvalid = new("tel-invalid", Severity.Error, "Telefonlenken har et ugyldig nummer", "Malformed tel: link");
    public static readonly FindingKind InsecureLink = new("insecure-link", Severity.Warning, "Lenken bruker http: selv om https: virker", "http: link where https: works");
    public static readonly FindingKind Soft404 = new("soft-404", Severity.Error, "Lenken peker til en «finnes ikke»-side", "Soft 404");
    public static readonly FindingKind BlockedAddress = new("blocked-address", Severity.Warning, "Lenken peker til en intern eller privat adresse", "Link to a private address");
    public static readonly FindingKind UnsupportedLink = new("unsupported-link", Severity.Info, "Lenken har et format som ikke kan sjekkes", "Unsupported or malformed link");
    public static readonly FindingKind MalformedLink = new("malformed-link", Severity.Error, "Lenken har en ugyldig adresse", "Malformed URL");
    public static readonly FindingKind RateLimited = new("rate-limited", Severity.Warning, "Nettstedet begrenser antall forespørsler", "Rate limited (429)");
    public static readonly FindingKind RedirectWithoutTarget = new("redirect-without-target", Severity.Error, "Lenken sender videre uten å si hvor", "Redirect without Location");
    public static readonly FindingKind EmptyResourceLink = new("empty-resource-link", Severity.Warning, "Ressursen har en tom adresse", "Empty src/href on a resource");
    public static readonly FindingKind RobotsUnreachable = new("robots-unreachable", Severity.Error, "robots.txt kunne ikke hentes, så nettstedet ble ikke sjekket", "robots.txt unreachable: complete disallow assumed");
    public static readonly FindingKind SiteUnreachable = new("site-unreachable", Severity.Error, "Nettstedet kunne ikke nås", "Site unreachable");
    public static readonly FindingKind PageTooComplex = new("page-too-complex", Severity.Warning, "Siden er for kompleks til å sjekkes helt", "Page too deeply nested or too slow to parse");
    public static readonly FindingKind CrawlDelayCapped = new("crawl-delay-capped", Severity.Info, "Nettstedet ber om lengre pause mellom besøk enn Lenkevakt venter", "Crawl-delay above the honoured maximum");
    public static readonly FindingKind CrawlerTrap = new("crawler-trap", Severity.Info, "Nettstedet har lenker som aldri tar slutt (robotfelle)", "Crawler trap detected");
    public static readonly FindingKind PageTooLarge = new("page-too-large", Severity.Warning, "Siden er for stor til å sjekkes helt", "Page over the size cap");
    public static readonly FindingKind PageUndecodable = new("page-undecodable", Severity.Warning, "Siden oppgir et tegnsett som ikke kan leses", "Page declares a charset that cannot be decoded");

    private static readonly Dictionary<string, FindingKind> ByName = new(StringComparer.Ordinal);

    static FindingKind()
    {
        foreach (var field in typeof(FindingKind).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
        {
            if (field.GetValue(null) is FindingKind k)
            {
                ByName[k.Name] = k;
            }
        }
    }

    public static IReadOnlyCollection<FindingKind> All => ByName.Values;

    /// <summary>Registers a kind defined elsewhere (e.g. content rules) so it can be looked up by name.</summary>
    public static FindingKind Register(FindingKind kind)
    {
        lock (ByName)
        {
            ByName.TryAdd(kind.Name, kind);
        }

        return kind;
    }

    public static FindingKind? Find(string name)
    {
        lock (ByName)
        {
            return ByName.GetValueOrDefault(name);
        }
    }

    public override string ToString() => Name;
}
