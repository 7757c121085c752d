using Microsoft.Extensions.Options;

namespace Lenkevakt.Sites;

/// <summary>The configured sites a scheduled run covers.</summary>
public interface ISiteCatalog
{
    IReadOnlyList<SiteDefinition> GetSites();
}

/// <summary>Reads the sites file named by <see cref="SitesOptions.Path"/> (once; errors name the file and position).</summary>
public sealed class FileSiteCatalog(IOptions<SitesOptions> options) : ISiteCatalog
{
    private readonly Lazy<IReadOnlyList<SiteDefinition>> sites = new(() => SitesCatalog.Load(options.Value.Path));

    public IReadOnlyList<SiteDefinition> GetSites() => sites.Value;
}
