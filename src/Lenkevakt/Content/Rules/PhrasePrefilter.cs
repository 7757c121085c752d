using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace Lenkevakt.Content.Rules;

/// <summary>
/// A cheap test that rules out text a phrase regex (<see cref="RuleEngine.PhraseRegex"/>) cannot match, so the regex
/// (the specification and the only thing that decides what matches) runs only on text that may contain a phrase.
/// Every match of a phrase contains its longest literal piece (the text between the phrase's separators and
/// wildcards) case-insensitively; one vectorised multi-string search looks for all pieces at once.
/// The search compares case-insensitively by simple upper-casing; characters that the regex treats as equal to a piece's
/// character but that upper-casing does not (KELVIN SIGN for k, LATIN SMALL LETTER LONG S for s…) make the text a "may match".
/// </summary>
internal sealed class PhrasePrefilter
{
    // The pieces in two searches when that is cheaper: the ASCII ones (vectorised), and the others (a slower
    // case-insensitive Unicode search) only when the text has a character every match of one of them needs
    // (<see cref="otherGate"/>). That pays when those pieces are in other scripts (Cyrillic, Arabic…), which Norwegian
    // text does not have; with æ, ø or å in them the pieces stay in one search, as the gate would almost always open.
    private readonly SearchValues<string>? ascii;
    private readonly SearchValues<string>? other;
    private readonly SearchValues<char>? otherGate;
    private readonly SearchValues<char>? unusual;

    private PhrasePrefilter(IReadOnlyCollection<string> pieces, SearchValues<char>? unusual)
    {
        var asciiPieces = pieces.Where(p => Ascii.IsValid(p)).ToArray();
        var otherPieces = pieces.Where(p => !Ascii.IsValid(p)).ToArray();
        var gate = otherPieces.Select(p => p.First(c => !char.IsAscii(c))).Distinct().ToArray();
        if (asciiPieces.Length > 0 && otherPieces.Length > 0 && gate.All(c => c >= '\u0250'))
        {
            ascii = SearchValues.Create(asciiPieces, StringComparison.OrdinalIgnoreCase);
            other = SearchValues.Create(otherPieces, StringComparison.OrdinalIgnoreCase);
            otherGate = SearchValues.Create([.. gate.SelectMany(CaseEquivalents).Distinct()]);
        }
        else if (otherPieces.Length == 0)
        {
            ascii = SearchValues.Create(asciiPieces, StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            other = SearchValues.Create([.. pieces], StringComparison.OrdinalIgnoreCase);
        }

        this.unusual = unusual;
    }

    /// <summary>False only when the phrase regex cannot match <paramref name="text"/>.</summary>
    public bool MayMatch(ReadOnlySpan<char> text) =>
        (ascii is not null && text.IndexOfAny(ascii) >= 0)
        || (other is not null && (otherGate is null || text.ContainsAny(otherGate)) && text.IndexOfAny(other) >= 0)
        || (unusual is not null && text.IndexOfAny(unusual) >= 0);

    /// <summary>The prefilter of a phrase list, or null when some phrase has no literal piece to look for.</summary>
    public static PhrasePrefilter? Create(IEnumerable<string> phrases) => Create(phrases, PrefilterPiece);

    /// <summary>
    /// The positions where a match of the phrase regex can start: every match starts with its phrase's first piece
    /// (<see cref="FirstPiece"/>). Null when some phrase has none.
    /// </summary>
    public static PhrasePrefilter? CreateForStarts(IEnumerable<string> phrases) => Create(phrases, FirstPiece);

    /// <summary>Whether the text has a character the search cannot compare (then only the regex can tell).</summary>
    public bool HasUnusual(ReadOnlySpan<char> text) => unusual is not null && text.ContainsAny(unusual);

    /// <summary>The first position at or after <paramref name="from"/> where a piece starts, -1 if none (for text without <see cref="HasUnusual"/> characters).</summary>
    public int Next(string text, int from)
    {
        var span = text.AsSpan(from);
        var a = ascii is null ? -1 : span.IndexOfAny(ascii);
        var o = other is not null && (otherGate is null || span.ContainsAny(otherGate)) ? span.IndexOfAny(other) : -1;
        var i = a < 0 ? o : o < 0 ? a : Math.Min(a, o);
        return i < 0 ? -1 : from + i;
    }

    private static PhrasePrefilter? Create(IEnumerable<string> phrases, Func<string, string?> select)
    {
        var found = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in RuleEngine.NormalizedPhrases(phrases))
        {
            var piece = select(raw);
            if (piece is null)
            {
                return null;
            }

            found.Add(piece);
        }

        if (found.Count == 0)
        {
            return null;
        }

        var unusual = UnusualEquivalents(found);
        return new PhrasePrefilter(found, unusual.Length == 0 ? null : SearchValues.Create(unusual));
    }

