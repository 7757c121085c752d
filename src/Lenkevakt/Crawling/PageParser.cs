using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Lenkevakt.Crawling;

/// <summary>Parses HTML with AngleSharp (a spec-compliant HTML5 parser, so malformed markup parses as browsers would).</summary>
public static class PageParser
{
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
        SourceLines lines;
        if (limits is null)
        {
            lines = new SourceLines();
            document = new HtmlParser(lines.ParserOptions).ParseDocument(html);
        }
        else
        {
            if (HtmlComplexity.FindCut(html, limits.MaxDepth, limits.MaxElements) is { } cut)
            {
                html = html[..cut.Offset];
                tooComplex = cut.Reason;
            }

            (document, lines, var timedOut) = ParseWithin(html, limits);
            tooComplex = timedOut ? $"det tok mer enn {limits.MaxParseTime.TotalSeconds:0.#} s å lese siden" : tooComplex;
        }

        return Extract(document, lines, pageUri, tooComplex);
    }

    private static (IHtmlDocument Document, SourceLines Lines, bool TimedOut) ParseWithin(string html, HtmlLimits limits)
    {
        for (var length = html.Length; ; length = length > 4096 ? length / 4 : 0)
        {
            using var budget = new CancellationTokenSource(limits.MaxParseTime, limits.Time);
            var lines = new SourceLines();
            try
            {
                // AngleSharp checks the token between tokens, so a pathological page can be stopped (the synchronous parse cannot).
                var document = new HtmlParser(lines.ParserOptions).ParseDocumentAsync(html[..length], budget.Token).GetAwaiter().GetResult();
                return (document, lines, length < html.Length);
            }
            catch (OperationCanceledException) when (budget.IsCancellationRequested && length > 0)
            {
                // Too slow: try again with the start of the page, which holds its header, menu and first links.
            }
        }
    }

    private static ParsedPage Extract(IHtmlDocument document, SourceLines lines, Uri pageUri, string? tooComplex)
    {
        // One walk over the element tree collects what used to take six selector passes (the pages' largest CPU cost
        // after parsing itself, docs/benchmarks.md): the first base[href], a[href]/area[href] links, the resources
        // (ResourceExtractor), [id] and a[name] anchors and hreflang alternates, each in document order.
        var baseUri = pageUri;
        string? baseHref = null;
        var links = new List<RawLink>();
        var resources = new List<RawLink>();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<string>();
        var alternates = new List<HreflangAlternate>();
        foreach (var element in InTreeOrder(document.DocumentElement))
        {
            var name = element.LocalName;
            if (element.HasAttribute("id"))
            {
                anchors.Add(element.Id ?? "");
            }

            switch (name)
            {
                case "a" or "area":
                    if (element.GetAttribute("href") is { } href)
                    {
                        links.Add(Link(element, href, lines.Of(element)));
                    }

                    if (name == "a" && element.GetAttribute("name") is { } anchorName)
                    {
                        names.Add(anchorName);
                    }

                    continue;
                case "base" when baseHref is null && element.GetAttribute("href") is { } b:
                    baseHref = b;
                    continue;
                case "link" when element.GetAttribute("hreflang") is { } hreflang && element.GetAttribute("href") is { } alternate
                                 && element.GetAttribute("rel") is { } rel && HasToken(rel, "alternate"):
                    alternates.Add(new HreflangAlternate(hreflang.Trim(), alternate.Trim()));
                    break;
            }

            if (ResourceExtractor.IsCandidate(element))
            {
                ResourceExtractor.AddFrom(element, lines.Of(element), resources, Truncate);
            }
        }

        if (baseHref is not null && Uri.TryCreate(pageUri, baseHref.Trim(), out var resolved) && (resolved.Scheme == Uri.UriSchemeHttp || resolved.Scheme == Uri.UriSchemeHttps))
        {
            baseUri = resolved;
        }

        links.AddRange(resources);
        anchors.UnionWith(names);
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

    private static RawLink Link(IElement element, string href, int line)
    {
        var text = Collapse(element.TextContent);
        if (text.Length == 0)
        {
            text = element.GetAttribute("title") ?? element.GetAttribute("aria-label") ?? element.QuerySelector("img[alt]")?.GetAttribute("alt") ?? "";
        }

        return new RawLink(href, Truncate(text, 120), element.LocalName, line);
    }

    /// <summary>
    /// The elements in document order (pre-order), without recursion (deep pages cannot overflow the stack) and without
    /// AngleSharp's <c>NextElementSibling</c>, which looks the element up in its parent's children: a walk by siblings
    /// was quadratic in the number of children (3.5 % of the process CPU on the national bench).
    /// </summary>
    private static IEnumerable<IElement> InTreeOrder(IElement root)
    {
        var pending = new Stack<IElement>();
        pending.Push(root);
        while (pending.TryPop(out var element))
        {
            yield return element;
            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                if (children[i] is IElement child)
                {
                    pending.Push(child);
                }
            }
        }
    }

    private static bool HasToken(string value, string token) =>
        value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Any(t => t.Equals(token, StringComparison.OrdinalIgnoreCase));

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
