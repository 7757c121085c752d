using System.Text.RegularExpressions;

namespace Lenkevakt.Content.Detectors;

/// <summary>
/// National information and helplines (the corona line, helsenorge.no guidance, the national GP line, the helplines,
/// the Poison Information Centre): hours given next to one of them are that line's hours, not the service's.
/// </summary>
public static partial class NationalLines
{
    private static readonly HashSet<string> Numbers = new(StringComparer.Ordinal)
    {
        "81555015", "23327000", "80043573", "81059500", "22400040", "80033321", "22591300", "80030196",
        "23120040", // Demenslinjen (Nasjonalforeningen for folkehelsen): a national advice line, not a municipal service's phone
    };

    /// <summary>Whether the text's eight-digit numbers are all national lines (at least one), or it names a national line and gives no other number.</summary>
    public static bool OnlyNationalLines(string text)
    {
        var national = false;
        foreach (Match m in EightDigitNumber().Matches(text))
        {
            var digits = string.Concat(m.Value.Where(char.IsAsciiDigit));
            if (!Numbers.Contains(digits))
            {
                return false;
            }

            national = true;
        }

        return national || NationalLineWords().IsMatch(text);
    }

    /// <summary>A Norwegian eight-digit number as pages write it (<c>22 40 00 40</c>, <c>815 55 015</c>, <c>51234567</c>).</summary>
    [GeneratedRegex(@"(?<!\d)(?:\d{2}\s?\d{2}\s?\d{2}\s?\d{2}|\d{3}\s?\d{2}\s?\d{3})(?!\d)", RegexOptions.CultureInvariant)]
    internal static partial Regex EightDigitNumber();

    [GeneratedRegex(@"\b(?:nasjonale?|den\s+nasjonale|national)\s+(?:\w+\s+){0,2}(?:\w*telefon\w*|\w*linje\w*|helpline|information\s+line|phone\s+line)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NationalLineWords();
}
