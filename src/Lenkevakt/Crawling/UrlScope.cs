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
        // Keyed by HostKey: bø.kommune.no and xn--b-5ga.kommune.no are one host.
        crawlHosts = new HashSet<string>(site.Scope.AllowedHosts.Count > 0 ? site.Scope.AllowedHosts.Select(HostKey.Of) : site.StartUrls.Select(HostKey.Of), StringComparer.Ordinal);
        internalHosts = new HashSet<string>(crawlHosts.Concat(site.Scope.InternalHosts.Select(HostKey.Of)), StringComparer.Ordinal);
        prefixes = site.Scope.PathPrefixes;
        exclude = site.Scope.Exclude.Concat(globalExclude)
            .Select(p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200)))
            .ToArray();
        AllowPrivate = site.Scope.AllowPrivateNetworks;
    }

    public bool AllowPrivate { get; }

    /// <summary>The site's hosts (<see cref="HostKey"/> form): where it is crawled, and the hosts configured as its own.</summary>
    public IReadOnlyCollection<string> InternalHosts => internalHosts;

    /// <summary>Same host (and port) as the site and under one of its path prefixes.</summary>
    public bool IsCrawlable(Uri uri) =>
        crawlHosts.Contains(HostKey.Of(uri)) && (prefixes.Count == 0 || prefixes.Any(p => uri.AbsolutePath.StartsWith(p, StringComparison.Ordinal) || uri.AbsolutePath + "/" == p));

    /// <summary>On one of the site's hosts (its links are "internal" in findings).</summary>
    public bool IsInternal(Uri uri) => internalHosts.Contains(HostKey.Of(uri));

    public bool IsExcluded(string url) => exclude.Any(r => r.IsMatch(url));
}