    /// <summary>
    /// The piece the prefilter looks for: <see cref="LongestPiece"/>, or its longest ASCII part when the piece has other
    /// letters (æ, ø, å…) and that part has at least four characters (every match contains it too; the ASCII search is the fast one).
    /// </summary>
    internal static string? PrefilterPiece(string phrase)
    {
        var piece = LongestPiece(phrase);
        if (piece is null || Ascii.IsValid(piece))
        {
            return piece;
        }

        string? run = null;
        var core = phrase.EndsWith('*') ? phrase[..^1] : phrase;
        foreach (var word in core.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = word.Length > 1 && word.EndsWith('*') ? word[..^1] : word;
            foreach (var part in w.Split('-', StringSplitOptions.RemoveEmptyEntries))
            {
                var start = -1;
                for (var i = 0; i <= part.Length; i++)
                {
                    var isAscii = i < part.Length && char.IsAscii(part[i]);
                    if (isAscii && start < 0)
                    {
                        start = i;
                    }
                    else if (!isAscii && start >= 0)
                    {
                        if (run is null || i - start > run.Length)
                        {
                            run = part[start..i];
                        }

                        start = -1;
                    }
                }
            }
        }

        return run is { Length: >= 4 } ? run : piece;
    }

    /// <summary>Every character an ordinal case-insensitive comparison takes for <paramref name="c"/> (c itself included).</summary>
    private static IEnumerable<char> CaseEquivalents(char c)
    {
        var upper = char.ToUpperInvariant(c);
        return ByUpper.Value.TryGetValue(upper, out var all) ? all.Append(c) : [c, upper];
    }

    private static readonly Lazy<Dictionary<char, List<char>>> ByUpper = new(() =>
    {
        var map = new Dictionary<char, List<char>>();
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var ch = (char)i;
            if (char.IsSurrogate(ch))
            {
                continue;
            }

            var u = char.ToUpperInvariant(ch);
            if (!map.TryGetValue(u, out var list))
            {
                map[u] = list = [];
            }

            list.Add(ch);
        }

        return map;
    });

    /// <summary>
    /// The longest literal piece of a phrase: its words split at hyphens (a hyphen is optional in the regex) without a
    /// trailing '*' (any word ending). Null when there is none, or when it has surrogates (compared per code point by the search).
    /// </summary>
    internal static string? LongestPiece(string phrase)
    {
        var core = phrase.EndsWith('*') ? phrase[..^1] : phrase;
        string? best = null;
        foreach (var word in core.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var w = word.Length > 1 && word.EndsWith('*') ? word[..^1] : word;
            foreach (var piece in w.Split('-', StringSplitOptions.RemoveEmptyEntries))
            {
                if (best is null || piece.Length > best.Length)
                {
                    best = piece;
                }
            }
        }

        return best is null || best.Any(char.IsSurrogate) ? null : best;
    }

    /// <summary>
    /// The literal text a phrase's match starts with: its first word up to a hyphen (optional in the regex) or a
    /// trailing '*'. Null when there is none (a leading hyphen), or when it has surrogates.
    /// </summary>
    internal static string? FirstPiece(string phrase)
    {
        var core = phrase.EndsWith('*') ? phrase[..^1] : phrase;
        var words = core.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }

        var w = words[0].Length > 1 && words[0].EndsWith('*') ? words[0][..^1] : words[0];
        var hyphen = w.IndexOf('-', StringComparison.Ordinal);
        var piece = hyphen < 0 ? w : w[..hyphen];
        return piece.Length == 0 || piece.Any(char.IsSurrogate) ? null : piece;
    }

    /// <summary>
    /// Characters the regex (IgnoreCase, CultureInvariant) matches for some character of the pieces although an
    /// ordinal case-insensitive comparison does not: found by letting the regex itself scan every UTF-16 code unit.
    /// </summary>
    internal static char[] UnusualEquivalents(IEnumerable<string> pieces)
    {
        var all = AllChars.Value;
        var result = new SortedSet<char>();
        foreach (var c in pieces.SelectMany(p => p).Distinct())
        {
            var regex = new Regex(Regex.Escape(c.ToString()), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            for (var m = regex.Match(all); m.Success; m = m.NextMatch())
            {
                var x = all[m.Index];
                if (!MemoryExtensions.Equals([x], [c], StringComparison.OrdinalIgnoreCase))
                {
                    result.Add(x);
                }
            }
        }

        return [.. result];
    }

    private static readonly Lazy<string> AllChars = new(() => string.Create(0x10000, 0, static (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = (char)i;
        }
    }));
}

