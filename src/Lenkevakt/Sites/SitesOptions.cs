using System.ComponentModel.DataAnnotations;

namespace Lenkevakt.Sites;

/// <summary>Where the sites catalogue is. Bound from <c>Lenkevakt:Sites</c>.</summary>
public sealed class SitesOptions
{
    public const string Section = "Lenkevakt:Sites";

    /// <summary>Path of the sites file, relative to the current directory. Default <c>config/sites.json</c>.</summary>
    [Required]
    public string Path { get; set; } = "config/sites.json";
}
