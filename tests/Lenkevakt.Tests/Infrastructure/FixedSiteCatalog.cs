using Lenkevakt.Sites;

namespace Lenkevakt.Tests.Infrastructure;

/// <summary>A sites catalogue given by the test.</summary>
public sealed class FixedSiteCatalog(IReadOnlyList<SiteDefinition> sites) : ISiteCatalog
{
    public IReadOnlyList<SiteDefinition> GetSites() => sites;
}
