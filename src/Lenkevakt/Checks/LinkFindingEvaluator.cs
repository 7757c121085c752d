using Lenkevakt.Findings;

namespace Lenkevakt.Checks;

/// <summary>A link occurrence on a page, with everything needed to judge it.</summary>
/// <param name="Role">What the URL is for (a link, an image, a script, …).</param>
/// <param name="Element">The element it was found on (<c>a</c>, <c>img</c>, <c>meta</c>, …).</param>
/// <param name="Attribute">The attribute it was found in (<c>href</c>, <c>src</c>, <c>srcset</c>, <c>content</c>, …).</param>
public sealed record LinkOccurrence(string PageUrl, string Href, string Text, int Line, LinkTarget Target, bool IsInternal, LinkRole Role = LinkRole.Link, string Element = "a", string Attribute = "href");

/// <summary>Turns a link occurrence and its target's status into at most one finding, with a plain Norwegian message.</summary>
public static class LinkFindingEvaluator
{
    public static Finding? Evaluate(LinkOccurrence link, LinkStatus? status, int redirectChainThreshold)
    {
        if (link.Role.IsResource() && link.Role != LinkRole.FormAction && link.Href.Trim().Length == 0)
        {
            // src="" / href="": the browser requests the page itself again (and an image or script from it fails).
            return Make(link, FindingKind.EmptyResourceLink, null, "empty",
                $"{Subject(link)} har en tom adresse ({link.Element} {link.Attribute}=\"\"). Nettleseren henter da siden selv på nytt. Fjern elementet eller fyll inn adressen.");
        }

        switch (link.Target.Kind)
        {
            case LinkTargetKind.File:
                return Make(link, FindingKind.FileLink, null, "file", $"{Subject(link)} peker til en fil på en lokal PC eller et internt nettverk ({link.Href}). Besøkende kan ikke åpne den. Last opp filen til nettstedet og lenk til den der.");
            case LinkTargetKind.Mailto:
                return SchemeLinkValidator.ValidateMailto(link.Href) is { } mailProblem
                    ? Make(link, FindingKind.MailtoInvalid, null, "invalid", $"E-postlenken «{link.Text}» virker ikke: {mailProblem}.")
                    : null;
            case LinkTargetKind.Tel:
                return SchemeLinkValidator.ValidateTel(link.Href) is { } telProblem
                    ? Make(link, FindingKind.TelInvalid, null, "invalid", $"Telefonlenken «{link.Text}» virker ikke: {telProblem}.")
                    : null;
            case LinkTargetKind.Ignored:
                return null;
            case LinkTargetKind.Malformed:
                return Make(link, FindingKind.MalformedLink, null, "malformed", $"{Subject(link)} har en ugyldig adresse ({link.Href}). Nettleseren kan ikke åpne den. Rett adressen.");
            case LinkTargetKind.Unsupported:
                return Make(link, FindingKind.UnsupportedLink, null, "unsupported", $"{Subject(link)} ({link.Href}) har et format som ikke kan sjekkes.");
        }

        if (status is null)
        {
            return null;
        }

        var chainText = status.Chain.Count > 0 ? string.Join(" → ", status.Chain.Select(h => $"{h.Url} ({h.StatusCode})")) + $" → {status.FinalUrl}" : null;
        switch (status.State)
        {
            case LinkState.Broken:
                var code = status.StatusCode ?? 0;
                var (kind, what) = code switch
                {
                    410 => (FindingKind.GoneLink, "siden er fjernet (410 Gone)"),
                    404 => (FindingKind.BrokenLink, "siden finnes ikke (404 Not Found)"),
                    >= 500 => (FindingKind.ServerError, $"nettstedet svarer med serverfeil ({code})"),
                    _ => (FindingKind.BrokenLink, $"siden svarer med feil ({code})"),
                };
                return Make(link, kind, code, status.ToString(), $"{Subject(link)} virker ikke: {what}.", chainText);
            case LinkState.Timeout:
                return Make(link, FindingKind.Timeout, null, "timeout", $"{Subject(link)} svarte ikke i tide. Sjekk om nettstedet den peker til, er nede.");
            case LinkState.Error:
                var reason = status.Error switch
                {
                    LinkErrorKind.Dns => "domenenavnet finnes ikke (DNS)",
                    LinkErrorKind.ConnectionRefused => "serveren avviste tilkoblingen",
                    LinkErrorKind.Tls => "sikker tilkobling (TLS/sertifikat) feilet",
                    LinkErrorKind.ConnectionReset => "tilkoblingen ble brutt",
                    LinkErrorKind.Protocol => "serveren svarte ikke med gyldig HTTP",
                    LinkErrorKind.HostDown => "nettstedet svarte ikke på gjentatte forsøk",
                    _ => "nettverksfeil",
                };
                var errorKind = status.Error switch
                {
                    LinkErrorKind.Dns => FindingKind.DnsError,
                    LinkErrorKind.ConnectionRefused => FindingKind.ConnectionRefused,
                    LinkErrorKind.Tls => FindingKind.TlsError,
                    _ => FindingKind.ConnectionError,
                };
                return Make(link, errorKind, null, $"error {status.Error}", $"{Subject(link)} virker ikke: {reason}.", status.Detail);
            case LinkState.RedirectLoop:
                return Make(link, FindingKind.RedirectLoop, status.StatusCode, "redirect-loop", $"{Subject(link)} sender besøkende i ring ({status.Detail}). Siden kan ikke åpnes.", chainText);
            case LinkState.RedirectInvalid:
                return Make(link, FindingKind.RedirectInvalid, status.StatusCode, "redirect-invalid", $"{Subject(link)} sender besøkende videre til en adresse som ikke kan åpnes: {status.Detail}.", chainText);
            case LinkState.Soft404:
                return Make(link, FindingKind.Soft404, status.StatusCode, "soft-404",
                    $"{Subject(link)} ser ut til å virke, men viser nettstedets «finnes ikke»-side.", status.Detail);
            case LinkState.Blocked:
                return Make(link, FindingKind.BlockedAddress, null, "blocked", $"{Subject(link)} peker til en intern eller privat adresse som besøkende ikke kan nå.", status.Detail);
            case LinkState.Unsupported:
                return Make(link, FindingKind.UnsupportedLink, null, "unsupported", $"{Subject(link)} kan ikke sjekkes: {status.Detail}.");
            case LinkState.RateLimited:
                return Make(link, FindingKind.RateLimited, status.StatusCode, "rate-limited",
                    $"{Subject(link)} kunne ikke sjekkes: nettstedet begrenser antall forespørsler (429), også ved nytt forsøk senere i kjøringen.", status.Detail);
            case LinkState.RedirectWithoutTarget:
                return Make(link, FindingKind.RedirectWithoutTarget, status.StatusCode, "redirect-without-target",
                    $"{Subject(link)} svarer med en omdirigering ({status.StatusCode}) uten å si hvor, så besøkende kommer ingen vei.", chainText);
            case LinkState.Redirected:
                if (status.Chain.Count > redirectChainThreshold)
                {
                    return Make(link, FindingKind.RedirectChain, status.StatusCode, status.ToString(),
                        $"{Subject(link)} går via {status.Chain.Count} omdirigeringer før den kommer fram. Lenk direkte til {status.FinalUrl}.", chainText);
                }

                return status.IsPermanentRedirect
                    ? Make(link, FindingKind.Redirect, status.StatusCode, status.ToString(), $"{Subject(link)} er flyttet permanent. Oppdater lenken til {status.FinalUrl}.", chainText)
                    : Make(link, FindingKind.TemporaryRedirect, status.StatusCode, status.ToString(), $"{Subject(link)} sendes midlertidig videre til {status.FinalUrl}.", chainText);
            default:
                return null;
        }
    }

