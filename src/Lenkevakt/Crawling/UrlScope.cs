using System.Text.RegularExpressions;
using Lenkevakt.Sites;

namespace Lenkevakt.Crawling;

/// <summary>Decides, for one site, which URLs are crawled, which are internal (checked, not crawled) and which are excluded.</summary>
public sealed class UrlScope
{
    private readonly HashSet<string> crawlHosts;
    private readonly HashSet<string> internalHosts;
    private readonly IReadOnlyList<string> prefixes;
    private readonly Regex[] exclude;

    public UrlScope(SiteDefinition site, IEnumerable<string> globalExclude)
    {
        crawlHosts = new HashSet<string>(site.Scope.AllowedHosts.Count > 0 ? site.Scope.AllowedHosts : site.StartUrls.Select(u => u.Authority), StringComparer.OrdinalIgnoreCase);
        internalHosts = new HashSet<string>(crawlHosts.Concat(site.Scope.InternalHosts), StringComparer.OrdinalIgnoreCase);
        prefixes = site.Scope.PathPrefixes;
        exclude = site.Scope.Exclude.Concat(globalExclude)
            .Select(p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200)))
            .ToArray();
        AllowPrivate = site.Scope.AllowPrivateNetworks;
    }

    public bool AllowPrivate { get; }

    /// <summary>Same host (and port) as the site and under one of its path prefixes.</summary>
    public bool IsCrawlable(Uri uri) =>
        crawlHosts.Contains(uri.Authority) && (prefixes.Count == 0 || prefixes.Any(p => uri.AbsolutePath.StartsWith(p, StringComparison.Ordinal) || uri.AbsolutePath + "/" == p));

    /// <summary>On one of the site's hosts (its links are "internal" in findings).</summary>
    public bool IsInternal(Uri uri) => internalHosts.Contains(uri.Authority);

    public bool IsExcluded(string url) => exclude.Any(r => r.IsMatch(url));
}
