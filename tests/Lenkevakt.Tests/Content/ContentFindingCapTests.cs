using Lenkevakt.Content;
using Lenkevakt.Findings;
using Xunit;

namespace Lenkevakt.Tests.Content;

/// <summary>A rule missed on many pages gives a bounded number of findings: the clearest help pages, and one summary.</summary>
[Trait("Category", "Unit")]
public sealed class ContentFindingCapTests
{
    private static PageContentResult Page(int i) => new() { SiteId = "kommune-0001", Url = $"https://k.no/side-{i:000}", DetectedLang = "nb", IsHelpPage = true, HelpScore = i };

    private static Finding Missing(string rule, int page, Severity severity = Severity.Warning) => new()
    {
        Kind = ContentFindingKinds.RequiredMissing.Name, Severity = severity, PageUrl = $"https://k.no/side-{page:000}", Target = rule,
        Message = $"Åpningstider: Siden oppgir ikke åpningstider ({page}).", Status = $"{rule} v1",
    };

    [Fact]
    public void Keeps_The_Clearest_Help_Pages_And_Sums_Up_The_Rest_Per_Rule()
    {
        var pages = Enumerable.Range(0, 100).Select(Page).ToList();
        var input = pages.Select((_, i) => Missing("apningstider", i))
            .Concat(Enumerable.Range(0, 3).Select(i => Missing("telefon", i, Severity.Info)))
            .Append(new Finding { Kind = ContentFindingKinds.LangMissing.Name, Severity = Severity.Warning, PageUrl = "https://k.no/side-001", Message = "lang" })
            .ToList();

        var capped = ContentFindings.CapPerRule(input, pages, 10, "kommune-0001", "https://k.no/").ToList();

        var opening = capped.Where(f => f.Target == "apningstider").ToList();
        Assert.Equal(Enumerable.Range(90, 10).Reverse().Select(i => $"https://k.no/side-{i:000}"), opening.Select(f => f.PageUrl));
        var summary = Assert.Single(capped, f => f.Target == "apningstider:flere-sider");
        Assert.Equal("https://k.no/", summary.PageUrl);
        Assert.Equal(ContentFindingKinds.RequiredMissing.Name, summary.Kind);
        Assert.StartsWith("Åpningstider: gjelder 100 sider.", summary.Message, StringComparison.Ordinal);
        Assert.Contains("de 90 andre", summary.Message, StringComparison.Ordinal);
        Assert.Contains("export pages --site kommune-0001", summary.Message, StringComparison.Ordinal);

        Assert.Equal(3, capped.Count(f => f.Target == "telefon"));
        Assert.DoesNotContain(capped, f => f.Target == "telefon:flere-sider");
        Assert.Single(capped, f => f.Kind == ContentFindingKinds.LangMissing.Name);
        Assert.Equal(10 + 1 + 3 + 1, capped.Count);

        // Stable across runs: the same pages and the same summary id.
        var again = ContentFindings.CapPerRule(input.AsEnumerable().Reverse(), pages, 10, "kommune-0001", "https://k.no/").ToList();
        Assert.Equal(capped.Select(f => f.Id).Order(StringComparer.Ordinal), again.Select(f => f.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Zero_Means_No_Limit()
    {
        var pages = Enumerable.Range(0, 40).Select(Page).ToList();
        var input = pages.Select((_, i) => Missing("apningstider", i)).ToList();
        Assert.Equal(40, ContentFindings.CapPerRule(input, pages, 0, "kommune-0001", "https://k.no/").Count());
    }
}
