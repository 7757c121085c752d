using Lenkevakt.Content.Text;

namespace Lenkevakt.Content.Detectors;

/// <summary>Helpers shared by the detectors: context windows and evidence snippets.</summary>
internal static class DetectorText
{
    /// <summary>Text around [start, start+length) in the block, with the previous block's tail in front when the match is near the start.</summary>
    public static string Context(string text, int start, int length, string? previous, int radius = 60)
    {
        var from = Math.Max(0, start - radius);
        var to = Math.Min(text.Length, start + length + radius);
        var s = text[from..to];
        if (start - radius < 0 && !string.IsNullOrEmpty(previous))
        {
            var need = radius - start;
            s = (previous.Length > need ? previous[^need..] : previous) + " \n " + s;
        }

        return s;
    }

    public static string Snippet(string text, int start, int length, int radius = 40)
    {
        var from = Math.Max(0, start - radius);
        var to = Math.Min(text.Length, start + length + radius);
        var s = text[from..to].Replace('\n', ' ');
        return (from > 0 ? "…" : "") + s + (to < text.Length ? "…" : "");
    }

    /// <summary>Whether the text has a decimal digit (what <c>\d</c> matches: any Unicode Nd character, not only 0-9).</summary>
    public static bool HasDigit(string text)
    {
        var span = text.AsSpan();
        if (span.ContainsAnyInRange('0', '9'))
        {
            return true;
        }

        if (!span.ContainsAnyExceptInRange('\0', '\u007f'))
        {
            return false;
        }

        foreach (var c in span)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the text has <paramref name="run"/> decimal digits in a row (what <c>\d{run}</c> needs).</summary>
    public static bool HasDigits(string text, int run)
    {
        var inRow = 0;
        foreach (var c in text)
        {
            inRow = char.IsDigit(c) ? inRow + 1 : 0;
            if (inRow >= run)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The previous block's text when it is in the same region (a heading or label just before the value).</summary>
    public static string? Previous(IReadOnlyList<TextBlock> blocks, int index) =>
        index > 0 && blocks[index - 1].Region == blocks[index].Region ? blocks[index - 1].Text : null;
}
