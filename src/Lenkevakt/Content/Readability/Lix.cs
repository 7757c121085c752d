using System.Buffers;

namespace Lenkevakt.Content.Readability;

/// <summary>
/// LIX (läsbarhetsindex, Björnsson 1968): words / sentences + 100 × long words / words, where a long word has more
/// than six letters. Words are tokens with at least one letter (numbers and phone numbers are not words). A sentence
/// ends at '.', '!', '?' or ':' followed by space/end (not inside numbers like 08.00 and not after common Norwegian
/// abbreviations like «kl.», «tlf.», «f.eks.», «bl.a.», «ca.», «nr.»), and at the end of every text block
/// (a heading, list item or table cell is a sentence of its own even without a full stop).
/// </summary>
public static class Lix
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "kl", "tlf", "ca", "nr", "bl.a", "f.eks", "mv", "osv", "dvs", "evt", "jf", "jfr", "pga", "p.g.a", "bl", "eks", "mfl", "m.fl",
        "st", "gt", "vn", "pb", "adr", "avd", "e.l", "o.l", "ift", "iht", "hhv", "dr", "prof", "tel", "tir", "ons", "fre", "lør", "søn",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "des", "e.g", "i.e", "etc", "mr", "mrs", "ms", "t.o.m", "f.o.m",
        "mnd", "stk", "kap", "ref", "org", "inkl", "ekskl", "vedr", "fhv", "sml", "mht", "m.m", "obs",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>What separates tokens: the same characters the first version split on.</summary>
    private static readonly SearchValues<char> TokenSeparators = SearchValues.Create(" \t\r\n\u00A0");

    private const string ClosingQuotes = "\"')]»”";
    private const string OpeningQuotes = "(\"«'";

    /// <summary>LIX of text blocks (each block ends a sentence). Null when there are no words.</summary>
    public static LixResult? Compute(IEnumerable<string> blocks)
    {
        var words = 0;
        var sentences = 0;
        var longWords = 0;
        foreach (var block in blocks)
        {
            var (w, s, l) = Count(block);
            words += w;
            sentences += s;
            longWords += l;
        }

        if (words == 0)
        {
            return null;
        }

        sentences = Math.Max(1, sentences);
        var score = ((double)words / sentences) + (100.0 * longWords / words);
        return new LixResult(Math.Round(score, 1), words, sentences, longWords);
    }

    public static LixResult? Compute(string text) => Compute(text.Split('\n'));

    /// <summary>Counts one block without allocating: tokens are spans between separators.</summary>
    private static (int Words, int Sentences, int Long) Count(string block)
    {
        var words = 0;
        var sentences = 0;
        var longWords = 0;
        var openSentence = false;
        var rest = block.AsSpan();
        while (true)
        {
            var start = rest.IndexOfAnyExcept(TokenSeparators);
            if (start < 0)
            {
                break;
            }

            rest = rest[start..];
            var end = rest.IndexOfAny(TokenSeparators);
            var raw = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[end..];

            var letters = 0;
            foreach (var c in raw)
            {
                if (char.IsLetter(c))
                {
                    letters++;
                }
            }

            if (letters > 0)
            {
                words++;
                openSentence = true;
                if (letters > 6)
                {
                    longWords++;
                }
            }

            var t = raw.TrimEnd(ClosingQuotes);
            if (t.Length == 0 || !openSentence)
            {
                continue;
            }

            var last = t[^1];
            if (last is '!' or '?' or ':' || (last == '.' && !IsAbbreviation(t)))
            {
                sentences++;
                openSentence = false;
            }
        }

        if (openSentence)
        {
            sentences++;
        }

        return (words, sentences, longWords);
    }

    private static bool IsAbbreviation(ReadOnlySpan<char> token)
    {
        var core = token.TrimEnd('.').TrimStart(OpeningQuotes);
        if (core.Length == 0)
        {
            return true;
        }

        // "08.00." ends a sentence; "1." in a list or date does not.
        if (!core.ContainsAnyExceptInRange('0', '9'))
        {
            return true;
        }

        return AbbreviationLookup.Contains(core) || (core.Length == 1 && char.IsLetter(core[0]));
    }
}
