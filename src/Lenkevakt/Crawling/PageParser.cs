using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Lenkevakt.Crawling;

/// <summary>Parses HTML with AngleSharp (a spec-compliant HTML5 parser, so malformed markup parses as browsers would).</summary>
public static class PageParser
{
    private static readonly HtmlParserOptions Options = new() { IsKeepingSourceReferences = true };

    public static ParsedPage Parse(string html, Uri pageUri)
    {
        var parser = new HtmlParser(Options);
        var document = parser.ParseDocument(html);
        var baseUri = pageUri;
        if (document.QuerySelector("base[href]")?.GetAttribute("href") is { } baseHref && Uri.TryCreate(pageUri, baseHref.Trim(), out var b)
            && (b.Scheme == Uri.UriSchemeHttp || b.Scheme == Uri.UriSchemeHttps))
        {
            baseUri = b;
        }

        var links = new List<RawLink>();
        foreach (var element in document.QuerySelectorAll("a[href], area[href]"))
        {
            var href = element.GetAttribute("href")!;
            var text = Collapse(element.TextContent);
            if (text.Length == 0)
            {
                text = element.GetAttribute("title") ?? element.GetAttribute("aria-label") ?? element.QuerySelector("img[alt]")?.GetAttribute("alt") ?? "";
            }

            links.Add(new RawLink(href, Truncate(text, 120), element.LocalName, element.SourceReference?.Position.Line ?? 0));
        }

        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in document.QuerySelectorAll("[id]"))
        {
            anchors.Add(element.Id!);
        }

        foreach (var element in document.QuerySelectorAll("a[name]"))
        {
            anchors.Add(element.GetAttribute("name")!);
        }

        var alternates = document.QuerySelectorAll("link[rel~=alternate][hreflang][href]")
            .Select(e => new HreflangAlternate(e.GetAttribute("hreflang")!.Trim(), e.GetAttribute("href")!.Trim()))
            .ToList();
        var lang = document.DocumentElement.GetAttribute("lang") ?? document.DocumentElement.GetAttribute("xml:lang");
        return new ParsedPage
        {
            Title = document.Title is { Length: > 0 } t ? Truncate(Collapse(t), 300) : null,
            Lang = lang?.Trim(),
            BaseUri = baseUri,
            Links = links,
            Anchors = anchors,
            Alternates = alternates,
            Document = document,
        };
    }

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
