using System.Globalization;

namespace Lenkevakt.Html;

/// <summary>Small inline SVG charts written through <see cref="HtmlWriter"/> (labels encoded like any text; no scripts, no external files).</summary>
public static class SvgCharts
{
    /// <summary>One bar: a label, a value from 0 to 100, and the text shown after the bar (null value: no bar, the text says why).</summary>
    public sealed record Bar(string Label, double? Value, string ValueText);

    /// <summary>A horizontal bar chart (0–100 %), one row per bar, with a title for screen readers.</summary>
    public static void HorizontalBars(HtmlWriter w, string title, IReadOnlyList<Bar> bars, int labelWidth = 220)
    {
        const int rowHeight = 22;
        const int barWidth = 360;
        const int valueWidth = 150;
        var width = labelWidth + barWidth + valueWidth;
        var height = (bars.Count * rowHeight) + 24;
        w.Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("class", "chart"), ("role", "img"), ("viewBox", $"0 0 {width} {height}"), ("width", N(width)), ("height", N(height)));
        w.Element("title", title);

        // Grid lines at 0, 50 and 100 %.
        foreach (var tick in new[] { 0, 25, 50, 75, 100 })
        {
            var x = labelWidth + (barWidth * tick / 100.0);
            w.Empty("line", ("x1", N(x)), ("x2", N(x)), ("y1", "0"), ("y2", N(height - 18)), ("class", tick is 0 or 100 ? "axis" : "grid"));
            w.Element("text", $"{tick} %", ("x", N(x)), ("y", N(height - 4)), ("class", "tick"), ("text-anchor", "middle"));
        }

        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = i * rowHeight;
            w.Element("text", Shorten(bar.Label, labelWidth / 6), ("x", N(labelWidth - 8)), ("y", N(y + 15)), ("class", "label"), ("text-anchor", "end"));
            w.Empty("rect", ("x", N(labelWidth)), ("y", N(y + 4)), ("width", N(barWidth)), ("height", "14"), ("class", "track"));
            if (bar.Value is { } v)
            {
                var clamped = Math.Clamp(v, 0, 100);
                w.Empty("rect", ("x", N(labelWidth)), ("y", N(y + 4)), ("width", N(barWidth * clamped / 100)), ("height", "14"), ("class", "bar " + Band(clamped)));
            }

            w.Element("text", bar.ValueText, ("x", N(labelWidth + barWidth + 8)), ("y", N(y + 15)), ("class", "value"));
        }

        w.Close("svg");
    }

    /// <summary>A sparkline of values 0–100 over time (oldest first), with the last point marked.</summary>
    public static void Sparkline(HtmlWriter w, string title, IReadOnlyList<double> values, int width = 240, int height = 48)
    {
        w.Open("svg", ("xmlns", "http://www.w3.org/2000/svg"), ("class", "spark"), ("role", "img"), ("viewBox", $"0 0 {width} {height}"), ("width", N(width)), ("height", N(height)));
        w.Element("title", title);
        w.Empty("rect", ("x", "0"), ("y", "0"), ("width", N(width)), ("height", N(height)), ("class", "track"));
        if (values.Count > 0)
        {
            double X(int i) => values.Count == 1 ? width / 2.0 : 4 + ((width - 8) * i / (double)(values.Count - 1));
            double Y(double v) => height - 4 - ((height - 8) * Math.Clamp(v, 0, 100) / 100);
            var points = string.Join(" ", values.Select((v, i) => $"{N(X(i))},{N(Y(v))}"));
            w.Empty("polyline", ("points", points), ("class", "line"));
            w.Empty("circle", ("cx", N(X(values.Count - 1))), ("cy", N(Y(values[^1]))), ("r", "3"), ("class", "dot " + Band(values[^1])));
        }

        w.Close("svg");
    }

    /// <summary>Colour band of a 0–100 value: <c>good</c> ≥ 90, <c>fair</c> ≥ 70, else <c>poor</c>.</summary>
    public static string Band(double value) => value >= 90 ? "good" : value >= 70 ? "fair" : "poor";

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)].TrimEnd() + "…";

    private static string N(double v) => Math.Round(v, 1).ToString(CultureInfo.InvariantCulture);
}
