namespace Lenkevakt.Crawling;

/// <summary>
/// A linear pre-scan of a page's markup that finds where parsing it would get too expensive, before the parser sees
/// it. HTML tree construction is quadratic in the nesting depth (every start tag searches the stack of open elements),
/// so a 4.9 MB page of nested <c>&lt;div&gt;</c>s, or thousands of unclosed <c>&lt;b&gt;&lt;i&gt;&lt;a&gt;</c>, pins a core for
/// minutes. The scan keeps an approximate stack of open elements (void and raw-text elements, comments and
/// implicitly closed siblings handled as the parser would, end tags matched near the top of the stack) and returns
/// the offset of the first tag that goes deeper than the depth limit, or past the element limit.
/// </summary>
public static class HtmlComplexity
{
    private const int EndTagSearchWindow = 64;
    private const int SiblingSearchWindow = 8;

    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen", "basefont", "bgsound", "frame", "image",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    /// <summary>Elements whose start tag closes an open sibling of the same group (<c>&lt;p&gt;a&lt;p&gt;b</c>, <c>&lt;li&gt;</c>, cells and rows).</summary>
    private static readonly Dictionary<string, string> SiblingGroup = new(StringComparer.OrdinalIgnoreCase)
    {
        ["p"] = "p", ["li"] = "li", ["dt"] = "d", ["dd"] = "d", ["option"] = "option", ["optgroup"] = "optgroup",
        ["td"] = "cell", ["th"] = "cell", ["tr"] = "tr", ["tbody"] = "section", ["thead"] = "section", ["tfoot"] = "section",
        ["rb"] = "ruby", ["rt"] = "ruby", ["rp"] = "ruby", ["rtc"] = "ruby",
    };

    /// <summary>
    /// The HTML elements by name, so that a known tag's name is looked up without allocating a string per tag (the
    /// scan of a 1.6 MB page of table cells allocated 5 MB of lower-case names). Other names are lower-cased.
    /// </summary>
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> KnownNames = BuildKnownNames();

    private static Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> BuildKnownNames()
    {
        const string names = "a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col colgroup "
            + "data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html "
            + "i iframe img input ins kbd label legend li link main map mark menu meta meter nav noembed noframes noscript object ol optgroup option output p param picture "
            + "plaintext pre progress q rb rp rt rtc ruby s samp script search section select slot small source span strong style sub summary sup svg math "
            + "table tbody td template textarea tfoot th thead time title tr track u ul var video wbr xmp center font big strike tt nobr marquee keygen basefont bgsound image";
        var known = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names.Split(' '))
        {
            known[name] = name;
        }

        return known.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static string TagName(ReadOnlySpan<char> raw) =>
        KnownNames.TryGetValue(raw, out var name) ? name : raw.ToString().ToLowerInvariant();

    /// <summary>Where to cut and why (Norwegian, for the finding), or null when the page is within the limits.</summary>
    public static (int Offset, string Reason)? FindCut(string html, int maxDepth, int maxElements)
    {
        var stack = new List<string>();
        var elements = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            var tagStart = i;
            var c = html[i + 1];
            if (c == '!')
            {
                i = html.AsSpan(i).StartsWith("<!--") ? SkipPast(html, i + 4, "-->") : SkipPast(html, i + 2, ">");
                continue;
            }

            if (c == '?')
            {
                i = SkipPast(html, i + 2, ">");
                continue;
            }

            var isEnd = c == '/';
            var nameStart = isEnd ? i + 2 : i + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                i++;
                continue;
            }

            var nameEnd = nameStart;
            while (nameEnd < html.Length && !char.IsWhiteSpace(html[nameEnd]) && html[nameEnd] is not ('>' or '/'))
            {
                nameEnd++;
            }

            var name = TagName(html.AsSpan(nameStart, nameEnd - nameStart));
            var (tagEnd, selfClosing) = EndOfTag(html, nameEnd);
            i = tagEnd;
            if (isEnd)
            {
                CloseTo(stack, name);
                continue;
            }

            if (++elements > maxElements)
            {
                return (tagStart, $"siden har mer enn {maxElements:N0} elementer");
            }

            if (RawText.Contains(name))
            {
                i = SkipRawText(html, i, name);
                continue;
            }

            if (selfClosing || Void.Contains(name))
            {
                continue;
            }

            if (SiblingGroup.TryGetValue(name, out var group))
            {
                for (var k = stack.Count - 1; k >= Math.Max(0, stack.Count - SiblingSearchWindow); k--)
                {
                    if (SiblingGroup.TryGetValue(stack[k], out var open) && open == group)
                    {
                        stack.RemoveRange(k, stack.Count - k);
                        break;
                    }
                }
            }

            stack.Add(name);
            if (stack.Count > maxDepth)
            {
                return (tagStart, $"elementene er nøstet mer enn {maxDepth:N0} nivåer dypt");
            }
        }

        return null;
    }

    private static void CloseTo(List<string> stack, string name)
    {
        for (var k = stack.Count - 1; k >= Math.Max(0, stack.Count - EndTagSearchWindow); k--)
        {
            if (stack[k] == name)
            {
                stack.RemoveRange(k, stack.Count - k);
                return;
            }
        }
    }

    private static (int End, bool SelfClosing) EndOfTag(string html, int from)
    {
        char quote = '\0';
        for (var k = from; k < html.Length; k++)
        {
            var ch = html[k];
            if (quote != '\0')
            {
                if (ch == quote)
                {
                    quote = '\0';
                }
            }
            else if (ch is '"' or '\'')
            {
                quote = ch;
            }
            else if (ch == '>')
            {
                return (k + 1, k > from && html[k - 1] == '/');
            }
        }

        return (html.Length, false);
    }

    private static int SkipPast(string html, int from, string marker)
    {
        var at = html.IndexOf(marker, Math.Min(from, html.Length), StringComparison.Ordinal);
        return at < 0 ? html.Length : at + marker.Length;
    }

    private static int SkipRawText(string html, int from, string name)
    {
        for (var at = html.IndexOf("</", from, StringComparison.Ordinal); at >= 0; at = html.IndexOf("</", at + 2, StringComparison.Ordinal))
        {
            if (at + 2 + name.Length <= html.Length && string.Compare(html, at + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return at;
            }
        }

        return html.Length;
    }
}
