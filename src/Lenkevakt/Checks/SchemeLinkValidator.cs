using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Lenkevakt.Checks;

/// <summary>Syntax checks for links that are never fetched: <c>mailto:</c> and <c>tel:</c>.</summary>
public static partial class SchemeLinkValidator
{
    /// <summary>Null when the mailto: link is valid, else the reason (in Norwegian).</summary>
    public static string? ValidateMailto(string href)
    {
        var rest = href[(href.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var query = rest.IndexOf('?', StringComparison.Ordinal);
        var addresses = Uri.UnescapeDataString(query >= 0 ? rest[..query] : rest).Trim();
        if (addresses.Length == 0)
        {
            // mailto:?to=... is legal; an empty mailto: with no recipient at all is not useful.
            return query >= 0 && rest[query..].Contains("to=", StringComparison.OrdinalIgnoreCase) ? null : "mangler mottakeradresse";
        }

        foreach (var address in addresses.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!Address().IsMatch(address) || !MailAddress.TryCreate(address, out _))
            {
                return $"«{address}» er ikke en gyldig e-postadresse";
            }
        }

        return null;
    }

    /// <summary>Null when the tel: number is a valid Norwegian number (8 digits, or a short service number like 113, 116 117) or E.164, else the reason.</summary>
    public static string? ValidateTel(string href)
    {
        var number = Uri.UnescapeDataString(href[(href.IndexOf(':', StringComparison.Ordinal) + 1)..]).Trim();
        var semicolon = number.IndexOf(';', StringComparison.Ordinal);
        if (semicolon >= 0)
        {
            number = number[..semicolon];
        }

        if (!TelChars().IsMatch(number))
        {
            return $"«{number}» inneholder tegn som ikke hører hjemme i et telefonnummer";
        }

        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        if (number.StartsWith('+') || digits.StartsWith("00", StringComparison.Ordinal))
        {
            var international = number.StartsWith('+') ? digits : digits[2..];
            if (international.StartsWith("47", StringComparison.Ordinal))
            {
                return IsNorwegian(international[2..]) ? null : $"«{number}» er ikke et gyldig norsk nummer (+47 og 8 sifre)";
            }

            return international.Length is >= 8 and <= 15 && international[0] != '0' ? null : $"«{number}» er ikke et gyldig internasjonalt nummer (E.164)";
        }

        return IsNorwegian(digits) ? null : $"«{number}» er ikke et gyldig norsk telefonnummer";
    }

    /// <summary>Norwegian numbers: 8 digits not starting with 0 or 1, or the short/service numbers (110, 112, 113, 116 xxx, 1412, 02xxx, 1xxx).</summary>
    private static bool IsNorwegian(string digits) => digits.Length switch
    {
        8 => digits[0] is not ('0' or '1'),
        3 => digits is "110" or "112" or "113",
        4 => digits[0] == '1',
        5 => digits[0] == '0' || digits.StartsWith('1'),
        6 => digits.StartsWith("116", StringComparison.Ordinal),
        _ => false,
    };

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")]
    private static partial Regex Address();

    [GeneratedRegex(@"^\+?[0-9 ().\-]{3,24}$")]
    private static partial Regex TelChars();
}
