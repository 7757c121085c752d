using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Lenkevakt.Html;

/// <summary>
/// Builds an HTML (or inline SVG) document so that nothing from outside the code reaches it unencoded: every text
/// node and every attribute value goes through one <see cref="HtmlEncoder"/>; tag and attribute names must be plain
/// identifiers; links are made only from absolute http(s) URLs (<see cref="SafeUrl"/>). The only way to write markup
/// as is, <see cref="Trusted"/>, is for constants in the code (the doctype, style sheets).
/// Bidirectional control characters in text and attribute values are shown as visible text (<see cref="ShowBidiControls"/>),
/// so crawled text (a page title, a link text) cannot reorder what follows it, e.g. make a URL read differently.
/// </summary>
public sealed partial class HtmlWriter
{
    /// <summary>Encodes &lt;, &gt;, &amp;, quotes (and a few more) but keeps letters such as æøå readable in the source.</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The characters <see cref="ShowBidiControls"/> makes visible.</summary>
    private static readonly System.Buffers.SearchValues<char> BidiControls =
        System.Buffers.SearchValues.Create("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C");

    private readonly StringBuilder html = new(16 * 1024);
    private readonly Stack<string> open = new();

    /// <summary>Opens <paramref name="tag"/> with the given attributes (a null value leaves the attribute out).</summary>
    public HtmlWriter Open(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        StartTag(tag, attributes);
        open.Push(tag);
        return this;
    }

    /// <summary>Closes the innermost open element, which must be <paramref name="tag"/>.</summary>
    public HtmlWriter Close(string tag)
    {
        if (open.Count == 0 || open.Peek() != tag)
        {
            throw new InvalidOperationException($"Closing <{tag}> but <{(open.Count == 0 ? "nothing" : open.Peek())}> is open.");
        }

        open.Pop();
        html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary><c>&lt;tag attrs&gt;text&lt;/tag&gt;</c>, the text encoded.</summary>
    public HtmlWriter Element(string tag, string? text, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        StartTag(tag, attributes);
        Text(text);
        html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element without content or end tag (<c>meta</c>, <c>input</c>, <c>br</c>) or a self-closed SVG element.</summary>
    public HtmlWriter Empty(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        StartTag(tag, attributes, selfClose: IsSvg(tag));
        return this;
    }

    /// <summary>Encoded text.</summary>
    public HtmlWriter Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            html.Append(Encoder.Encode(ShowBidiControls(text)));
        }

        return this;
    }

    /// <summary>
    /// A link to <paramref name="url"/> when it is an absolute http(s) URL (anything else, e.g. <c>javascript:</c>,
    /// <c>file:</c>, <c>mailto:</c>, is shown as text, never as a link). External links get <c>rel="noopener noreferrer"</c>.
    /// </summary>
    public HtmlWriter Link(string? url, string? text, string? cssClass = null)
    {
        var href = SafeUrl.Http(url);
        if (href is null)
        {
            return Element("span", string.IsNullOrEmpty(text) ? url : text, ("class", cssClass is null ? "nolink" : cssClass + " nolink"));
        }

        return Element("a", string.IsNullOrEmpty(text) ? href : text, ("href", href), ("class", cssClass), ("rel", "noopener noreferrer"));
    }

    /// <summary>A link within the page's own app: <paramref name="relative"/> must be a relative reference built by the code (e.g. <c>?site=x</c>).</summary>
    public HtmlWriter LocalLink(string relative, string text, string? cssClass = null)
    {
        if (!SafeUrl.IsLocal(relative))
        {
            throw new ArgumentException($"Not a relative link: {relative}", nameof(relative));
        }

        return Element("a", text, ("href", relative), ("class", cssClass));
    }

    /// <summary>Writes <paramref name="markup"/> unchanged. Only for constants in the code (doctype, CSS); never for data.</summary>
    public HtmlWriter Trusted(string markup)
    {
        html.Append(markup);
        return this;
    }

    public override string ToString()
    {
        if (open.Count > 0)
        {
            throw new InvalidOperationException($"Unclosed elements: {string.Join(", ", open)}");
        }

        return html.ToString();
    }

    private void StartTag(string tag, ReadOnlySpan<(string Name, string? Value)> attributes, bool selfClose = false)
    {
        if (!NamePattern().IsMatch(tag))
        {
            throw new ArgumentException($"Bad tag name '{tag}'.", nameof(tag));
        }

        html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (!NamePattern().IsMatch(name) || name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"Attribute '{name}' is not allowed.", nameof(attributes));
            }

            if (value is null)
            {
                continue;
            }

            html.Append(' ').Append(name).Append("=\"").Append(Encoder.Encode(ShowBidiControls(value))).Append('"');
        }

        html.Append(selfClose ? "/>" : ">");
    }

    /// <summary>
    /// Replaces the characters that change the direction of the text around them (U+202A–U+202E embeddings and
    /// overrides, U+2066–U+2069 isolates, U+200E/U+200F marks, U+061C Arabic letter mark) with visible text such as
    /// <c>&lt;U+202E&gt;</c>. Encoding them as character references would not help: the browser still applies them.
    /// </summary>
    public static string ShowBidiControls(string value)
    {
        var first = value.AsSpan().IndexOfAny(BidiControls);
        if (first < 0)
        {
            return value;
        }

        var visible = new StringBuilder(value.Length + 16);
        visible.Append(value, 0, first);
        foreach (var c in value.AsSpan(first))
        {
            if (BidiControls.Contains(c))
            {
                visible.Append("<U+").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)).Append('>');
            }
            else
            {
                visible.Append(c);
            }
        }

        return visible.ToString();
    }

    private static bool IsSvg(string tag) => tag is "rect" or "line" or "circle" or "polyline" or "path";

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9-]*$")]
    private static partial Regex NamePattern();
}
