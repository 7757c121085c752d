using Lenkevakt.Content.Persistence;
using Lenkevakt.Content.Rules;
using Lenkevakt.Content;
using Lenkevakt.Crawling;
using Lenkevakt.Dashboard;
using Lenkevakt.Findings;
using Lenkevakt.Sites;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Reports;

/// <summary>
/// Writes controlled results through the real stores, as a run would: findings recorded and closed, the dashboard row,
/// the site's content results. County "Testfylke" (98): Alfa (9801) checked, Beta (9802) unreachable, Gamma (9803) never crawled.
/// </summary>
public sealed class ReportSeed(IServiceProvider services)
{
    public const string HostileTitle = "Åpningstider <script>window.__lenkevaktXss=1</script>";
    public const string HostileTarget = "javascript:window.__lenkevaktXss=2";

    public static readonly SiteDefinition Alfa = Municipality("9801", "Alfa");
    public static readonly SiteDefinition Beta = Municipality("9802", "Beta");
    public static readonly SiteDefinition Gamma = Municipality("9803", "Gamma");
    public static readonly SiteDefinition Portal = new() { Id = "helsenorge-test", Name = "helsenorge.no: Test", Kind = SiteKind.Helsenorge, StartUrls = [new Uri("https://helsenorge.test/psykisk-helse/")] };

    public static IReadOnlyList<SiteDefinition> Catalog => [Alfa, Beta, Gamma, Portal];

    public static readonly Finding BrokenOnHostilePage = Broken("https://alfa.test/apningstider.html", HostileTitle, "https://alfa.test/finnes-ikke.html");
    public static readonly Finding JavascriptLink = new() { Kind = "unsupported-link", Severity = Severity.Info, PageUrl = "https://alfa.test/apningstider.html", PageTitle = HostileTitle, Target = HostileTarget, Message = "Lenken har et format som ikke kan sjekkes" };
    public static readonly Finding BrokenOnFrontPage = Broken("https://alfa.test/", "Alfa kommune – helse", "https://alfa.test/skjema.pdf");
    public static readonly Finding Redirect = new() { Kind = "redirect", Severity = Severity.Warning, PageUrl = "https://alfa.test/", PageTitle = "Alfa kommune – helse", Target = "https://alfa.test/gammel", StatusCode = 301, Status = "redirect 301", Message = "Lenken er flyttet permanent" };

    /// <summary>A run of Alfa with the given findings and content (rules met by id), Beta unreachable, and the helsenorge section.</summary>
    public async Task RunAsync(string runId, DateTimeOffset at, IReadOnlyList<Finding> alfaFindings, IReadOnlyCollection<string> alfaRulesMet, CancellationToken ct = default)
    {
        await RecordAsync(Alfa, runId, at, alfaFindings, reachable: true, pages: 12, ct);
        await RecordAsync(Beta, runId, at, [new Finding { Kind = "site-unreachable", Severity = Severity.Error, PageUrl = Beta.StartUrls[0].AbsoluteUri, Message = "Nettstedet kunne ikke nås" }], reachable: false, pages: 0, ct);
        await RecordAsync(Portal, runId, at, [Broken("https://helsenorge.test/psykisk-helse/", "Psykisk helse", "https://helsenorge.test/borte")], reachable: true, pages: 30, ct);

        var rules = services.GetRequiredService<RuleSet>();
        var content = new SiteContentResult
        {
            SiteId = Alfa.Id,
            SiteName = Alfa.Name,
            SiteKind = "municipality",
            RunId = runId,
            RuleSet = rules.Stamp,
            CheckedAt = at,
            Pages = 12,
            HelpPages = 4,
            MedianLix = 41.5,
            LanguagesOffered = [new LanguageOffer("en", "link-label", "English", "https://alfa.test/"), new LanguageOffer("pl", "page", "Polski", "https://alfa.test/pl/")],
            Rules = [.. rules.Rules.Where(r => r.Scope == RuleScope.Site).Select(r => alfaRulesMet.Contains(r.Id)
                ? new RuleResult(r.Id, RuleOutcome.Met, Evidence: r.Id == "legevakt-116117" ? "=HYPERLINK(\"https://evil.test\";\"116 117\")" : "<b>Ring 116 117</b>", Where: "hovedinnhold (avsnitt)", PageUrl: "https://alfa.test/legevakt.html")
                : new RuleResult(r.Id, RuleOutcome.NotMet, Missing: r.MissingNb))],
            PageRules = [.. rules.Rules.Where(r => r.Scope == RuleScope.Page).Select(r => alfaRulesMet.Contains(r.Id) ? new PageRuleSummary(r.Id, 4, 0) : new PageRuleSummary(r.Id, 1, 3))],
        };
        await services.GetRequiredService<IContentResultStore>().SaveAsync(content, [], ct);
    }

    private async Task RecordAsync(SiteDefinition site, string runId, DateTimeOffset at, IReadOnlyList<Finding> findings, bool reachable, int pages, CancellationToken ct)
    {
        var store = services.GetRequiredService<FindingStore>();
        await store.RecordAsync(site.Id, runId, at, findings, ct);
        var changes = await store.CloseRunAsync(site.Id, runId, at, reachable, ct);
        var stats = new CrawlStats { PagesCrawled = pages, LinksChecked = pages * 5, Reachable = reachable };
        await services.GetRequiredService<DashboardStore>().RecordAsync(site, runId, at, stats, changes, ct);
    }

    private static Finding Broken(string page, string title, string target) =>
        new() { Kind = "broken-link", Severity = Severity.Error, PageUrl = page, PageTitle = title, Target = target, StatusCode = 404, Status = "broken 404", Message = "Lenken virker ikke: siden finnes ikke (404 Not Found)." };

    private static SiteDefinition Municipality(string nr, string name) => new()
    {
        Id = "kommune-" + nr,
        Name = name,
        Kind = SiteKind.Municipality,
        Kommunenummer = nr,
        Fylke = "Testfylke",
        Fylkesnummer = "98",
        StartUrls = [new Uri($"https://{name.ToLowerInvariant()}.test/")],
    };
}