    /// <summary>An http: link whose https: twin answers: editors should link to the secure address.</summary>
    public static Finding InsecureLink(LinkOccurrence link, string httpsUrl) =>
        Make(link, FindingKind.InsecureLink, null, "insecure",
            $"{Subject(link)} bruker usikker http:, men siden finnes på {httpsUrl}. Oppdater lenken til https.", null);

    /// <summary>A missing #fragment: the target page answered but has no element with that id or name.</summary>
    public static Finding FragmentMissing(LinkOccurrence link, string fragment) =>
        Make(link, FindingKind.FragmentMissing, null, "fragment-missing",
            $"{Subject(link)} peker til avsnittet «#{fragment}», men det finnes ikke på siden. Besøkende havner øverst på siden i stedet.",
            null, targetOverride: link.Target.Target + "#" + link.Target.Fragment);

    private static string Subject(LinkOccurrence link) => link.Role.Subject(link.Text, link.Href);

    private static Finding Make(LinkOccurrence link, FindingKind kind, int? code, string status, string message, string? evidence = null, string? targetOverride = null) => new()
    {
        Kind = kind.Name,
        Severity = link.Role.SeverityFor(kind.Severity),
        PageUrl = link.PageUrl,
        Target = targetOverride ?? (link.Target.Kind == LinkTargetKind.Http ? link.Target.Target : link.Href),
        StatusCode = code,
        Status = status,
        Message = message,
        Evidence = link.Role.IsResource()
            ? $"<{link.Element} {link.Attribute}>" + (evidence is null ? "" : $"; {evidence}")
            : evidence ?? (link.Text.Length > 0 ? $"Lenketekst: «{link.Text}»" : null),
        Scope = link.Target.Kind == LinkTargetKind.Http ? (link.IsInternal ? "internal" : "external") : null,
        Location = link.Line > 0 ? $"linje {link.Line}" : null,
    };
}
