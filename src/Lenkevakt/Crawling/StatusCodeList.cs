using System.Globalization;

namespace Lenkevakt.Crawling;

/// <summary>
/// Syntax of a status-code list such as <c>200-299,403</c> (<see cref="CrawlOptions.AcceptedStatusCodes"/>, the CLI's
/// <c>--accept</c>): comma-separated three-digit codes (100–599) or ranges <c>from-to</c> with from ≤ to.
/// </summary>
public static class StatusCodeList
{
    /// <summary>The problem with <paramref name="spec"/> in Norwegian, or null when it is a valid list.</summary>
    public static string? Problem(string? spec)
    {
        var parts = (spec ?? "").Split(',', StringSplitOptions.TrimEntries);
        if (parts.All(p => p.Length == 0))
        {
            return "listen over statuskoder er tom (f.eks. 200-299,403)";
        }

        foreach (var part in parts)
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length > 2 || !ends.All(IsCode))
            {
                return $"«{part}» er ikke en statuskode eller et område av statuskoder (100–599, f.eks. 200-299,403)";
            }

            if (ends.Length == 2 && Code(ends[0]) > Code(ends[1]))
            {
                return $"området «{part}» går baklengs";
            }
        }

        return null;
    }

    private static bool IsCode(string text) => text.Length == 3 && text.All(char.IsAsciiDigit) && Code(text) is >= 100 and <= 599;

    private static int Code(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
