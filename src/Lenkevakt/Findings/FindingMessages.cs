namespace Lenkevakt.Findings;

/// <summary>
/// The Norwegian (bokmål) texts of findings raised by the crawl itself, beside <see cref="FindingKind"/>.
/// Editors read these; keep them short, concrete and free of jargon.
/// </summary>
public static class FindingMessages
{
    /// <summary><see cref="FindingKind.SiteUnreachable"/>: the start page could not be crawled.</summary>
    public static string SiteUnreachable(string siteName, Uri start, UnreachableReason reason, int? statusCode) =>
        $"Nettstedet {siteName} kunne ikke sjekkes: startsiden {start} " + reason switch
        {
            UnreachableReason.ErrorStatus => $"svarer med feil ({statusCode}).",
            UnreachableReason.Dns => "har et domenenavn som ikke finnes (DNS).",
            UnreachableReason.ConnectionFailed => "svarer ikke (tilkoblingen feilet).",
            UnreachableReason.Timeout => "svarte ikke i tide.",
            UnreachableReason.RedirectLoop => "sender besøkende i en evig omdirigering.",
            UnreachableReason.Blocked => "har en privat eller intern adresse som ikke skal sjekkes.",
            UnreachableReason.Excluded => "er stengt for roboter (robots.txt) eller utelatt i oppsettet.",
            _ => "er ikke en HTML-side.",
        };

    /// <summary><see cref="FindingKind.PageTooLarge"/>: only the first <paramref name="maxPageBytes"/> were checked.</summary>
    public static string PageTooLarge(int maxPageBytes) =>
        $"Siden er større enn {maxPageBytes / (1024 * 1024)} MB. Bare begynnelsen er sjekket; store sider er også tunge å åpne på mobil.";
}
