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

    /// <summary>LIX of text blocks (each block ends a sentence). Null when there are no words.</summary>
    private static readonly char[] TokenSeparators = [' ', '\t', '\r', '\n', '\u00A0'];

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

    private static (int Words, int Sentences, int Long) Count(string block)
    {
        var words = 0;
        var sentences = 0;
        var longWords = 0;
        var openSentence = false;
        var tokens = block.Split(TokenSeparators, StringSplitOptions.RemoveEmptyEntries);
        foreach (var raw in tokens)
        {
            var letters = raw.Count(char.IsLetter);
            if (letters > 0)
            {
                words++;
                openSentence = true;
                if (letters > 6)
                {
                    longWords++;
                }
            }

            var t = raw.TrimEnd('"', '\'', ')', ']', '»', '”');
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

    private static bool IsAbbreviation(string token)
    {
        var core = token.TrimEnd('.').TrimStart('(', '"', '«', '\'');
        if (core.Length == 0)
        {
            return true;
        }

        // "08.00." ends a sentence; "1." in a list or date does not.
        if (core.All(c => char.IsAsciiDigit(c)))
        {
            return true;
        }

        return Abbreviations.Contains(core) || (core.Length == 1 && char.IsLetter(core[0]));
    }
}
