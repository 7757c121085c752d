using System.Text.RegularExpressions;
using Lenkevakt.Content.Text;

namespace Lenkevakt.Content.Help;

/// <summary>
/// Finds <see cref="HelpTerm"/>s in text in one pass over its words, instead of one regex per term (about 200 regex
/// scans per string, which made link scoring the largest cost of a crawl). Same meaning as
/// <see cref="HelpPageSignals.TermRegex"/>: case-insensitive; Latin/Cyrillic terms match whole words, a trailing '*'
/// any word ending, a space any run of other characters between words, a hyphen "-", a space or nothing
/// ("covid-19" = "covid 19" = "covid19"); terms in other scripts (Arabic, Ethiopic…) match anywhere.
/// A term with other punctuation falls back to its regex.
/// </summary>
internal sealed class HelpTermIndex
{
    private readonly int termCount;

    // Single- and multi-word terms, keyed by their (exact) first word; a single-word '*' term keyed by its prefix.
    private readonly Dictionary<string, List<Entry>> byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> byPrefix = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>>.AlternateLookup<ReadOnlySpan<char>> firstWordLookup;
    private readonly Dictionary<string, List<Entry>>.AlternateLookup<ReadOnlySpan<char>> prefixLookup;
    private readonly int maxPrefix;
    private readonly List<(string Text, int Term)> anywhere = [];
    private readonly List<(Regex Regex, int Term)> fallback = [];

