using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Lenkevakt.Crawling;

/// <summary>
/// The source line of every element that can carry a link (<c>a</c>, <c>area</c> and the resource elements of
/// <see cref="ResourceExtractor"/>), recorded by the parser's element-created callback as the page is parsed. This
/// replaces AngleSharp's <c>IsKeepingSourceReferences</c>, which keeps every start tag's token (with its attributes)
/// alive beside each element of the page: on the national bench's 1.6 MB pages that was 15 % of the parse's
/// allocation, for line numbers only the links need. One instance per parse; not thread-safe.
/// </summary>
internal sealed class SourceLines
{
    private static readonly HashSet<string> Tracked = new(StringComparer.Ordinal)
    {
        "a", "area", "img", "source", "script", "link", "iframe", "frame", "embed", "object", "audio", "video", "track", "input", "form", "button", "meta",
    };

    private readonly Dictionary<IElement, int> lines = new(ReferenceEqualityComparer.Instance);

    /// <summary>Parser options that record the lines into this instance.</summary>
    public HtmlParserOptions ParserOptions => new() { OnCreated = Record };

    /// <summary>The 1-based source line of <paramref name="element"/>'s start tag, or 0 when it was not recorded.</summary>
    public int Of(IElement element) => lines.GetValueOrDefault(element);

    private void Record(IElement element, AngleSharp.Text.TextPosition position)
    {
        if (Tracked.Contains(element.LocalName))
        {
            lines[element] = position.Line;
        }
    }
}
