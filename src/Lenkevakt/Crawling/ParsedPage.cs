using Lenkevakt.Checks;

namespace Lenkevakt.Crawling;

/// <summary>A link or resource URL as AngleSharp found it on a page: the raw URL, its text and where it is (element, attribute, line).</summary>
/// <param name="Role">What the URL is for: <see cref="LinkRole.Link"/> (followed and crawled) or a resource (checked, never crawled).</param>
public sealed record RawLink(string Href, string Text, string Element, int Line, LinkRole Role = LinkRole.Link, string Attribute = "href");

/// <summary>An hreflang alternate (<c>&lt;link rel="alternate" hreflang=".."&gt;</c>).</summary>
public sealed record HreflangAlternate(string Lang, string Href);

/// <summary>What the parser keeps of a page: enough for link, fragment and content checks, not the DOM.</summary>
public sealed class ParsedPage
{
    public string? Title { get; init; }

    /// <summary>The <c>&lt;html lang&gt;</c> value, or null when missing.</summary>
    public string? Lang { get; init; }

    /// <summary>The document's base URL (the page URL, or its <c>&lt;base href&gt;</c>).</summary>
    public required Uri BaseUri { get; init; }

    public required IReadOnlyList<RawLink> Links { get; init; }

    /// <summary>Fragment targets: every element id and every <c>&lt;a name&gt;</c>.</summary>
    public required IReadOnlySet<string> Anchors { get; init; }

    public IReadOnlyList<HreflangAlternate> Alternates { get; init; } = [];

    /// <summary>Why only part of the page was parsed (too deep, too many elements, too slow), or null when all of it was.</summary>
    public string? TooComplex { get; init; }

    /// <summary>The parsed document, for content checks that run right after parsing; not kept beyond the page.</summary>
    public AngleSharp.Html.Dom.IHtmlDocument? Document { get; init; }
}
