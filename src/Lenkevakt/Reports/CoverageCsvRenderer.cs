using System.Globalization;

namespace Lenkevakt.Reports;

/// <summary>
/// The report as CSV (RFC 4180, header row, UTF-8): one row per municipality × rule, with the municipality's languages,
/// broken links, LIX, last crawl and change repeated on each of its rows. Crawled text that starts like a spreadsheet
/// formula (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>) is escaped so a spreadsheet shows it as text (<see cref="ExportCsv"/>).
/// </summary>
public static class CoverageCsvRenderer
{
    public static string Render(CoverageModel model)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = ExportCsv.CreateWriter(text))
        {
            csv.WriteRecords(Rows(model));
        }

        return text.ToString();
    }

    private static IEnumerable<CoverageCsvRow> Rows(CoverageModel model) =>
        from county in model.Counties
        from m in county.Municipalities
        from rule in model.Rules
        let cell = m.Rules.First(c => c.RuleId == rule.Id)
        select new CoverageCsvRow(
            county.Fylkesnummer,
            county.Fylke,
            m.Kommunenummer,
            m.Name,
            m.Status,
            m.SiteId,
            rule.Number,
            rule.Id,
            rule.Title,
            cell.Outcome,
            cell.Evidence,
            cell.PageUrl,
            cell.Note,
            string.Join(" ", m.LanguagesOffered),
            m.BrokenLinks,
            m.MedianLix?.ToString("0.0", CultureInfo.InvariantCulture),
            m.LastCrawlAt is { } crawled ? ExportCsv.Timestamp(crawled) : null,
            m.Change?.Since,
            m.Change?.RulesMet,
            m.Change?.BrokenLinks);
}
