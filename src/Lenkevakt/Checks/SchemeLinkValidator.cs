using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Lenkevakt.Checks;

/// <summary>Syntax checks for links that are never fetched: <c>mailto:</c> and <c>tel:</c>.</summary>
public static partial class SchemeLinkValidator
{
    /// <summary>Null when the mailto: link is valid, else the reason (in Norwegian).</summary>
    /// <remarks>
    /// RFC 6068 with the limits of RFC 5321/5322: several addresses separated by commas, and <c>?to=</c>, <c>cc=</c>,
    /// <c>bcc=</c>, <c>subject=</c>, <c>body=</c> are fine; a local part over 64 characters, a domain over 253 or a label over
    /// 63, a local part that starts or ends with a dot (or has two in a row), <c>_</c> in a domain label, an all-numeric
    /// top-level label and an invalid <c>%</c> escape are not.
    /// </remarks>
    public static string? ValidateMailto(string href)
    {
        var rest = href[(href.IndexOf(':', StringComparison.Ordinal) + 1)..];
        if (InvalidEscape(rest) is { } bad)
        {
            return $"«{bad}» er en ugyldig %-koding";
        }

        var query = rest.IndexOf('?', StringComparison.Ordinal);
        var addresses = Uri.UnescapeDataString(query >= 0 ? rest[..query] : rest).Trim();
        var headerAddresses = new List<string>();
        var hasTo = false;
        if (query >= 0)
        {
            foreach (var pair in rest[(query + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                var name = (eq < 0 ? pair : pair[..eq]).ToLowerInvariant();
                var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' ')).Trim();
                if (name is "to" or "cc" or "bcc" && value.Length > 0)
                {
                    hasTo |= name == "to";
                    headerAddresses.AddRange(value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                }
            }
        }

        if (addresses.Length == 0 && !hasTo)
        {
            return "mangler mottakeradresse";
        }

        foreach (var address in addresses.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Concat(headerAddresses))
        {
            if (AddressProblem(address) is { } problem)
            {
                return $"«{address}» er ikke en gyldig e-postadresse ({problem})";
            }
        }

        return null;
    }

    private static string? AddressProblem(string address)
    {
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1 || !Address().IsMatch(address) || !MailAddress.TryCreate(address, out _))
        {
            return "mangler navn, @ eller domene";
        }

        var local = address[..at];
        var domain = address[(at + 1)..].TrimEnd('.');
        if (local.Length > 64)
        {
            return "navnet før @ er lengre enn 64 tegn";
        }

        if (!local.StartsWith('"') && (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal)))
        {
            return "navnet før @ kan ikke begynne eller slutte med punktum eller ha to punktum etter hverandre";
        }

        if (domain.Length > 253)
        {
            return "domenet er lengre enn 253 tegn";
        }

        var labels = domain.Split('.');
        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63)
            {
                return label.Length == 0 ? "domenet har en tom del" : "en del av domenet er lengre enn 63 tegn";
            }

            if (label.StartsWith('-') || label.EndsWith('-') || !label.All(c => char.IsLetterOrDigit(c) || c == '-'))
            {
                return $"«{label}» er ikke en gyldig del av et domenenavn";
            }
        }

        return labels[^1].All(char.IsAsciiDigit) ? "toppdomenet kan ikke bare være tall" : null;
    }

    /// <summary>The first <c>%</c> not followed by two hex digits, or null.</summary>
    private static string? InvalidEscape(string s)
    {
        for (var i = s.IndexOf('%', StringComparison.Ordinal); i >= 0; i = s.IndexOf('%', i + 1))
        {
            if (i + 2 >= s.Length || !char.IsAsciiHexDigit(s[i + 1]) || !char.IsAsciiHexDigit(s[i + 2]))
            {
                return s[i..Math.Min(s.Length, i + 3)];
            }
        }

        return null;
    }

    /// <summary>Null when the tel: number is a valid Norwegian number (8 digits, or a short service number like 113, 116 117) or E.164, else the reason.</summary>
    public static string? ValidateTel(string href)
    {
        var raw = href[(href.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var number = (InvalidEscape(raw) is null ? Uri.UnescapeDataString(raw) : raw).Trim();
        var semicolon = number.IndexOf(';', StringComparison.Ordinal);
        if (semicolon >= 0)
        {
            // RFC 3966 parameters: ;ext=123, ;phone-context=…, ;isub=…
            number = number[..semicolon];
        }

        // What dialers add after the number: a pause (",", "p") or a wait ("w") before an extension or a menu choice.
        var pause = number.IndexOfAny([',', 'p', 'P', 'w', 'W']);
        if (pause > 0 && PauseTail().IsMatch(number[pause..]))
        {
            number = number[..pause];
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

    [GeneratedRegex(@"^[,pPwW][0-9,pPwW*#]*$")]
    private static partial Regex PauseTail();
}
