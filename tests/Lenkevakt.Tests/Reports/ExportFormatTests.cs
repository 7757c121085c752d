using System.Text.Json;
using Lenkevakt.Content.Persistence;
using Lenkevakt.Content.Rules;
using Lenkevakt.Reports;

namespace Lenkevakt.Tests.Reports;

/// <summary>The export formats: camelCase columns as in the JSON, ISO 8601 UTC timestamps, rule outcomes by name, formula cells escaped.</summary>
[Trait("Category", "Unit")]
public sealed class ExportFormatTests
{
    private static readonly DateTimeOffset Seen = new(2026, 12, 1, 22, 13, 4, TimeSpan.FromHours(1));

    [Fact]
    public async Task FindingsCsv_HasCamelCaseColumns_UtcTimestamps_AndEscapesFormulaCells()
    {
        var row = new FindingExportRow("fjordvik", "+cmd|' /C calc'!A0", "broken-link", "=HYPERLINK(\"https://evil.example/\",\"klikk\")", "broken 404", 404, "error",
            Seen, Seen.AddMinutes(5), "internal", "-2+3", "@SUM(1+1)", "abc");
        using var text = new StringWriter();

        await FindingExport.WriteAsync([row], "csv", text, CancellationToken.None);

        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("siteId,pageUrl,kind,target,status,statusCode,severity,firstSeen,lastSeen,scope,location,message,id", lines[0].TrimEnd('\r'));
        var cells = lines[1];
        Assert.Contains(",2026-12-01T21:13:04Z,2026-12-01T21:18:04Z,", cells, StringComparison.Ordinal);
        Assert.Contains("'+cmd", cells, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK(", cells, StringComparison.Ordinal);
        Assert.Contains("'-2+3", cells, StringComparison.Ordinal);
        Assert.Contains("'@SUM(1+1)", cells, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", cells, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=", cells, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagesCsv_EscapesFormulaCells_InCrawledTitlesAndUrls()
    {
        var page = new PageExportRow
        {
            SiteId = "fjordvik",
            Url = "https://fjordvik.example/-1+1",
            Title = "=HYPERLINK(\"https://evil.example/\")",
            DetectedLang = "nb",
            Rules = [new RuleResult("telefon", RuleOutcome.Met)],
        };
        using var text = new StringWriter();

        await ExportCsv.WriteColumnsAsync([page.ToColumns()], text, CancellationToken.None);

        var csv = text.ToString();
        Assert.StartsWith("siteId,url,title,", csv, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK(", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", csv, StringComparison.Ordinal);
        Assert.Contains(",met", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void PagesJson_WritesRuleOutcomesByName()
    {
        var page = new PageExportRow
        {
            SiteId = "fjordvik",
            Url = "https://fjordvik.example/",
            DetectedLang = "nb",
            Rules = [new RuleResult("telefon", RuleOutcome.Met), new RuleResult("epost", RuleOutcome.NotMet), new RuleResult("legevakt", RuleOutcome.NotApplicable)],
        };

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(page, ExportJson.Options));

        var outcomes = json.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()).ToList();
        Assert.Equal(["met", "not-met", "not-applicable"], outcomes);
    }

    [Fact]
    public void ExportCsvTimestamp_IsIso8601Utc()
    {
        Assert.Equal("2026-12-01T21:13:04Z", ExportCsv.Timestamp(Seen));
    }
}
