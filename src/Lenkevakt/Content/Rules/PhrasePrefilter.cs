using System.Buffers;
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
    private readonly SearchValues<string> pieces;
    private readonly SearchValues<char>? unusual;

    private PhrasePrefilter(SearchValues<string> pieces, SearchValues<char>? unusual)
    {
        this.pieces = pieces;
        this.unusual = unusual;
    }

    /// <summary>False only when the phrase regex cannot match <paramref name="text"/>.</summary>
    public bool MayMatch(ReadOnlySpan<char> text) =>
        text.IndexOfAny(pieces) >= 0 || (unusual is not null && text.IndexOfAny(unusual) >= 0);

    /// <summary>The prefilter of a phrase list, or null when some phrase has no literal piece to look for.</summary>
    public static PhrasePrefilter? Create(IEnumerable<string> phrases) => Create(phrases, LongestPiece);

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
        var i = text.AsSpan(from).IndexOfAny(pieces);
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
        return new PhrasePrefilter(SearchValues.Create([.. found], StringComparison.OrdinalIgnoreCase), unusual.Length == 0 ? null : SearchValues.Create(unusual));
    }

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
