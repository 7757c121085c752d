using System.Text.RegularExpressions;
using Lenkevakt.Content.Text;

namespace Lenkevakt.Content.Detectors;

/// <summary>
/// Finds Norwegian phone numbers in text and <c>tel:</c> links. Understands the usual ways of writing them:
/// <c>22 40 00 40</c>, <c>22400040</c>, <c>+47 22 40 00 40</c>, <c>0047 22400040</c>, <c>(+47) 224 00 040</c>, <c>800 33 321</c>,
/// <c>116 117</c> / <c>116117</c> / <c>+47 116 117</c>, and the three-digit emergency numbers (110, 112, 113).
/// Times, time ranges and dates are masked first so that <c>20.00-23.00</c> or <c>12.03.2024</c> never look like numbers.
/// Values are digits without the country code. Eight-digit numbers must start with 2–9 (Norwegian numbering plan).
/// </summary>
public static partial class PhoneDetector
{
    public const string Name = "phone";

    private static readonly string[] DefaultContext = ["tlf", "telefon", "telefonnummer", "ring", "ringe", "ringer", "ringja", "mobil", "sms", "nummer", "nr", "phone", "call", "tel", "sentralbord", "sentralbordet", "vakttelefon", "nødnummer", "nødtelefon", "naudnummer"];

    public static IEnumerable<DetectorHit> Find(IReadOnlyList<TextBlock> blocks)
    {
        foreach (var block in blocks)
        {
            var previous = DetectorText.Previous(blocks, block.Index);
            foreach (var hit in FindInText(block.Text, previous))
            {
                yield return hit with { BlockIndex = block.Index, Region = block.Region, Where = block.Where };
            }

            foreach (var link in block.Links)
            {
                if (FromTelLink(link.Href) is { } digits)
                {
                    yield return new DetectorHit(Name, digits, "tel-link", $"<a href=\"{TextNormalizer.Truncate(link.Href, 60)}\">{TextNormalizer.Truncate(link.Text, 60)}</a>", block.Index, block.Region, block.Where + ", tel:-lenke", "tel " + link.Text);
                }
            }
        }
    }

    /// <summary>Phone numbers in one piece of text. <see cref="DetectorHit.BlockIndex"/> is -1; callers set it.</summary>
    public static IEnumerable<DetectorHit> FindInText(string text, string? previous = null)
    {
        // Every candidate (and everything the mask replaces) has digits.
        if (!DetectorText.HasDigit(text))
        {
            yield break;
        }

        var masked = Mask(text);
        var taken = new List<(int Start, int End)>();
        foreach (Match m in Candidates().Matches(masked))
        {
            if (Overlaps(taken, m.Index, m.Length))
            {
                continue;
            }

            var digits = Normalize(m.Value);
            var kind = Classify(digits, m.Value);
            if (kind is null)
            {
                continue;
            }

            var context = DetectorText.Context(text, m.Index, m.Length, previous);
            var before = DetectorText.Context(text, m.Index, 0, previous, 30);
            var needsContext = kind is "short" or "emergency" || (kind == "mobile-4-4" && digits[0] is not ('4' or '9'));
            if (needsContext && !HasContext(before, DefaultContext) && !StandsAsValue(text, m.Index, m.Length))
            {
                if (kind != "emergency")
                {
                    continue;
                }
            }

            if (kind == "emergency" && LooksLikeOtherNumber(text, m.Index, m.Length))
            {
                continue;
            }

            taken.Add((m.Index, m.Index + m.Length));
            yield return new DetectorHit(Name, digits, "text", DetectorText.Snippet(text, m.Index, m.Length), -1, PageRegion.None, "", context);
        }
    }

