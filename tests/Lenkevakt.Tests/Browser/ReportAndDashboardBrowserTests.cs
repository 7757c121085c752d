using System.Collections.Concurrent;
using Lenkevakt.Cli.Demo;
using Lenkevakt.Cli.Serve;
using Lenkevakt.Pipeline;
using Lenkevakt.Sites;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lenkevakt.Tests.Browser;

/// <summary>
/// A nightly cycle over the sample sites, then the coverage report and the dashboard served by <c>lenkevakt serve</c>
/// (in process, 127.0.0.1) and opened in headless Chromium. Sjøbygd has a page titled
/// <c>Åpningstider &lt;script&gt;alert('lenkevakt')&lt;/script&gt;</c> with a broken link on it: the title must show as
/// text and no script may run (a dialog would be recorded, scripts would appear in the DOM). Screenshots (and a PDF of
/// the printed report) go to <c>browser-screenshots/</c> in the test output; with <c>LENKEVAKT_UPDATE_SCREENSHOTS=1</c>
/// the report and dashboard screenshots are also copied to <c>docs/img/</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ReportAndDashboardBrowserTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string InjectedTitle = "Åpningstider <script>alert('lenkevakt')</script>";

    [Fact]
    public async Task ReportAndDashboard_ShowTheCycleResults_AndTheInjectedTitleOnlyAsText()
    {
        var ct = CancellationToken.None;
        await using var web = await SampleWebServer.StartAsync(TestServices.SamplesRoot(), ct);
        var sites = DemoSites.Load(TestServices.SamplesRoot(), web.Sites);
        await using var services = TestServices.Create(
            azurite.ConnectionString,
            settings: new Dictionary<string, string?> { ["Lenkevakt:Reports:MunicipalitiesCsv"] = Path.Combine(TestServices.RepoRoot(), "config", "kommuner.csv") },
            configure: s => s.AddSingleton<ISiteCatalog>(new FixedSiteCatalog(sites)));
        var summary = await services.GetRequiredService<LocalCycle>().RunAsync(sites, ct);
        Assert.All(summary.Sites, s => Assert.Equal("closed", s.Status));
        await using var server = await DashboardServer.StartAsync(services, 0, ct);

        var (playwright, browser) = await HeadlessChromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1360, Height = 900 }, Locale = "nb-NO" });
        var dialogs = new ConcurrentQueue<string>();
        var pageErrors = new ConcurrentQueue<string>();
        var outside = new ConcurrentQueue<string>();
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith(server.Url.AbsoluteUri, StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                outside.Enqueue(route.Request.Url); // the pages load nothing from anywhere else (and crawled links are not followed)
                await route.AbortAsync();
            }
        });
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Enqueue($"{dialog.Type}: {dialog.Message}");
            _ = dialog.DismissAsync();
        };
        page.PageError += (_, error) => pageErrors.Enqueue(error);
        var shots = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "browser-screenshots")).FullName;

        // The coverage report for the demo county.
        var response = await page.GotoAsync(server.Url + "report?fylke=Demofylke");
        Assert.Equal(200, response!.Status);
        Assert.Equal("Dekningsrapport for Demofylke: helseinformasjon på kommunenes nettsider", await page.TitleAsync());
        Assert.Equal("Demofylke (99)", await page.Locator("section.county h2").InnerTextAsync());
        Assert.Equal(["Fjordvik (demo)", "Elvdal (demo)", "Sjøbygd (demo)"], await page.Locator("table.matrix tbody td.kommune a").AllInnerTextsAsync());
        Assert.Equal(14, await page.Locator("table.matrix tbody tr").First.Locator("td.cell").CountAsync());
        var injected = page.Locator("table.broken td a", new PageLocatorOptions { HasText = InjectedTitle });
        Assert.Equal(1, await injected.CountAsync());
        Assert.Equal(InjectedTitle, await injected.InnerTextAsync());
        Assert.True(await injected.IsVisibleAsync());
        Assert.Contains("/finnes-ikke.html", await page.Locator("table.broken tr", new PageLocatorOptions { HasText = InjectedTitle }).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator("svg.chart").CountAsync());
        await AssertNoScriptAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "report.png"), FullPage = true });
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "report-print.png"), FullPage = true });
        var pdf = await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(shots, "report.pdf"), Landscape = true, Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        Assert.True(pdf.Length > 10_000, "the printed report is empty");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });

        // The dashboard: every site, worst first; the county and kind filters; Sjøbygd's findings.
        await page.GotoAsync(server.Url.AbsoluteUri);
        var names = await page.Locator("table.sites tbody td:first-child a").AllInnerTextsAsync();
        Assert.Equal(4, names.Count);
        Assert.Contains("Sjøbygd (demo)", names);
        var scores = (await page.Locator("table.sites tbody .score").AllInnerTextsAsync()).Select(s => int.Parse(s.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.Order(), scores);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "dashboard.png"), FullPage = true });

        await page.SelectOptionAsync("select[name=fylke]", "Demofylke");
        await page.SelectOptionAsync("select[name=kind]", "soft-404");
        await page.ClickAsync("form.filters button");
        Assert.Contains("kind=soft-404", page.Url, StringComparison.Ordinal);
        Assert.Equal(["Elvdal (demo)"], await page.Locator("table.sites tbody td:first-child a").AllInnerTextsAsync());

        await page.GotoAsync(server.Url + "site/kommune-9903"); // the address digests link to
        Assert.EndsWith("/?site=kommune-9903", page.Url, StringComparison.Ordinal);
        Assert.Equal("Sjøbygd (demo)", await page.Locator("main h2").First.InnerTextAsync());
        var section = page.Locator("section.page", new PageLocatorOptions { Has = page.Locator("h3", new PageLocatorOptions { HasText = InjectedTitle }) });
        Assert.Equal(InjectedTitle, await section.Locator("h3").InnerTextAsync());
        var target = section.Locator("td.target a", new LocatorLocatorOptions { HasText = "finnes-ikke.html" });
        Assert.StartsWith(web.Sites["sjobygd"].AbsoluteUri, await target.GetAttributeAsync("href"), StringComparison.Ordinal);
        var row = section.Locator("tr", new LocatorLocatorOptions { Has = page.Locator("td.target a", new PageLocatorOptions { HasText = "finnes-ikke.html" }) });
        Assert.Equal("Lenken virker ikke", await row.Locator("td").First.InnerTextAsync());
        await AssertNoScriptAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "dashboard-site.png"), FullPage = true });

        Assert.Empty(dialogs);
        Assert.Empty(pageErrors);
        Assert.Empty(outside);
        output.WriteLine($"Screenshots: {shots}");
        if (Environment.GetEnvironmentVariable("LENKEVAKT_UPDATE_SCREENSHOTS") == "1")
        {
            var docs = Directory.CreateDirectory(Path.Combine(TestServices.RepoRoot(), "docs", "img")).FullName;
            File.Copy(Path.Combine(shots, "report.png"), Path.Combine(docs, "coverage-report.png"), overwrite: true);
            File.Copy(Path.Combine(shots, "dashboard-site.png"), Path.Combine(docs, "dashboard-site.png"), overwrite: true);
        }
    }

    /// <summary>No script element exists, and the page's script tripwire was never set.</summary>
    private static async Task AssertNoScriptAsync(IPage page)
    {
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.scripts.length"));
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.__lenkevaktXss === 'undefined'"));
    }
}
