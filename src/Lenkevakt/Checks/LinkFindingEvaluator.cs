using Lenkevakt.Findings;

namespace Lenkevakt.Checks;

/// <summary>A link occurrence on a page, with everything needed to judge it.</summary>
public sealed record LinkOccurrence(string PageUrl, string Href, string Text, int Line, LinkTarget Target, bool IsInternal);

/// <summary>Turns a link occurrence and its target's status into at most one finding, with a plain Norwegian message.</summary>
public static class LinkFindingEvaluator
{
    public static Finding? Evaluate(LinkOccurrence link, LinkStatus? status, int redirectChainThreshold)
    {
        switch (link.Target.Kind)
        {
            case LinkTargetKind.File:
                return Make(link, FindingKind.FileLink, null, "file", $"Lenken «{link.Text}» peker til en fil på en lokal PC eller et internt nettverk ({link.Href}). Besøkende kan ikke åpne den. Last opp filen til nettstedet og lenk til den der.");
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
            case LinkTargetKind.Unsupported:
                return Make(link, FindingKind.UnsupportedLink, null, "unsupported", $"Lenken «{link.Text}» ({link.Href}) har et format som ikke kan sjekkes.");
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
                return Make(link, kind, code, status.ToString(), $"Lenken «{link.Text}» virker ikke: {what}.", chainText);
            case LinkState.Timeout:
                return Make(link, FindingKind.Timeout, null, "timeout", $"Lenken «{link.Text}» svarte ikke i tide. Sjekk om nettstedet den peker til, er nede.");
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
                return Make(link, errorKind, null, $"error {status.Error}", $"Lenken «{link.Text}» virker ikke: {reason}.", status.Detail);
            case LinkState.RedirectLoop:
                return Make(link, FindingKind.RedirectLoop, status.StatusCode, "redirect-loop", $"Lenken «{link.Text}» sender besøkende i ring ({status.Detail}). Siden kan ikke åpnes.", chainText);
            case LinkState.RedirectInvalid:
                return Make(link, FindingKind.RedirectInvalid, status.StatusCode, "redirect-invalid", $"Lenken «{link.Text}» sender besøkende videre til en adresse som ikke kan åpnes: {status.Detail}.", chainText);
            case LinkState.Soft404:
                return Make(link, FindingKind.Soft404, status.StatusCode, "soft-404",
                    $"Lenken «{link.Text}» ser ut til å virke, men viser nettstedets «finnes ikke»-side.", status.Detail);
            case LinkState.Blocked:
                return Make(link, FindingKind.BlockedAddress, null, "blocked", $"Lenken «{link.Text}» peker til en intern eller privat adresse som besøkende ikke kan nå.", status.Detail);
            case LinkState.Unsupported:
                return Make(link, FindingKind.UnsupportedLink, null, "unsupported", $"Lenken «{link.Text}» kan ikke sjekkes: {status.Detail}.");
            case LinkState.Redirected:
                if (status.Chain.Count > redirectChainThreshold)
                {
                    return Make(link, FindingKind.RedirectChain, status.StatusCode, status.ToString(),
                        $"Lenken «{link.Text}» går via {status.Chain.Count} omdirigeringer før den kommer fram. Lenk direkte til {status.FinalUrl}.", chainText);
                }

                return status.IsPermanentRedirect
                    ? Make(link, FindingKind.Redirect, status.StatusCode, status.ToString(), $"Lenken «{link.Text}» er flyttet permanent. Oppdater lenken til {status.FinalUrl}.", chainText)
                    : Make(link, FindingKind.TemporaryRedirect, status.StatusCode, status.ToString(), $"Lenken «{link.Text}» sendes midlertidig videre til {status.FinalUrl}.", chainText);
            default:
                return null;
        }
    }

    /// <summary>An http: link whose https: twin answers: editors should link to the secure address.</summary>
    public static Finding InsecureLink(LinkOccurrence link, string httpsUrl) =>
        Make(link, FindingKind.InsecureLink, null, "insecure",
            $"Lenken «{link.Text}» bruker usikker http:, men siden finnes på {httpsUrl}. Oppdater lenken til https.", null);

    /// <summary>A missing #fragment: the target page answered but has no element with that id or name.</summary>
    public static Finding FragmentMissing(LinkOccurrence link, string fragment) =>
        Make(link, FindingKind.FragmentMissing, null, "fragment-missing",
            $"Lenken «{link.Text}» peker til avsnittet «#{fragment}», men det finnes ikke på siden. Besøkende havner øverst på siden i stedet.",
            null, targetOverride: link.Target.Target + "#" + link.Target.Fragment);

    private static Finding Make(LinkOccurrence link, FindingKind kind, int? code, string status, string message, string? evidence = null, string? targetOverride = null) => new()
    {
        Kind = kind.Name,
        Severity = kind.Severity,
        PageUrl = link.PageUrl,
        Target = targetOverride ?? (link.Target.Kind == LinkTargetKind.Http ? link.Target.Target : link.Href),
        StatusCode = code,
        Status = status,
        Message = message,
        Evidence = evidence ?? (link.Text.Length > 0 ? $"Lenketekst: «{link.Text}»" : null),
        Scope = link.Target.Kind == LinkTargetKind.Http ? (link.IsInternal ? "internal" : "external") : null,
        Location = link.Line > 0 ? $"linje {link.Line}" : null,
    };
}
