namespace Lenkevakt.Sites;

/// <summary>What kind of publisher a site belongs to; rules and reports differ per kind.</summary>
public enum SiteKind
{
    /// <summary>A section of helsenorge.no, the national entry point.</summary>
    Helsenorge,

    /// <summary>A municipality's website (kommune).</summary>
    Municipality,

    /// <summary>Anything else, e.g. an ad-hoc <c>lenkevakt run --url</c>.</summary>
    Other,
}
