namespace Lenkevakt.Content.Text;

/// <summary>
/// The visible text of one page split into blocks with their regions, plus title, headings and schema.org data.
/// Small and DOM-free: this is what the content checks work on.
/// </summary>
public sealed class PageText
{
    public required string? Title { get; init; }

    public required IReadOnlyList<TextBlock> Blocks { get; init; }

    public required IReadOnlyList<StructuredDataItem> StructuredData { get; init; }

    /// <summary>True when a &lt;main&gt;, [role=main] or article element marked the main content.</summary>
    public required bool HasMainElement { get; init; }

    public IEnumerable<TextBlock> In(PageRegion regions) => Blocks.Where(b => (b.Region & regions) != 0);

    /// <summary>The main content as text (blocks joined by newlines), for language detection and readability.</summary>
    public string MainText => string.Join('\n', In(PageRegion.Main).Select(b => b.Text));

    /// <summary>Headings (h1–h3) in the main content.</summary>
    public IEnumerable<TextBlock> Headings => In(PageRegion.Main).Where(b => b.HeadingLevel is >= 1 and <= 3);

    public string? FirstHeading => In(PageRegion.Main).FirstOrDefault(b => b.HeadingLevel == 1)?.Text ?? Headings.FirstOrDefault()?.Text;
}
