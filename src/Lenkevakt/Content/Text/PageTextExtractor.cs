using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Lenkevakt.Content.Text;

/// <summary>
/// Extracts <see cref="PageText"/> from an AngleSharp document. The main content is the first of &lt;main&gt;,
/// [role=main], a sole &lt;article&gt; (or the longest), or a well-known content container (#content, #innhold, #main…);
/// without one, the body minus header, menus, footer and side boxes. Site chrome is recognised by element
/// (header, nav, footer, aside), ARIA role, and — outside the main content — by common id/class names
/// (menu, meny, breadcrumb, footer, bunn…). Scripts, styles, hidden elements and form controls are skipped.
/// </summary>
public static class PageTextExtractor
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "center",
        "legend", "menu",
    };

    private static readonly HashSet<string> SkipTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "input", "textarea",
        "button", "head", "title", "meta", "link",
    };

    private static readonly string[] ContentIds = ["content", "innhold", "main", "main-content", "maincontent", "hovedinnhold", "page-content", "article", "contentarea", "content-area", "primary"];

    private static readonly string[] NavHints = ["menu", "meny", "navbar", "navigation", "breadcrumb", "brodsmule", "brødsmule", "skip", "hopp-til", "mega", "topnav", "sidenav", "submenu", "undermeny", "nav-"];
    private static readonly string[] FooterHints = ["footer", "bunn", "sidefot", "site-info", "colophon"];
    private static readonly string[] HeaderHints = ["header", "masthead", "topp", "site-head", "banner"];
    private static readonly string[] AsideHints = ["sidebar", "aside", "sidekolonne", "related", "relatert", "contact-box", "kontaktboks"];
    private static readonly char[] BlockEdge = ['\n', ' ', '|'];
    private static readonly string[] NoiseHints = ["cookie", "consent", "samtykke"];

    /// <summary>Text kept per page: enough for any help page; a 1.5 MB page of meeting minutes is read up to here.</summary>
    public const int DefaultMaxChars = 100_000;

    public static PageText Extract(IHtmlDocument document, int maxBlocks = 4000, int maxChars = DefaultMaxChars)
    {
        var body = document.Body;
        var mainRoot = FindMainRoot(document);
        var state = new State(maxBlocks, maxChars);
        if (body is not null)
        {
            // Without a main element the body is the main content, minus the chrome recognised by element, role and class.
            state.Walk(body, mainRoot is null ? PageRegion.Main : PageRegion.Other, mainRoot, insideMain: false);
            state.Flush();
        }

        return new PageText
        {
            Title = document.Title is { Length: > 0 } t ? TextNormalizer.OneLine(t) : null,
            Blocks = state.Blocks,
            StructuredData = StructuredDataReader.Read(document),
            HasMainElement = mainRoot is not null,
        };
    }

    private static IElement? FindMainRoot(IHtmlDocument document)
    {
        if (document.QuerySelector("main, [role=main]") is { } main)
        {
            return main;
        }

        var articles = document.QuerySelectorAll("article");
        if (articles.Length == 1)
        {
            return articles[0];
        }

        foreach (var id in ContentIds)
        {
            if (document.GetElementById(id) is { } byId && byId.LocalName is "div" or "section" or "td")
            {
                return byId;
            }
        }

        if (articles.Length > 1)
        {
            return articles.MaxBy(a => a.TextContent.Length);
        }

        return null;
    }

    private static bool HasHint(IElement e, string[] hints)
    {
        var id = e.Id;
        var cls = e.GetAttribute("class");
        if (string.IsNullOrEmpty(id) && string.IsNullOrEmpty(cls))
        {
            return false;
        }

        var s = ((id ?? "") + " " + (cls ?? "")).ToLowerInvariant();
        foreach (var h in hints)
        {
            if (s.Contains(h, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHidden(IElement e)
    {
        if (e.HasAttribute("hidden"))
        {
            return true;
        }

        var style = e.GetAttribute("style");
        if (style is not null)
        {
            var compact = style.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
            if (compact.Contains("display:none", StringComparison.Ordinal) || compact.Contains("visibility:hidden", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The region an element opens, or null when it inherits its parent's.</summary>
    private static PageRegion? OwnRegion(IElement e, bool insideMain, bool isMainRoot)
    {
        if (isMainRoot)
        {
            return PageRegion.Main;
        }

        var role = e.GetAttribute("role")?.Trim().ToLowerInvariant();
        var tag = e.LocalName;
        if (tag == "nav" || role is "navigation" or "menubar" or "menu" or "search")
        {
            return PageRegion.Nav;
        }

        if (tag == "aside" || role == "complementary")
        {
            return PageRegion.Aside;
        }

        if (insideMain)
        {
            // Inside the main content only explicit menus and breadcrumbs are chrome; an article's own header/footer is content.
            if (tag is "div" or "ul" or "ol" or "section" && HasHint(e, ["breadcrumb", "brodsmule", "brødsmule", "skip", "share", "del-side", "sharing"]))
            {
                return PageRegion.Nav;
            }

            if (tag is "div" or "section" && HasHint(e, ["sidebar", "sidekolonne", "contact-box", "kontaktboks", "related"]))
            {
                return PageRegion.Aside;
            }

            return null;
        }

        if (tag == "header" || role == "banner")
        {
            return PageRegion.Header;
        }

        if (tag == "footer" || role == "contentinfo")
        {
            return PageRegion.Footer;
        }

        if (tag is "div" or "ul" or "ol" or "section" or "table" or "td" or "span")
        {
            if (HasHint(e, NoiseHints))
            {
                return PageRegion.Nav;
            }

            if (HasHint(e, FooterHints))
            {
                return PageRegion.Footer;
            }

            if (HasHint(e, NavHints))
            {
                return PageRegion.Nav;
            }

            if (HasHint(e, HeaderHints))
            {
                return PageRegion.Header;
            }

            if (HasHint(e, AsideHints))
            {
                return PageRegion.Aside;
            }
        }

        return null;
    }

    private sealed class State(int maxBlocks, int maxChars)
    {
        private int chars;

        private const int MaxDepth = 300;

        private readonly StringBuilder current = new();
        private readonly List<BlockLink> links = [];
        private PageRegion currentRegion = PageRegion.Main;
        private string currentElement = "div";
        private int currentHeading;
        private int section;

        public List<TextBlock> Blocks { get; } = [];

        public void Walk(IElement element, PageRegion region, IElement? mainRoot, bool insideMain, int depth = 0)
        {
            if (depth > MaxDepth)
            {
                // Pathological nesting (e.g. thousands of unclosed <font> tags on old pages): keep the text, stop recursing.
                Append(element.TextContent, region);
                return;
            }

            foreach (var node in element.ChildNodes)
            {
                if (Blocks.Count >= maxBlocks || chars >= maxChars)
                {
                    return;
                }

                if (node is IText text)
                {
                    Append(text.Data, region);
                    continue;
                }

                if (node is not IElement child)
                {
                    continue;
                }

                var tag = child.LocalName;
                if (SkipTags.Contains(tag) || IsHidden(child))
                {
                    continue;
                }

                if (tag == "br")
                {
                    current.Append('\n');
                    continue;
                }

                if (tag == "select")
                {
                    // Language pickers are often <select>: keep the options as links.
                    foreach (var option in child.QuerySelectorAll("option"))
                    {
                        links.Add(new BlockLink(option.GetAttribute("value") ?? "", TextNormalizer.OneLine(option.TextContent), option.GetAttribute("lang")));
                    }

                    continue;
                }

                var isMainRoot = ReferenceEquals(child, mainRoot);
                var childInsideMain = insideMain || isMainRoot;
                var childRegion = OwnRegion(child, insideMain, isMainRoot) ?? region;
                var isBlock = BlockTags.Contains(tag);
                var heading = tag.Length == 2 && tag[0] == 'h' && tag[1] is >= '1' and <= '6' ? tag[1] - '0' : 0;
                if (isBlock || childRegion != region)
                {
                    Flush();
                }

                if (heading > 0)
                {
                    section++;
                }

                if (isBlock)
                {
                    currentElement = tag;
                    currentHeading = heading;
                }

                if (tag is "td" or "th" && current.Length > 0)
                {
                    current.Append(" | ");
                }

                if (tag is "dt" or "dd")
                {
                    Flush();
                }

                if (tag == "img" && child.GetAttribute("alt") is { Length: > 0 } alt && child.ParentElement?.LocalName == "a")
                {
                    Append(alt, childRegion);
                }

                var linkStart = links.Count;
                Walk(child, childRegion, mainRoot, childInsideMain, depth + 1);
                if (tag is "a" or "area" && child.GetAttribute("href") is { } href)
                {
                    var linkText = TextNormalizer.OneLine(child.TextContent);
                    if (linkText.Length == 0)
                    {
                        linkText = child.GetAttribute("title") ?? child.GetAttribute("aria-label") ?? child.QuerySelector("img[alt]")?.GetAttribute("alt") ?? "";
                    }

                    links.Insert(Math.Min(linkStart, links.Count), new BlockLink(href.Trim(), TextNormalizer.OneLine(linkText), child.GetAttribute("hreflang")));
                }

                if (tag is "td" or "th")
                {
                    current.Append(' ');
                }

                if (isBlock || childRegion != region)
                {
                    Flush();
                    if (isBlock)
                    {
                        currentElement = element.LocalName;
                        currentHeading = 0;
                    }
                }
            }
        }

        private void Append(string data, PageRegion region)
        {
            if (current.Length == 0 && links.Count == 0)
            {
                currentRegion = region;
            }
            else if (region != currentRegion && !string.IsNullOrWhiteSpace(data))
            {
                Flush();
                currentRegion = region;
            }

            current.Append(data);
        }

        public void Flush()
        {
            var text = TextNormalizer.Normalize(current.ToString()).Trim(BlockEdge);
            text = text.Replace(" |  | ", " | ", StringComparison.Ordinal);
            if (chars + text.Length > maxChars)
            {
                text = text[..Math.Max(0, maxChars - chars)];
            }

            chars += text.Length;
            if (text.Length > 0 || links.Count > 0)
            {
                Blocks.Add(new TextBlock(Blocks.Count, text, currentRegion, currentElement, section, currentHeading, links.ToArray()));
            }

            current.Clear();
            links.Clear();
        }
    }
}
