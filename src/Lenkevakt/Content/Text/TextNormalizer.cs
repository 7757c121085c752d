using System.Text;

namespace Lenkevakt.Content.Text;

/// <summary>
/// Normalises visible text for matching: Unicode NFC, every space-like character to a plain space, soft hyphens and
/// zero-width characters removed, every dash/hyphen-like character to '-', typographic quotes to plain ones,
/// runs of spaces collapsed. Line breaks survive as a single '\n'.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var s = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

        // The result is never longer than the input (characters are only dropped, mapped one to one, or a run of
        // spaces becomes one), so a per-thread buffer of the input's length holds it; unchanged text is returned as is.
        var buffer = scratch;
        if (buffer is null || buffer.Length < s.Length)
        {
            buffer = new char[Math.Max(256, s.Length)];
            if (buffer.Length <= MaxScratch)
            {
                scratch = buffer;
            }
        }

        var n = 0;
        var pendingSpace = false;
        var pendingNewline = false;
        foreach (var c in s)
        {
            switch (c)
            {
                case '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                    continue;
                case '\n' or '\u2028' or '\u2029':
                    pendingNewline = true;
                    continue;
            }

            if (char.IsWhiteSpace(c) || c is '\u00A0' or '\u202F' or '\u2007')
            {
                pendingSpace = true;
                continue;
            }

            if (pendingNewline || pendingSpace)
            {
                if (n > 0)
                {
                    buffer[n++] = pendingNewline ? '\n' : ' ';
                }

                pendingNewline = false;
                pendingSpace = false;
            }

            buffer[n++] = c switch
            {
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D' => '-',
                '\u2018' or '\u2019' or '\u201A' or '\u02BC' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
                _ => c,
            };
        }

        var result = buffer.AsSpan(0, n);
        return result.SequenceEqual(s) ? s : new string(result);
    }

    /// <summary>The largest per-thread buffer <see cref="Normalize"/> keeps (longer texts get a buffer of their own).</summary>
    private const int MaxScratch = 1 << 18;

    [ThreadStatic]
    private static char[]? scratch;

    /// <summary>Collapses line breaks too: one line of text.</summary>
    public static string OneLine(string text) => Normalize(text).Replace('\n', ' ');

    /// <summary>Cuts to at most <paramref name="max"/> characters, marking the cut with '…'.</summary>
    public static string Truncate(string text, int max) => text.Length <= max ? text : text[..Math.Max(0, max - 1)] + "…";
}
