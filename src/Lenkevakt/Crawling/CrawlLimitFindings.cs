using Lenkevakt.Findings;

namespace Lenkevakt.Crawling;

/// <summary>The findings that say a crawl bound was applied to a site or page, with the Norwegian texts editors read.</summary>
public static class CrawlLimitFindings
{
    public static Finding PageTooComplex(string pageUrl, string why) => new()
    {
        Kind = FindingKind.PageTooComplex.Name,
        Severity = FindingKind.PageTooComplex.Severity,
        PageUrl = pageUrl,
        Status = "too-complex",
        Message = $"Siden er bare sjekket delvis: {why}. Lenkene i den første delen av siden er sjekket. Så tung kode gjør også siden treg å åpne.",
    };

    public static Finding CrawlDelayCapped(string pageUrl, TimeSpan asked, TimeSpan honoured) => new()
    {
        Kind = FindingKind.CrawlDelayCapped.Name,
        Severity = FindingKind.CrawlDelayCapped.Severity,
        PageUrl = pageUrl,
        Target = "/robots.txt",
        Status = "crawl-delay",
        Message = $"robots.txt ber om {Seconds(asked)} mellom hvert besøk (Crawl-delay). Lenkevakt venter høyst {Seconds(honoured)}, ellers ville sjekken av nettstedet ikke blitt ferdig om natten.",
    };

    public static Finding CrawlerTrap(string siteUrl, TrapReport trap) => new()
    {
        Kind = FindingKind.CrawlerTrap.Name,
        Severity = FindingKind.CrawlerTrap.Severity,
        PageUrl = siteUrl,
        Target = trap.Pattern,
        Status = "trap",
        Evidence = trap.Example,
        Message = $"Lenker som {trap.Example} følges ikke videre: {trap.Why}. Slike lenker (uendelige kalendere, sidetall eller mapper som gjentar seg) gir ingen nye sider; de er sjekket som lenker.",
    };

    /// <summary>robots.txt answered 5xx or 429 (also on the re-checks): RFC 9309 says assume complete disallow, so nothing was crawled.</summary>
    public static Finding RobotsUnreachable(string siteUrl, Checks.LinkStatus cause) => new()
    {
        Kind = FindingKind.RobotsUnreachable.Name,
        Severity = FindingKind.RobotsUnreachable.Severity,
        PageUrl = siteUrl,
        Target = "/robots.txt",
        StatusCode = cause.StatusCode,
        Status = cause.ToString(),
        Message = $"Filen robots.txt svarte med feil ({cause.StatusCode}), også ved nye forsøk. Da skal en robot anta at ingenting på nettstedet kan hentes, så sidene ble ikke sjekket i denne kjøringen. Sørg for at robots.txt svarer (eller gir 404 om den ikke finnes).",
    };

    private static string Seconds(TimeSpan t) => t.TotalSeconds >= 100 ? $"{t.TotalSeconds:N0} sekunder" : $"{t.TotalSeconds:0.#} sekunder";
}