    /// <summary>Digits of a tel: href (without +47/0047), or null when it is not a tel: link.</summary>
    public static string? FromTelLink(string href)
    {
        if (!href.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) && !href.StartsWith("callto:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var value = Uri.UnescapeDataString(href[(href.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        if (semicolon >= 0)
        {
            value = value[..semicolon];
        }

        var digits = Normalize(value);
        return digits.Length >= 3 ? digits : null;
    }

    /// <summary>Digits only, with a leading +47 / 0047 / (+47) removed.</summary>
    public static string Normalize(string value)
    {
        var s = value.Trim();
        var international = s.StartsWith('+') || s.StartsWith("(+", StringComparison.Ordinal) || s.StartsWith("00", StringComparison.Ordinal);
        var digits = new string(s.Where(char.IsAsciiDigit).ToArray());
        if (international)
        {
            if (digits.StartsWith("0047", StringComparison.Ordinal))
            {
                digits = digits[4..];
            }
            else if (digits.StartsWith("47", StringComparison.Ordinal) && digits.Length > 5)
            {
                digits = digits[2..];
            }
        }

        return digits;
    }

    private static string? Classify(string digits, string raw) => digits.Length switch
    {
        8 when digits[0] is >= '2' and <= '9' => IsFourFour(raw) ? "mobile-4-4" : "number",
        6 when digits.StartsWith("116", StringComparison.Ordinal) => "harmonised",
        5 when digits[0] == '0' => "short",
        3 when digits is "110" or "112" or "113" => "emergency",
        _ => null,
    };

    private static bool IsFourFour(string raw)
    {
        var parts = raw.Trim().Split([' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && parts[0].Length == 4 && parts[1].Length == 4;
    }

    private static bool HasContext(string before, string[] words)
    {
        var lower = InvariantLower.Of(before);
        foreach (var w in words)
        {
            var i = lower.LastIndexOf(w, StringComparison.Ordinal);
            if (i >= 0 && (i == 0 || !char.IsLetter(lower[i - 1])) && (i + w.Length >= lower.Length || !char.IsLetter(lower[i + w.Length])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The number is the whole value of a line or cell (e.g. "Legevakt: 116 117" or a table cell).</summary>
    private static bool StandsAsValue(string text, int start, int length)
    {
        var before = text[..start].TrimEnd(' ', '+');
        var after = text[(start + length)..].TrimStart(' ');
        var beforeOk = before.Length == 0 || before[^1] is ':' or '|' or '\n' or '(' or '–';
        var afterOk = after.Length == 0 || after[0] is '\n' or '|' or ')' or '.' or ',' or ';';
        return beforeOk && afterOk;
    }

    /// <summary>A three-digit number that is really a box number, page, room, price, amount or year part.</summary>
    private static bool LooksLikeOtherNumber(string text, int start, int length)
    {
        var before = InvariantLower.Of(text[..start].TrimEnd());
        ReadOnlySpan<string> prefixes = ["postboks", "pb", "pb.", "boks", "nr", "nr.", "side", "s.", "rom", "§", "kr", "kr.", "bus", "buss", "linje", "rute", "vei", "veg", "gate", "gata", "-"];
        foreach (var p in prefixes)
        {
            if (before.EndsWith(p, StringComparison.Ordinal) && (before.Length == p.Length || !char.IsLetter(before[^(p.Length + 1)]) || p is "§" or "-"))
            {
                return true;
            }
        }

        var after = InvariantLower.Of(text[(start + length)..].TrimStart());
        ReadOnlySpan<string> suffixes = ["kr", "år", "%", "personer", "stk", "timer", "dager", "m ", "km", "000", "mill"];
        foreach (var s in suffixes)
        {
            if (after.StartsWith(s, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return after.Length > 1 && after[0] is ',' or '.' && char.IsAsciiDigit(after[1]);
    }

    private static bool Overlaps(List<(int Start, int End)> taken, int start, int length) => taken.Any(t => start < t.End && start + length > t.Start);

    /// <summary>Replaces times, time ranges, dates and number ranges with '#' so they cannot be read as phone numbers.</summary>
    internal static string Mask(string text)
    {
        var s = TimeRange().Replace(text, m => new string('#', m.Length));
        s = DateLike().Replace(s, m => new string('#', m.Length));
        s = ClockTime().Replace(s, m => new string('#', m.Length));
        return s;
    }

    // Candidates, longest forms first. Boundaries: no digit (or '+digit') right before, no digit right after.
    [GeneratedRegex(@"(?<![\d+#])(?:(?:\+|00)\s?47[\s.-]?|\(\+?47\)\s?)?(?:\d{2}[ .]\d{2}[ .]\d{2}[ .]\d{2}|\d{3}[ ]\d{2}[ ]\d{3}|\d{3}[ ]\d{5}|\d{4}[ ]\d{4}|\d{8}|116[ .]?\d{3}|0\d{4}|11[023])(?![\d#])(?!\s?\d{2}\b)(?![.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Candidates();

    [GeneratedRegex(@"(?<![\d.])\d{1,2}[.:]\d{2}\s*(?:-|til|to)\s*\d{1,2}[.:]\d{2}(?![.:]?\d)|(?<!\d)[0-2]\d[0-5]\d\s?-\s?[0-2]\d[0-5]\d(?!\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TimeRange();

    [GeneratedRegex(@"(?<![\d.])\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}(?!\.?\d)|(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)|(?<!\d)(?:19|20)\d{2}\s?-\s?(?:19|20)?\d{2}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DateLike();

    [GeneratedRegex(@"(?:kl\.?|klokka|klokken)\s*\d{1,2}(?:[.:]\d{2})?|(?<![\d.])\d{1,2}[.:]\d{2}(?![.:]?\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ClockTime();
}
