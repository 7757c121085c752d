using System.Globalization;
using Lenkevakt.Html;

namespace Lenkevakt.Reports;

/// <summary>
/// The county governors' coverage report (<c>lenkevakt report</c>, <c>GET /report</c>, the Functions app's
/// <c>GET /api/report</c>): builds the content, adds the change since the previous report, stores this report's
/// numbers for the next one, and renders HTML (self-contained, printable), CSV (one row per municipality × rule) or JSON.
/// An unknown format or county is an <see cref="ArgumentException"/> with a Norwegian message.
/// </summary>
public sealed class CoverageReportHandler(
    CoverageModelBuilder builder,
    ReportSnapshotStore snapshots,
    DisplayTimeZone timeZone,
    TimeProvider time)
{
    public static readonly IReadOnlyList<string> Formats = ["html", "csv", "json"];

    public async Task<RenderedDocument> HandleAsync(CoverageReportRequest request, CancellationToken ct)
    {
        var format = string.IsNullOrWhiteSpace(request.Format) ? "html" : request.Format.Trim().ToLowerInvariant();
        if (!Formats.Contains(format))
        {
            throw new ArgumentException($"Ukjent format «{request.Format}»: bruk html, csv eller json.");
        }

        var zone = timeZone.Find();
        var now = time.GetUtcNow();
        var reportDate = TimeZoneInfo.ConvertTime(now, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var model = await builder.BuildAsync(request.Fylke, now, reportDate, ct).ConfigureAwait(false);

        var previous = new Dictionary<string, (string, IReadOnlyList<MunicipalitySnapshot>)>(StringComparer.Ordinal);
        foreach (var county in model.AllCounties)
        {
            if (await snapshots.GetPreviousAsync(county, reportDate, ct).ConfigureAwait(false) is { } prev)
            {
                previous[county.Fylke] = prev;
            }
        }

        model = CoverageTrend.Apply(model, previous);
        await snapshots.SaveAsync(reportDate, now, model.AllCounties, ct).ConfigureAwait(false);

        var name = $"dekningsrapport-{Slug(model.Fylke ?? "alle-fylker")}-{reportDate}";
        return format switch
        {
            "csv" => new RenderedDocument("text/csv; charset=utf-8", CoverageCsvRenderer.Render(model), name + ".csv"),
            "json" => new RenderedDocument("application/json; charset=utf-8", CoverageJsonRenderer.Render(model), name + ".json"),
            _ => new RenderedDocument("text/html; charset=utf-8", CoverageHtmlRenderer.Render(model, zone), null),
        };
    }

    /// <summary>"Møre og Romsdal" → "more-og-romsdal" (ASCII file names).</summary>
    internal static string Slug(string s)
    {
        var map = s.ToLowerInvariant().Replace("æ", "ae", StringComparison.Ordinal).Replace("ø", "o", StringComparison.Ordinal).Replace("å", "a", StringComparison.Ordinal);
        var chars = map.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        return string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }
}
