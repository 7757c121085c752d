using System.Text.Json;

namespace Lenkevakt.Findings;

/// <summary>
/// What the report counts as a broken link: an open finding of a link kind whose severity is error — the link does not
/// work for the reader (404/410, server and connection errors, loops, soft 404s, <c>file:</c> and malformed
/// <c>mailto:</c>/<c>tel:</c>). Warnings (redirects, missing fragments, timeouts) and "site unreachable" are not counted.
/// Link findings always carry their kind's severity, so the dashboard's per-kind counts give the same number.
/// </summary>
public static class BrokenLinks
{
    public static readonly IReadOnlySet<string> Kinds = new[]
    {
        FindingKind.BrokenLink, FindingKind.GoneLink, FindingKind.ServerError, FindingKind.ConnectionError, FindingKind.DnsError,
        FindingKind.ConnectionRefused, FindingKind.TlsError, FindingKind.RedirectLoop, FindingKind.RedirectInvalid, FindingKind.FileLink, FindingKind.MailtoInvalid,
        FindingKind.TelInvalid, FindingKind.Soft404,
    }.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);

    public static bool Is(StoredFinding finding) => finding.Severity == "error" && Kinds.Contains(finding.Kind);

    /// <summary>Broken links in a dashboard row's open-findings-per-kind JSON.</summary>
    public static int Count(string? kindsJson)
    {
        if (string.IsNullOrWhiteSpace(kindsJson))
        {
            return 0;
        }

        try
        {
            var kinds = JsonSerializer.Deserialize<Dictionary<string, int>>(kindsJson) ?? [];
            return kinds.Where(k => Kinds.Contains(k.Key)).Sum(k => k.Value);
        }
        catch (JsonException)
        {
            return 0;
        }
    }
}
