using Lenkevakt.Findings;

namespace Lenkevakt.Crawling;

/// <summary>Findings about a crawled page itself (not its links).</summary>
public static class PageFindings
{
    /// <summary>
    /// <c>page-undecodable</c>: the page declares a charset that cannot be decoded (e.g. <c>utf-7</c>, which browsers
    /// refuse too). The page was read with the fallback encoding and its links are checked all the same.
    /// </summary>
    public static Finding Undecodable(string pageUrl, string charset)
    {
        var label = charset.Length > 40 ? charset[..40] + "…" : charset;
        return new Finding
        {
            Kind = FindingKind.PageUndecodable.Name,
            Severity = FindingKind.PageUndecodable.Severity,
            PageUrl = pageUrl,
            Status = "undecodable",
            Message = $"Siden oppgir tegnsettet «{label}», som nettlesere ikke kan lese. Besøkende kan få se feil tegn. Lagre siden som UTF-8 og oppgi charset=utf-8.",
            Evidence = $"charset={label}; read as UTF-8 or windows-1252 instead",
        };
    }
}
