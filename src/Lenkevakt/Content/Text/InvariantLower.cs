namespace Lenkevakt.Content.Text;

/// <summary>
/// <c>string.ToLowerInvariant()</c> without a call into ICU for the text the checks read most: Latin script (below
/// U+0250). The mapping of those characters is taken from <c>ToLowerInvariant</c> itself once (it lowers code point by
/// code point), so the result is the same string; text with any other character is lowered by <c>ToLowerInvariant</c>.
/// </summary>
public static class InvariantLower
{
    private const int TableSize = 0x250;

    private static readonly char[] Table = BuildTable();

    /// <summary>The same as <paramref name="text"/>.ToLowerInvariant().</summary>
    public static string Of(string text)
    {
        var first = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= TableSize)
            {
                return text.ToLowerInvariant();
            }

            if (first < 0 && Table[c] != c)
            {
                first = i;
            }
        }

        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (span, state) =>
        {
            var (s, from) = state;
            s.AsSpan(0, from).CopyTo(span);
            for (var i = from; i < s.Length; i++)
            {
                span[i] = Table[s[i]];
            }
        });
    }

    /// <summary>The same as <c>char.ToLowerInvariant(c)</c>.</summary>
    public static char Of(char c) => c < TableSize ? Table[c] : char.ToLowerInvariant(c);

    /// <summary>The lower-cased characters of a span (see <see cref="Of(string)"/>).</summary>
    public static string Of(ReadOnlySpan<char> text) => Of(text.ToString());

    private static char[] BuildTable()
    {
        var table = new char[TableSize];
        for (var c = 0; c < TableSize; c++)
        {
            var lower = ((char)c).ToString().ToLowerInvariant();
            table[c] = lower.Length == 1 ? lower[0] : (char)c;
        }

        return table;
    }
}
