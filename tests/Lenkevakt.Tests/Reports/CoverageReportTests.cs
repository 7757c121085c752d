using System.Globalization;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Lenkevakt.Reports;
using Lenkevakt.Sites;
using Lenkevakt.Storage;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lenkevakt.Tests.Reports;

/// <summary>The coverage report on real Azurite, from results written through the real stores (<see cref="ReportSeed"/>).</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CoverageReportTests(AzuriteFixture azurite)
{
    private static readonly string[] AlfaMet = ["kommunale-helsetjenester", "fastlege-dagtid", "legevakt-116117", "legevakt-utenfor-kontortid", "nodnummer-113", "telefon", "apningstider"];
    private static readonly DateTimeOffset Day1 = DateTimeOffset.Parse("2026-11-23T09:00:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Html_ShowsTheCountyMatrix_EveryMunicipality_AndEncodesEverythingCrawled()
    {
        var (services, _) = await SeededAsync();
        await using var _1 = services;

        var doc = await Handler(services).HandleAsync(new CoverageReportRequest("98", "html"), CancellationToken.None);

        Assert.Equal("text/html; charset=utf-8", doc.ContentType);
        Assert.Null(doc.FileName);
        var html = doc.Body;
        var page = new HtmlParser().ParseDocument(html);
        Assert.Equal("nb", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("default-src 'none'", page.QuerySelector("meta[http-equiv=Content-Security-Policy]")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script, link, img, iframe, object, [src]"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll("svg.chart").Length);

        // One county's report starts with that county; the national summary follows for comparison.
        Assert.Equal("Testfylke (98)", page.QuerySelector("main h2")!.TextContent);

        // National summary: 357 municipalities of kommuner.csv + the three of Testfylke.
        Assert.Contains("Landsoversikt", html, StringComparison.Ordinal);
        Assert.Contains("\"Noto Sans Ethiopic\"", html, StringComparison.Ordinal); // Tigrinya, Amharic
        Assert.Contains("\"Noto Sans Arabic\"", html, StringComparison.Ordinal);
        Assert.Equal("360", page.QuerySelector(".national .card b")!.TextContent);

        // Only the county asked for, with its three municipalities in kommunenummer order.
        var county = Assert.Single(page.QuerySelectorAll("section.county"));
        Assert.Equal("Testfylke (98)", county.QuerySelector("h2")!.TextContent);
        var rows = county.QuerySelectorAll("table.matrix tbody tr");
        Assert.Equal(["Alfa9801", "Beta9802", "Gamma9803"], rows.Select(r => r.QuerySelector("td.kommune")!.TextContent));
        var alfaCells = rows[0].QuerySelectorAll("td.cell");
        Assert.Equal(14, alfaCells.Length);
        Assert.Equal(AlfaMet.Length, alfaCells.Count(c => c.ClassList.Contains("met")));
        Assert.Equal("✓", alfaCells[0].TextContent);
        Assert.Contains("Funnet: «<b>Ring 116 117</b>»", alfaCells[0].GetAttribute("title"), StringComparison.Ordinal); // evidence as text
        Assert.Equal("en, pl", rows[0].QuerySelector("td.lang")!.TextContent);
        Assert.Contains("ikke nådd", rows[1].QuerySelector("td.state")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ikke sjekket", rows[2].QuerySelector("td.state")!.TextContent);
        Assert.Equal("14", rows[2].QuerySelector("td.state")!.GetAttribute("colspan"));

        // Broken links: counted (2), listed with the crawled title as text; the javascript: link is neither counted nor a link.
        Assert.Equal("2", rows[0].QuerySelectorAll("td.num")[0].TextContent);
        var listed = county.QuerySelectorAll("table.broken tbody tr");
        Assert.Contains(listed, r => r.TextContent.Contains(ReportSeed.HostileTitle, StringComparison.Ordinal));
        Assert.Contains("&lt;script&gt;window.__lenkevaktXss=1&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("a[href]"), a => Assert.Matches("^https?://", a.GetAttribute("href")!));
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_HasOneRowPerMunicipalityAndRule_AndEscapesFormulas()
    {
        var (services, _) = await SeededAsync();
        await using var _1 = services;

        var county = await Handler(services).HandleAsync(new CoverageReportRequest("testfylke", "csv"), CancellationToken.None);
        var all = await Handler(services).HandleAsync(new CoverageReportRequest(null, "csv"), CancellationToken.None);

        Assert.Equal("text/csv; charset=utf-8", county.ContentType);
        Assert.Equal("dekningsrapport-testfylke-2026-11-23.csv", county.FileName);
        var lines = Lines(county.Body);
        Assert.Equal("fylkesnummer,fylke,kommunenummer,kommune,status,siteId,ruleNumber,ruleId,rule,outcome,evidence,evidencePageUrl,note,languagesOffered,brokenLinks,medianLix,lastCrawlAt,previousReport,rulesMetChange,brokenLinksChange", lines[0]);
        Assert.Equal(1 + (3 * 14), lines.Count);
        Assert.Equal(1 + (360 * 14), Lines(all.Body).Count);
        Assert.Equal(14, lines.Count(l => l.StartsWith("98,Testfylke,9803,Gamma,not-checked,kommune-9803,", StringComparison.Ordinal) && l.Contains(",not-checked,", StringComparison.Ordinal)));
        Assert.Equal(AlfaMet.Length, lines.Count(l => l.StartsWith("98,Testfylke,9801,Alfa,checked,", StringComparison.Ordinal) && l.Contains(",met,", StringComparison.Ordinal)));
        var legevakt = lines.Single(l => l.Contains(",9801,", StringComparison.Ordinal) && l.Contains(",legevakt-116117,", StringComparison.Ordinal));
        Assert.Contains("\"'=HYPERLINK(", legevakt, StringComparison.Ordinal); // a spreadsheet shows the crawled text, it does not run it
        Assert.Contains(",en pl,2,41.5,2026-11-23T09:00:00Z,", legevakt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_IsStructured_WithRulesCountiesAndCells()
    {
        var (services, _) = await SeededAsync();
        await using var _1 = services;

        var doc = await Handler(services).HandleAsync(new CoverageReportRequest("Testfylke", "json"), CancellationToken.None);

        Assert.Equal("application/json; charset=utf-8", doc.ContentType);
        var json = JsonDocument.Parse(doc.Body).RootElement;
        Assert.Equal("Testfylke", json.GetProperty("fylke").GetString());
        Assert.Equal("2026-11-23", json.GetProperty("reportDate").GetString());
        Assert.StartsWith("required-fields@", json.GetProperty("ruleSet").GetString(), StringComparison.Ordinal);
        Assert.Equal(14, json.GetProperty("rules").GetArrayLength());
        Assert.Equal(360, json.GetProperty("national").GetProperty("municipalities").GetInt32());
        Assert.Equal(1, json.GetProperty("national").GetProperty("checked").GetInt32());
        Assert.Equal(1, json.GetProperty("national").GetProperty("unreachable").GetInt32());
        var county = Assert.Single(json.GetProperty("counties").EnumerateArray().ToList());
        Assert.Equal("98", county.GetProperty("fylkesnummer").GetString());
        var alfa = county.GetProperty("municipalities")[0];
        Assert.Equal("checked", alfa.GetProperty("status").GetString());
        Assert.Equal(AlfaMet.Length, alfa.GetProperty("rulesMet").GetInt32());
        Assert.Equal(14, alfa.GetProperty("rulesAssessed").GetInt32());
        Assert.Equal(2, alfa.GetProperty("brokenLinks").GetInt32());
        Assert.Equal(ReportSeed.HostileTitle, alfa.GetProperty("brokenLinkExamples").EnumerateArray().Select(b => b.GetProperty("pageTitle").GetString()).Single(t => t!.Contains("script", StringComparison.Ordinal)));
        var cell = alfa.GetProperty("rules").EnumerateArray().Single(c => c.GetProperty("ruleId").GetString() == "e-post");
        Assert.Equal("not-met", cell.GetProperty("outcome").GetString());
        Assert.StartsWith("Mangler på 3 av 4 hjelpesider.", cell.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal("not-checked", county.GetProperty("municipalities")[2].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, county.GetProperty("municipalities")[2].GetProperty("brokenLinks").ValueKind);
    }

    [Fact]
    public async Task NextDaysReport_ShowsTheChangeSinceThePreviousReport()
    {
        var (services, clock) = await SeededAsync();
        await using var _1 = services;
        var handler = Handler(services);
        await handler.HandleAsync(new CoverageReportRequest(null, "json"), CancellationToken.None);
        var sameDay = JsonDocument.Parse((await handler.HandleAsync(new CoverageReportRequest("98", "json"), CancellationToken.None)).Body).RootElement;
        Assert.Equal(JsonValueKind.Null, Change(sameDay).ValueKind); // a report never compares with its own day

        // Next night Alfa fixed both broken links and now has the psychiatric helplines.
        clock.SetUtcNow(Day1.AddDays(1));
        await new ReportSeed(services).RunAsync("r2", Day1.AddDays(1), [ReportSeed.Redirect, ReportSeed.JavascriptLink], [.. AlfaMet, "hjelpetelefoner-psykisk-helse"]);
        var json = JsonDocument.Parse((await handler.HandleAsync(new CoverageReportRequest("98", "json"), CancellationToken.None)).Body).RootElement;
        var html = (await handler.HandleAsync(new CoverageReportRequest("98", "html"), CancellationToken.None)).Body;

        var county = Change(json);
        Assert.Equal("2026-11-23", county.GetProperty("since").GetString());
        Assert.Equal(1, county.GetProperty("rulesMet").GetInt32());
        Assert.Equal(-2, county.GetProperty("brokenLinks").GetInt32());
        Assert.Equal(100.0 / 14, county.GetProperty("coveragePoints").GetDouble(), 6);
        var alfa = json.GetProperty("counties")[0].GetProperty("municipalities")[0].GetProperty("change");
        Assert.Equal(1, alfa.GetProperty("rulesMet").GetInt32());
        Assert.Equal(-2, alfa.GetProperty("brokenLinks").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("counties")[0].GetProperty("municipalities")[1].GetProperty("change").GetProperty("rulesMet").ValueKind); // Beta: not comparable
        Assert.Equal("2026-11-23", json.GetProperty("national").GetProperty("change").GetProperty("since").GetString());
        var text = new HtmlParser().ParseDocument(html).Body!.TextContent;
        Assert.Contains("Endring siden rapporten 23.11.2026: dekning +7 prosentpoeng, +1 krav oppfylt, \u22122 brutte lenker.", text, StringComparison.Ordinal);
        Assert.Contains("Alfa9801", text, StringComparison.Ordinal);
        Assert.Contains("+1 krav \u22122 lenker", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Narnia", "format", "Ukjent fylke «Narnia»")]
    [InlineData("98", "pdf", "Ukjent format «pdf»")]
    public async Task UnknownCountyOrFormat_IsAnArgumentError_InNorwegian(string fylke, string format, string message)
    {
        var (services, _) = await SeededAsync();
        await using var _1 = services;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Handler(services).HandleAsync(new CoverageReportRequest(fylke, format == "format" ? "html" : format), CancellationToken.None));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingMunicipalityList_IsAConfigurationError_NamingTheSetting()
    {
        await using var services = TestServices.Create(azurite.ConnectionString, settings: new Dictionary<string, string?> { ["Lenkevakt:Reports:MunicipalitiesCsv"] = "/nonexistent/kommuner.csv" }, configure: s => s.AddSingleton<ISiteCatalog>(new FixedSiteCatalog(ReportSeed.Catalog)));
        await services.GetRequiredService<StorageProvisioner>().EnsureAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<SitesFileException>(() => Handler(services).HandleAsync(new CoverageReportRequest(null, "html"), CancellationToken.None));

        Assert.Contains("Lenkevakt:Reports:MunicipalitiesCsv", error.Message, StringComparison.Ordinal);
    }

    private async Task<(ServiceProvider Services, FakeTimeProvider Clock)> SeededAsync()
    {
        var clock = new FakeTimeProvider(Day1);
        var services = TestServices.Create(
            azurite.ConnectionString,
            settings: new Dictionary<string, string?> { ["Lenkevakt:Reports:MunicipalitiesCsv"] = Path.Combine(TestServices.RepoRoot(), "config", "kommuner.csv") },
            configure: s =>
            {
                s.AddSingleton<TimeProvider>(clock);
                s.AddSingleton<ISiteCatalog>(new FixedSiteCatalog(ReportSeed.Catalog));
            });
        await services.GetRequiredService<StorageProvisioner>().EnsureAsync(CancellationToken.None);
        await new ReportSeed(services).RunAsync("r1", Day1, [ReportSeed.BrokenOnHostilePage, ReportSeed.BrokenOnFrontPage, ReportSeed.Redirect, ReportSeed.JavascriptLink], AlfaMet);
        return (services, clock);
    }

    [Fact]
    public async Task BrokenLinkExamples_AreTheSame_FromTheDashboardRow_AndFromTheFindingsOfAnOlderRow()
    {
        var (services, _) = await SeededAsync();
        await using var _1 = services;
        static string Examples(string body) => JsonDocument.Parse(body).RootElement.GetProperty("counties")[0].GetProperty("municipalities")[0].GetProperty("brokenLinkExamples").GetRawText();

        var fromRow = Examples((await Handler(services).HandleAsync(new CoverageReportRequest("98", "json"), CancellationToken.None)).Body);

        // A dashboard row written before the examples were kept on it: the report reads the site's open findings instead.
        var storage = services.GetRequiredService<StorageClients>();
        var table = storage.Table(storage.Names.DashboardTable);
        var row = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>("site", ReportSeed.Alfa.Id)).Value;
        Assert.Contains("finnes-ikke.html", row.GetString("BrokenLinksJson"), StringComparison.Ordinal);
        row.Remove("BrokenLinksJson");
        await table.UpsertEntityAsync(row, Azure.Data.Tables.TableUpdateMode.Replace);
        var fromFindings = Examples((await Handler(services).HandleAsync(new CoverageReportRequest("98", "json"), CancellationToken.None)).Body);

        Assert.Equal(fromFindings, fromRow);
        Assert.Equal(2, JsonDocument.Parse(fromRow).RootElement.GetArrayLength());
    }

    private static CoverageReportHandler Handler(IServiceProvider services) => services.GetRequiredService<CoverageReportHandler>();

    private static JsonElement Change(JsonElement report) => report.GetProperty("counties")[0].GetProperty("summary").GetProperty("change");

    private static List<string> Lines(string csv) => csv.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries).ToList();
}
