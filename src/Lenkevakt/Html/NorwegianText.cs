using System.Globalization;

namespace Lenkevakt.Html;

/// <summary>Numbers and times as Norwegian readers expect them (decimal comma, <c>dd.MM.yyyy kl. HH.mm</c>), without depending on ICU culture data.</summary>
public static class NorwegianText
{
    public static string DateTime(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("dd.MM.yyyy 'kl.' HH.mm", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>An ISO date (<c>2026-11-23</c>) as <c>23.11.2026</c>.</summary>
    public static string IsoDate(string iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) : iso;

    public static string Fraction(double value, int decimals = 1) =>
        value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>"73 %" with a no-break space.</summary>
    public static string Percent(double? value) => value is { } v ? Math.Round(v).ToString(CultureInfo.InvariantCulture) + "\u00A0%" : "–";

    /// <summary>A signed change: "+3", "−2" (minus sign), "±0".</summary>
    public static string Change(double value, int decimals = 0)
    {
        var rounded = Math.Round(value, decimals);
        var text = Math.Abs(rounded).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).Replace('.', ',');
        return rounded > 0 ? "+" + text : rounded < 0 ? "\u2212" + text : "±0";
    }

    public static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '\u00A0');
}
