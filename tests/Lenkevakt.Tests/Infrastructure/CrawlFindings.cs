using System.Reflection;
using Lenkevakt.Findings;

namespace Lenkevakt.Tests.Infrastructure;

/// <summary>The crawl's own findings (links, resources, site limits) without the content rules' findings, for tests about links.</summary>
public static class CrawlFindings
{
    private static readonly HashSet<string> CrawlKinds = typeof(FindingKind).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => f.GetValue(null)).OfType<FindingKind>().Select(k => k.Name).ToHashSet(StringComparer.Ordinal);

    public static bool IsCrawlKind(string kind) => CrawlKinds.Contains(kind);

    public static IReadOnlyList<Finding> Only(IEnumerable<Finding> findings) => findings.Where(f => CrawlKinds.Contains(f.Kind)).ToList();
}
