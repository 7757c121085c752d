namespace Lenkevakt.Content.Text;

/// <summary>
/// One block of visible text (a paragraph, list item, table row, heading…), normalised (see <see cref="TextNormalizer"/>),
/// with where it is and the links inside it. Line breaks (&lt;br&gt;) are kept as '\n'.
/// </summary>
public sealed record TextBlock(
    int Index,
    string Text,
    PageRegion Region,
    string Element,
    int Section,
    int HeadingLevel,
    IReadOnlyList<BlockLink> Links)
{
    /// <summary>A short human description of where the block is, in Norwegian, e.g. "hovedinnhold (tabellrad)".</summary>
    public string Where => $"{RegionName(Region)} ({ElementName(Element)})";

    public static string RegionName(PageRegion region) => region switch
    {
        PageRegion.Main => "hovedinnhold",
        PageRegion.Aside => "sideboks",
        PageRegion.Header => "toppfelt",
        PageRegion.Nav => "meny",
        PageRegion.Footer => "bunntekst",
        PageRegion.Other => "annet innhold",
        PageRegion.StructuredData => "strukturerte data (schema.org)",
        PageRegion.SiteStructuredData => "strukturerte data for organisasjonen (schema.org)",
        _ => region.ToString(),
    };

    private static string ElementName(string element) => element switch
    {
        "p" => "avsnitt",
        "li" => "listepunkt",
        "tr" => "tabellrad",
        "td" or "th" => "tabellcelle",
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => "overskrift",
        "address" => "adresse",
        "dl" or "dt" or "dd" => "definisjonsliste",
        "a" => "lenke",
        "json-ld" => "JSON-LD",
        "microdata" => "microdata",
        _ => element,
    };
}