/// <summary>
/// The positions where a match of a phrase regex (<see cref="RuleEngine.PhraseRegex"/>) can start: where the first
/// piece (<see cref="PhrasePrefilter.FirstPiece"/>) of one of its phrases is and, for a word-bounded phrase (Latin,
/// Cyrillic…), no letter or number stands just before (the regex's lookbehind would fail there).
/// </summary>
internal sealed class PhraseStarts
{
    private readonly PhrasePrefilter? bounded;
    private readonly PhrasePrefilter? unbounded;

    private PhraseStarts(PhrasePrefilter? bounded, PhrasePrefilter? unbounded)
    {
        this.bounded = bounded;
        this.unbounded = unbounded;
    }

    /// <summary>Null when some phrase has no first piece.</summary>
    public static PhraseStarts? Create(IEnumerable<string> phrases)
    {
        var all = RuleEngine.NormalizedPhrases(phrases).ToList();
        if (all.Count == 0 || all.Any(p => PhrasePrefilter.FirstPiece(p) is null))
        {
            return null;
        }

        var isBounded = all.ToLookup(p => RuleEngine.IsSimpleScript(p.EndsWith('*') ? p[..^1] : p));
        var b = isBounded[true].Any() ? PhrasePrefilter.CreateForStarts(isBounded[true]) : null;
        var u = isBounded[false].Any() ? PhrasePrefilter.CreateForStarts(isBounded[false]) : null;
        return (isBounded[true].Any() && b is null) || (isBounded[false].Any() && u is null) ? null : new PhraseStarts(b, u);
    }

    /// <summary>False when the text has a character the search cannot compare (then only the regex can tell).</summary>
    public bool CanSearch(string text) => !(bounded?.HasUnusual(text) ?? false) && !(unbounded?.HasUnusual(text) ?? false);

    /// <summary>The first possible start at or after <paramref name="from"/>, -1 if none (for text where <see cref="CanSearch"/>).</summary>
    public int Next(string text, int from)
    {
        var u = unbounded?.Next(text, from) ?? -1;

        if (bounded is null)
        {
            return u;
        }

        for (var at = from; at < text.Length;)
        {
            var next = bounded.Next(text, at);
            if (next < 0 || (u >= 0 && next > u))
            {
                return u;
            }

            // [\p{L}\p{N}] before it: the lookbehind (?<![\p{L}\p{N}]) fails (case-insensitivity only adds characters to the class).
            if (next == 0 || !(char.IsLetter(text[next - 1]) || char.IsNumber(text[next - 1])))
            {
                return next;
            }

            at = next + 1;
        }

        return u;
    }
}
