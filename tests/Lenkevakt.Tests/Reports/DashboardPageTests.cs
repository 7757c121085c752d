using System.Globalization;
using AngleSharp.Html.Parser;
using Lenkevakt.Dashboard;
using Lenkevakt.Findings;
using Lenkevakt.Sites;
using Lenkevakt.Storage;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Reports;

/// <summary>The dashboard page from results written through the real stores.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DashboardPageTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-11-23T01:00:00Z", CultureInfo.InvariantCulture);

    [Fact]
    public async Task SiteList_IsSortedByHealth_AndFiltersByCountyAndKind()
    {
        await using var services = await SeededAsync();
        var handler = services.GetRequiredService<DashboardPageHandler>();

        var all = Parse(await handler.HandleAsync(new DashboardPageRequest(null, null, null), CancellationToken.None));
        var county = Parse(await handler.HandleAsync(new DashboardPageRequest("98", null, null), CancellationToken.None));
        var redirects = Parse(await handler.HandleAsync(new DashboardPageRequest(null, "redirect", null), CancellationToken.None));

        var names = all.QuerySelectorAll("table.sites tbody tr td:first-child a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Beta", "Alfa", "helsenorge.no: Test"], names); // Beta unreachable (0), Alfa (2 errors on 12 pages), helsenorge (1 on 30)
        var scores = all.QuerySelectorAll("table.sites tbody tr .score").Select(s => int.Parse(s.TextContent, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.Order(), scores);
        Assert.Equal("?site=kommune-9802", all.QuerySelector("table.sites tbody tr a")!.GetAttribute("href"));
        Assert.Equal("report", all.QuerySelector("header a")!.GetAttribute("href"));
        Assert.Equal(["Beta", "Alfa"], county.QuerySelectorAll("table.sites tbody tr td:first-child a").Select(a => a.TextContent));
        Assert.Equal("report?fylke=98", county.QuerySelector("header a")!.GetAttribute("href"));
        Assert.Equal("?site=kommune-9802&fylke=98", county.QuerySelector("table.sites tbody tr a")!.GetAttribute("href"));
        Assert.Equal("Testfylke", county.QuerySelector("select[name=fylke] option[selected]")!.TextContent);
        Assert.Equal(["Alfa"], redirects.QuerySelectorAll("table.sites tbody tr td:first-child a").Select(a => a.TextContent));
        Assert.Contains(redirects.QuerySelectorAll("table.sites thead th"), th => th.TextContent == "Lenken er flyttet permanent – oppdater lenken");
    }

    [Fact]
    public async Task SitePage_ListsOpenFindingsByPage_WithSafeLinks_AndCrawledTextAsText()
    {
        await using var services = await SeededAsync();
        var handler = services.GetRequiredService<DashboardPageHandler>();
        var once = Parse(await handler.HandleAsync(new DashboardPageRequest(null, null, "kommune-9801"), CancellationToken.None));
        Assert.Null(once.QuerySelector("svg.spark"));
        Assert.Contains(once.QuerySelectorAll("p"), p => p.TextContent.StartsWith("Bare én kjøring", StringComparison.Ordinal));
        await new ReportSeed(services).RunAsync("r2", At.AddDays(1), [ReportSeed.BrokenOnHostilePage, ReportSeed.Redirect, ReportSeed.JavascriptLink], []);

        var doc = await handler.HandleAsync(new DashboardPageRequest(null, null, "kommune-9801"), CancellationToken.None);
        var page = Parse(doc);

        Assert.DoesNotContain("<script", doc.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(page.QuerySelectorAll("script, [src]"));
        Assert.Equal("Alfa", page.QuerySelector("main h2")!.TextContent);
        var sections = page.QuerySelectorAll("section.page");
        Assert.Equal(2, sections.Length);
        var hostile = sections.Single(s => s.QuerySelector("h3")!.TextContent == ReportSeed.HostileTitle);
        Assert.Equal("https://alfa.test/apningstider.html", hostile.QuerySelector(".pageurl a")!.GetAttribute("href"));
        var targets = hostile.QuerySelectorAll("td.target");
        Assert.Contains(targets, t => t.QuerySelector("a")?.GetAttribute("href") == "https://alfa.test/finnes-ikke.html");
        var js = targets.Single(t => t.TextContent.StartsWith("javascript:", StringComparison.Ordinal));
        Assert.Null(js.QuerySelector("a")); // shown, never linked
        Assert.All(page.QuerySelectorAll("a[href]"), a => Assert.Matches(@"^(https?://|\?|report)", a.GetAttribute("href")!));
        Assert.Contains(page.QuerySelectorAll("td"), td => td.TextContent == "HTTP 404");
        Assert.Equal(2, page.QuerySelector("svg.spark polyline")!.GetAttribute("points")!.Split(' ').Length); // two runs
        Assert.Equal(["24.11.2026 kl. 02.00", "23.11.2026 kl. 02.00"], page.QuerySelectorAll("table.runs tbody tr td:first-child").Select(td => td.TextContent));

        var kindOnly = Parse(await handler.HandleAsync(new DashboardPageRequest(null, "redirect", "kommune-9801"), CancellationToken.None));
        Assert.Single(kindOnly.QuerySelectorAll("table.findings tbody tr"));
        Assert.Equal("kommune-9801", kindOnly.QuerySelector("form input[name=site]")!.GetAttribute("value"));

        var missing = Parse(await handler.HandleAsync(new DashboardPageRequest(null, null, "<b>nope</b>"), CancellationToken.None));
        Assert.Equal("Fant ikke nettstedet", missing.QuerySelector("main h2")!.TextContent);
        Assert.Contains("«<b>nope</b>»", missing.QuerySelector("main p")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SitePage_RequiredInformationFindings_ShowTheRulesNorwegianTitle_AndAnUnknownSiteIs404()
    {
        await using var services = await SeededAsync();
        var missingRule = new Finding
        {
            Kind = "required-missing", Severity = Severity.Warning, PageUrl = "https://alfa.test/", Target = "legevakt-116117:flere-sider",
            Message = "Legevakten: 116 117: gjelder 40 sider.",
        };
        await new ReportSeed(services).RunAsync("r2", At.AddDays(1), [missingRule], []);
        var handler = services.GetRequiredService<DashboardPageHandler>();

        var doc = await handler.HandleAsync(new DashboardPageRequest(null, null, "kommune-9801"), CancellationToken.None);
        var unknown = await handler.HandleAsync(new DashboardPageRequest(null, null, "kommune-0000"), CancellationToken.None);

        Assert.Equal(200, doc.StatusCode);
        var target = Assert.Single(Parse(doc).QuerySelectorAll("td.target"));
        Assert.Equal("Legevakten: 116 117 (flere sider)", target.TextContent);
        Assert.Null(target.QuerySelector("a"));
        Assert.Equal(404, unknown.StatusCode);
        Assert.Equal("Fant ikke nettstedet", Parse(unknown).QuerySelector("main h2")!.TextContent);
    }

    [Theory]
    [InlineData(1, 0, false)]
    [InlineData(1, 1, true)]
    [InlineData(3, 2, false)]
    [InlineData(3, 3, true)]
    public void SitePage_AFindingNotCheckedForTheConfiguredRuns_IsShownAsNotChecked(int afterRuns, int uncheckedRuns, bool shown)
    {
        var site = new SiteHealthEntity { RowKey = "kommune-9801", SiteId = "kommune-9801", Name = "Alfa", StartUrl = "https://alfa.test/", Reachable = true, PagesCrawled = 10, HealthScore = 90 };
        var finding = new StoredFinding
        {
            SiteId = "kommune-9801", Id = "0abc", Kind = "broken-link", Severity = "error", PageUrl = "https://alfa.test/side.html",
            Target = "https://alfa.test/borte.html", Message = "Lenken virker ikke.", UncheckedRuns = uncheckedRuns, LastRunId = "r1",
        };
        var data = new DashboardPageData(new DashboardPageRequest(null, null, "kommune-9801"), At, [site], site, [finding], [site], null, afterRuns);

        var page = new HtmlParser().ParseDocument(DashboardPageRenderer.Render(data, TimeZoneInfo.Utc));

        var badge = page.QuerySelector("table.findings td small.unchecked");
        Assert.Equal(shown, badge is not null);
        Assert.Equal(shown, page.QuerySelectorAll(".card span").Any(s => s.TextContent == "åpne funn ikke sjekket i siste kjøring"));
        if (shown)
        {
            Assert.StartsWith("ikke sjekket i siste kjøring", badge!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void DashboardOptions_UncheckedAfterRunsOutOfRange_FailsAtStart()
    {
        using var services = TestServices.Create("UseDevelopmentStorage=true", settings: new Dictionary<string, string?> { ["Lenkevakt:Dashboard:UncheckedAfterRuns"] = "0" });

        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DashboardOptions>>().Value);
        Assert.Contains("UncheckedAfterRuns", ex.Message, StringComparison.Ordinal);
    }

    private async Task<ServiceProvider> SeededAsync()
    {
        var services = TestServices.Create(azurite.ConnectionString, configure: s => s.AddSingleton<ISiteCatalog>(new FixedSiteCatalog(ReportSeed.Catalog)));
        await services.GetRequiredService<StorageProvisioner>().EnsureAsync(CancellationToken.None);
        await new ReportSeed(services).RunAsync("r1", At, [ReportSeed.BrokenOnHostilePage, ReportSeed.BrokenOnFrontPage, ReportSeed.Redirect, ReportSeed.JavascriptLink], []);
        return services;
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(Lenkevakt.Html.RenderedDocument doc)
    {
        Assert.Equal("text/html; charset=utf-8", doc.ContentType);
        return new HtmlParser().ParseDocument(doc.Body);
    }
}
