using Lenkevakt.Checks;
using Lenkevakt.Content;
using Lenkevakt.Content.Persistence;
using Lenkevakt.Content.Rules;
using Lenkevakt.Crawling;
using Lenkevakt.Findings;
using Lenkevakt.Sites;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Lenkevakt.Tests.Content;

/// <summary>Runs the analyzer over each corpus site, as the crawler would (pages in parallel), and checks findings and the site result.</summary>
[Trait("Category", "Unit")]
public sealed class ContentSiteAnalysisTests
{
    private sealed class MemoryStore : IContentResultStore
    {
        public List<(SiteContentResult Site, IReadOnlyList<PageContentResult> Pages)> Saved { get; } = [];

        public Task SaveAsync(SiteContentResult site, IReadOnlyList<PageContentResult> pages, CancellationToken ct)
        {
            lock (Saved)
            {
                Saved.Add((site, pages));
            }

            return Task.CompletedTask;
        }
    }

    private static async Task<(IReadOnlyList<Finding> Findings, SiteContentResult Site, MemoryStore Store)> RunSiteAsync(string siteId)
    {
        var pages = CorpusPage.LoadAll().Where(p => p.SiteId == siteId).ToList();
        var store = new MemoryStore();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero));
        var analyzer = new ContentAnalyzer(ContentTestHost.Evaluator, store, Options.Create(new ContentOptions()), time, NullLogger<ContentAnalyzer>.Instance);
        var site = new SiteDefinition { Id = siteId, Name = siteId, Kind = ContentTestHost.Kind(pages[0].SiteKind), StartUrls = [new Uri(pages[0].Url)] };
        var analysis = analyzer.Begin(site, "run-1");
        await Parallel.ForEachAsync(pages, new ParallelOptions { MaxDegreeOfParallelism = 4 }, (p, _) =>
        {
            var url = new Uri(p.Url);
            var fetch = new FetchResult { Status = LinkStatus.Ok(200), FinalUri = url, MediaType = "text/html", Body = p.Bytes() };
            analysis.OnPage(url, ContentTestHost.Parse(p.Bytes(), url), fetch);
            return ValueTask.CompletedTask;
        });
        var findings = await analysis.CompleteAsync(CancellationToken.None);
        return (findings, ((ContentSiteAnalysis)analysis).SiteResult!, store);
    }

    [Theory]
    [InlineData("kommune-fjordvik")]
    [InlineData("kommune-nordrelia")]
    [InlineData("kommune-sorbyen")]
    [InlineData("kommune-gammelvik")]
    [InlineData("kommune-vestrefjell")]
    [InlineData("helsenorge")]
    public async Task Site_Rules_Are_Met_When_A_Labelled_Help_Page_Meets_Them(string siteId)
    {
        var (findings, site, store) = await RunSiteAsync(siteId);
        var labels = CorpusPage.LoadAll().Where(p => p.SiteId == siteId).ToList();
        foreach (var rule in ContentTestHost.Evaluator.Engine.RuleSet.Rules.Where(r => r.Scope == RuleScope.Site))
        {
            var expected = labels.Any(l => l.Rules[rule.Id] == "met") ? RuleOutcome.Met
                : labels.All(l => l.Rules[rule.Id] == "not-applicable") && !rule.AppliesTo.Contains(labels[0].SiteKind) ? RuleOutcome.NotApplicable
                : RuleOutcome.NotMet;
            var got = site.Rules.Single(r => r.RuleId == rule.Id);
            Assert.True(expected == got.Outcome, $"{siteId} {rule.Id}: expected {expected}, got {got.Outcome}");
            if (got.Outcome == RuleOutcome.Met)
            {
                Assert.NotNull(got.PageUrl);
                Assert.Contains(labels, l => l.Url == got.PageUrl && l.Rules[rule.Id] == "met");
            }
            else if (got.Outcome == RuleOutcome.NotMet)
            {
                Assert.Contains(findings, f => f.Kind == "required-missing" && f.Target == rule.Id && f.PageUrl == labels[0].Url);
            }
        }

        Assert.Equal(labels.Count, site.Pages);
        Assert.Equal(labels.Count(l => l.IsHelpPage), site.HelpPages);
        Assert.Single(store.Saved);
        Assert.Equal(labels.Count, store.Saved[0].Pages.Count);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero), site.CheckedAt);
    }

    [Fact]
    public async Task Language_Findings_Follow_The_Declared_And_Detected_Languages()
    {
        var (nordrelia, _, _) = await RunSiteAsync("kommune-nordrelia");
        var nbWithNn = Assert.Single(nordrelia, f => f.Kind == "lang-mismatch");
        Assert.EndsWith("/helsestasjon/", nbWithNn.PageUrl, StringComparison.Ordinal);
        Assert.Equal(Severity.Info, nbWithNn.Severity);

        var (vestrefjell, _, _) = await RunSiteAsync("kommune-vestrefjell");
        var mismatches = vestrefjell.Where(f => f.Kind == "lang-mismatch").ToList();
        Assert.Equal(2, mismatches.Count);
        Assert.All(mismatches, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Contains(mismatches, f => f.Target == "ru->uk");
        Assert.Contains(mismatches, f => f.Target == "nb->en");

        var (sorbyen, _, _) = await RunSiteAsync("kommune-sorbyen");
        var missing = Assert.Single(sorbyen, f => f.Kind == "lang-missing");
        Assert.EndsWith("/helsestasjon-for-ungdom/", missing.PageUrl, StringComparison.Ordinal);
        Assert.DoesNotContain(sorbyen, f => f.Kind == "lang-mismatch");

        // Gammelvik declares "no" on bokmål and nynorsk pages: fine.
        var (gammelvik, _, _) = await RunSiteAsync("kommune-gammelvik");
        Assert.DoesNotContain(gammelvik, f => f.Kind.StartsWith("lang-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hreflang_Alternates_Must_Link_Back()
    {
        var (findings, _, _) = await RunSiteAsync("kommune-fjordvik");
        var f = Assert.Single(findings, x => x.Kind == "hreflang-not-reciprocal");
        Assert.EndsWith("/polski/zdrowie/", f.PageUrl, StringComparison.Ordinal);
        Assert.Equal("https://www.fjordvik.kommune.no/helse-og-omsorg/", f.Target);
    }

    [Fact]
    public async Task Languages_Offered_And_Median_Lix_Are_Recorded()
    {
        var (_, fjordvik, _) = await RunSiteAsync("kommune-fjordvik");
        var codes = fjordvik.LanguagesOffered.Select(l => l.Code).ToList();
        Assert.Contains("en", codes);
        Assert.Contains("pl", codes);
        Assert.Equal("page", fjordvik.LanguagesOffered.Single(l => l.Code == "pl").Kind);
        Assert.NotNull(fjordvik.MedianLix);

        var (_, vestrefjell, _) = await RunSiteAsync("kommune-vestrefjell");
        Assert.Superset(new HashSet<string> { "en", "lt", "ru", "uk", "ti", "fa", "se" }, vestrefjell.LanguagesOffered.Select(l => l.Code).ToHashSet());

        var (_, gammelvik, _) = await RunSiteAsync("kommune-gammelvik");
        Assert.Empty(gammelvik.LanguagesOffered);
    }

    [Fact]
    public async Task Readability_Findings_Only_Above_The_Threshold_On_Help_Pages()
    {
        foreach (var siteId in new[] { "kommune-fjordvik", "kommune-sorbyen", "kommune-nordrelia" })
        {
            var (findings, _, store) = await RunSiteAsync(siteId);
            foreach (var page in store.Saved[0].Pages)
            {
                var expected = page.IsHelpPage && page.Lix > 50;
                Assert.Equal(expected, findings.Any(f => f.Kind == "readability-hard" && f.PageUrl == page.Url));
            }
        }
    }

    [Fact]
    public async Task Easy_Read_Page_Has_A_Low_Lix()
    {
        var (_, _, store) = await RunSiteAsync("kommune-sorbyen");
        var easy = store.Saved[0].Pages.Single(p => p.Url.EndsWith("/legevakt/lettlest/", StringComparison.Ordinal));
        var hard = store.Saved[0].Pages.Single(p => p.Url.EndsWith("/kommunestyret-vedtok-budsjett-2024/", StringComparison.Ordinal));
        Assert.NotNull(easy.Lix);
        Assert.NotNull(hard.Lix);
        Assert.True(easy.Lix < 30, $"easy {easy.Lix}");
        Assert.True(hard.Lix > easy.Lix + 10, $"hard {hard.Lix}");
    }
}
