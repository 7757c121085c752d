using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Lenkevakt.Crawling;

/// <summary>Parses HTML with AngleSharp (a spec-compliant HTML5 parser, so malformed markup parses as browsers would).</summary>
public static class PageParser
{
    private static readonly HtmlParserOptions Options = new() { IsKeepingSourceReferences = true };

    /// <summary>Parses a page within <paramref name="limits"/> (default: none).</summary>
    /// <remarks>
    /// A page over the depth or element limit is parsed up to the first tag past it (<see cref="HtmlComplexity"/>), and a
    /// parse that takes longer than the time limit is stopped and a quarter of the markup parsed instead; either way
    /// <see cref="ParsedPage.TooComplex"/> says why, and the links found up to that point are kept.
    /// </remarks>
    public static ParsedPage Parse(string html, Uri pageUri, HtmlLimits? limits = null)
    {
        string? tooComplex = null;
        IHtmlDocument document;
        if (limits is null)
        {
            document = new HtmlParser(Options).ParseDocument(html);
        }
        else
        {
            if (HtmlComplexity.FindCut(html, limits.MaxDepth, limits.MaxElements) is { } cut)
            {
                html = html[..cut.Offset];
                tooComplex = cut.Reason;
            }

            (document, var timedOut) = ParseWithin(html, limits);
            tooComplex = timedOut ? $"det tok mer enn {limits.MaxParseTime.TotalSeconds:0.#} s å lese siden" : tooComplex;
        }

        return Extract(document, pageUri, tooComplex);
    }

    private static (IHtmlDocument Document, bool TimedOut) ParseWithin(string html, HtmlLimits limits)
    {
        for (var length = html.Length; ; length = length > 4096 ? length / 4 : 0)
        {
            using var budget = new CancellationTokenSource(limits.MaxParseTime, limits.Time);
            try
            {
                // AngleSharp checks the token between tokens, so a pathological page can be stopped (the synchronous parse cannot).
                var document = new HtmlParser(Options).ParseDocumentAsync(html[..length], budget.Token).GetAwaiter().GetResult();
                return (document, length < html.Length);
            }
            catch (OperationCanceledException) when (budget.IsCancellationRequested && length > 0)
            {
                // Too slow: try again with the start of the page, which holds its header, menu and first links.
            }
        }
    }

    private static ParsedPage Extract(IHtmlDocument document, Uri pageUri, string? tooComplex)
    {
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

        ResourceExtractor.AddTo(document, links, Truncate);

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
            TooComplex = tooComplex,
        };
    }

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