    public HelpTermIndex(IReadOnlyList<HelpTerm> terms)
    {
        termCount = terms.Count;
        for (var i = 0; i < terms.Count; i++)
        {
            var text = terms[i].Text.ToLowerInvariant();
            var prefix = text.EndsWith('*');
            var core = prefix ? text[..^1] : text;
            if (!core.Where(char.IsLetter).All(c => c < '\u0590'))
            {
                if (core.Contains(' ', StringComparison.Ordinal))
                {
                    fallback.Add((HelpPageSignals.TermRegex(terms[i].Text), i));
                }
                else
                {
                    anywhere.Add((core, i));
                }

                continue;
            }

            if (core.Any(c => !char.IsLetterOrDigit(c) && c is not (' ' or '-')))
            {
                fallback.Add((HelpPageSignals.TermRegex(terms[i].Text), i));
                continue;
            }

            // "covid-19": the words covid and 19 with a hyphen or a space between them, and the joined word covid19.
            foreach (var variant in new[] { core, core.Replace("-", "", StringComparison.Ordinal) }.Distinct(StringComparer.Ordinal))
            {
                var entry = Parse(i, variant, prefix);
                if (entry.Words.Length == 1 && prefix)
                {
                    Add(byPrefix, entry.Words[0], entry);
                    maxPrefix = Math.Max(maxPrefix, entry.Words[0].Length);
                }
                else
                {
                    Add(byFirstWord, entry.Words[0], entry);
                }
            }
        }

        firstWordLookup = byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        prefixLookup = byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How often each term occurs in <paramref name="text"/> (index = term index); null when none does.</summary>
    public int[]? Count(string text) => Scan(text, counting: true);

    /// <summary>Whether each term occurs in <paramref name="text"/> (index = term index, value 0 or 1); null when none does.</summary>
    public int[]? Find(string text) => Scan(text, counting: false);

    private int[]? Scan(string text, bool counting)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        int[]? hits = null;
        int[]? lastAt = null;
        void Hit(int term, int at = -1)
        {
            if (hits is null)
            {
                hits = new int[termCount];
                lastAt = new int[termCount];
                Array.Fill(lastAt, -1);
            }

            // Two spellings of one term ("helse- og" and "helse og") matching at the same word count once.
            if (at >= 0 && lastAt![term] == at)
            {
                return;
            }

            lastAt![term] = at;
            hits[term] = counting ? hits[term] + 1 : 1;
        }

        var lower = InvariantLower.Of(text);
        var words = Words(lower);
        for (var w = 0; w < words.Count; w++)
        {
            var word = lower.AsSpan(words[w].Start, words[w].Length);
            if (firstWordLookup.TryGetValue(word, out var entries))
            {
                foreach (var e in entries)
                {
                    if (e.Words.Length == 1 || Follows(lower, words, w, e))
                    {
                        Hit(e.Term, w);
                    }
                }
            }

            for (var n = Math.Min(maxPrefix, word.Length); n >= 1; n--)
            {
                if (prefixLookup.TryGetValue(word[..n], out var prefixed))
                {
                    foreach (var e in prefixed)
                    {
                        Hit(e.Term, w);
                    }
                }
            }
        }

        foreach (var (core, term) in anywhere)
        {
            for (var at = lower.IndexOf(core, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(core, at + core.Length, StringComparison.Ordinal))
            {
                Hit(term);
                if (!counting)
                {
                    break;
                }
            }
        }

        foreach (var (regex, term) in fallback)
        {
            var n = counting ? regex.Count(text) : regex.IsMatch(text) ? 1 : 0;
            for (var k = 0; k < n; k++)
            {
                Hit(term);
            }
        }

        return hits;
    }

    /// <summary>Whether the words after <paramref name="w"/> continue the multi-word entry (the last one as a prefix for '*').</summary>
    private static bool Follows(string lower, List<(int Start, int Length)> words, int w, Entry e)
    {
        if (w + e.Words.Length > words.Count)
        {
            return false;
        }

        for (var k = 1; k < e.Words.Length; k++)
        {
            var gapStart = words[w + k - 1].Start + words[w + k - 1].Length;
            if (!GapFits(lower.AsSpan(gapStart, words[w + k].Start - gapStart), e.Gaps[k - 1]))
            {
                return false;
            }

            var word = lower.AsSpan(words[w + k].Start, words[w + k].Length);
            var last = k == e.Words.Length - 1;
            var ok = last && e.Prefix ? word.StartsWith(e.Words[k], StringComparison.Ordinal) : word.SequenceEqual(e.Words[k]);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The text between two words against the term's separator: " " = \s+, "-" = [-\s]?, "- " = [-\s]?\s+.</summary>
    private static bool GapFits(ReadOnlySpan<char> gap, Gap kind) => kind switch
    {
        Gap.Space => gap.Length > 0 && AllWhiteSpace(gap),
        Gap.Hyphen => gap.Length == 1 && (gap[0] == '-' || char.IsWhiteSpace(gap[0])),
        _ => gap.Length > 0 && (AllWhiteSpace(gap) || (gap[0] == '-' && gap.Length > 1 && AllWhiteSpace(gap[1..]))),
    };

    private static bool AllWhiteSpace(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A term's words and the separators between them.</summary>
    private static Entry Parse(int term, string core, bool prefix)
    {
        var words = new List<string>();
        var gaps = new List<Gap>();
        var i = 0;
        while (i < core.Length)
        {
            var start = i;
            while (i < core.Length && core[i] is not (' ' or '-'))
            {
                i++;
            }

            words.Add(core[start..i]);
            var sep = i;
            while (i < core.Length && core[i] is ' ' or '-')
            {
                i++;
            }

            if (i < core.Length)
            {
                var separator = core[sep..i];
                gaps.Add(!separator.Contains('-', StringComparison.Ordinal) ? Gap.Space : separator == "-" ? Gap.Hyphen : Gap.HyphenSpace);
            }
        }

        return new Entry(term, [.. words], [.. gaps], prefix);
    }

    /// <summary>Maximal runs of letters, digits and combining marks.</summary>
    private static List<(int Start, int Length)> Words(string s)
    {
        var words = new List<(int, int)>((s.Length / 6) + 4);
        var start = -1;
        for (var i = 0; i <= s.Length; i++)
        {
            var inWord = i < s.Length && IsWordChar(s[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add((start, i - start));
                start = -1;
            }
        }

        return words;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || (c > '\u007f' && char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.OtherNumber or System.Globalization.UnicodeCategory.LetterNumber);

    private static void Add(Dictionary<string, List<Entry>> map, string key, Entry entry)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(entry);
    }

    private sealed record Entry(int Term, string[] Words, Gap[] Gaps, bool Prefix);

    private enum Gap
    {
        Space,
        Hyphen,
        HyphenSpace,
    }
}
