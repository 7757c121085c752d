using System.Security.Cryptography;
using System.Text;

namespace Lenkevakt.Findings;

/// <summary>
/// One problem found on one page, as produced by a check. Identity is (kind, page, target): the same problem
/// seen again next night has the same <see cref="Id"/>, which is what makes recording idempotent and alerts "once".
/// </summary>
public sealed record Finding
{
    public required string Kind { get; init; }

    public required Severity Severity { get; init; }

    /// <summary>The page the problem is on (no fragment).</summary>
    public required string PageUrl { get; init; }

    /// <summary>The page's title, for editors.</summary>
    public string? PageTitle { get; init; }

    /// <summary>The link target or rule id the finding is about; empty for page-level findings.</summary>
    public string Target { get; init; } = "";

    /// <summary>Final HTTP status where one applies.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Short machine-readable status (e.g. <c>broken 404</c>, <c>error Dns</c>).</summary>
    public string? Status { get; init; }

    /// <summary>Plain Norwegian explanation for editors.</summary>
    public required string Message { get; init; }

    /// <summary>Evidence: link text, redirect chain, matched text, or what was missing.</summary>
    public string? Evidence { get; init; }

    /// <summary>"internal" or "external" for link findings.</summary>
    public string? Scope { get; init; }

    /// <summary>Where on the page (e.g. "line 42").</summary>
    public string? Location { get; init; }

    public string Id => ComputeId(Kind, PageUrl, Target);

    /// <summary>
    /// Stable id: 32 hex chars of SHA-256 over kind, page and target. Safe as a table row key. In URLs on a loopback
    /// host (<c>127.x.x.x</c>, <c>localhost</c>, <c>[::1]</c>) the port is left out: local sample and test sites get a
    /// free port when their usual one is busy, and that must not turn every finding into a new one (issue 12). Loopback
    /// sites are only ever crawled with allow-private, so no public site's id changes. Ids are unique per site (the
    /// <c>Findings</c> key is the site's partition and the id): two loopback sites can have findings with the same id.
    /// </summary>
    public static string ComputeId(string kind, string pageUrl, string target)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{WithoutLoopbackPort(pageUrl)}\n{WithoutLoopbackPort(target)}"));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 16));
    }

    /// <summary><c>http://127.0.0.1:41234/a</c> → <c>http://127.0.0.1/a</c>; anything else unchanged.</summary>
    internal static string WithoutLoopbackPort(string url)
    {
        if (url.Length < 8 || !url.StartsWith("http", StringComparison.OrdinalIgnoreCase)
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.IsDefaultPort || !uri.IsLoopback)
        {
            return url;
        }

        var port = ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var at = url.IndexOf(port, uri.Scheme.Length + 3, StringComparison.Ordinal);
        return at < 0 ? url : url.Remove(at, port.Length);
    }
}
