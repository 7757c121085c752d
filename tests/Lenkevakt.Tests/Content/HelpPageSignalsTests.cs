using Lenkevakt.Content.Help;
using Xunit;

namespace Lenkevakt.Tests.Content;

[Trait("Category", "Unit")]
public sealed class HelpPageSignalsTests
{
    [Fact]
    public void Help_Links_Outrank_Other_Links()
    {
        var legevakt = HelpPageSignals.ScoreLink("https://www.kommune.no/helse-og-omsorg/legevakt/", "Legevakt");
        var psykisk = HelpPageSignals.ScoreLink("/tjenester/psykisk-helse-og-rus/", "Psykisk helse og rus");
        var nynorsk = HelpPageSignals.ScoreLink("/helse/", "Hjelpetelefonar og krisehjelp");
        var english = HelpPageSignals.ScoreLink("/english/", "English");
        var bygg = HelpPageSignals.ScoreLink("/bolig-og-eiendom/byggesak/", "Byggesak");
        var job = HelpPageSignals.ScoreLink("/ledige-stillinger/sykepleier-legevakt/", "Ledig stilling: sykepleier ved legevakten");
        var pdf = HelpPageSignals.ScoreLink("/dokumenter/arsmelding-helse.pdf", "Årsmelding");
        Assert.True(legevakt > bygg && psykisk > bygg && nynorsk > bygg, $"{legevakt} {psykisk} {nynorsk} > {bygg}");
        Assert.True(english > bygg);
        Assert.True(legevakt > job, $"{legevakt} > {job}");
        Assert.True(bygg > pdf || pdf < 10, $"pdf {pdf}");
    }

    [Theory]
    [InlineData("mailto:post@kommune.no", "E-post")]
    [InlineData("tel:116117", "Legevakt")]
    [InlineData("javascript:void(0)", "Legevakt")]
    [InlineData("#innhold", "Hopp til innhold")]
    [InlineData("", "Legevakt")]
    public void Non_Page_Links_Score_Zero(string url, string text) => Assert.Equal(0, HelpPageSignals.ScoreLink(url, text));

    [Fact]
    public void Scores_Are_Between_0_And_100()
    {
        var s = HelpPageSignals.ScoreLink("/helse/legevakt/fastlege/psykisk-helse/krisehjelp/", "Legevakt, fastlege, psykisk helse, krisehjelp, hjelpetelefon, 116 117");
        Assert.InRange(s, 0, 100);
    }

    [Fact]
    public void Verdict_Records_Its_Reasons()
    {
        var result = ContentTestHost.EvaluateHtml("""
            <html lang="nb"><head><title>Legevakt - Testvik kommune</title></head><body><main><h1>Legevakt</h1>
            <p>Ring legevakten på 116 117 når fastlegen er stengt. Ved akutt sykdom, ring 113.</p></main></body></html>
            """, url: "https://www.testvik.kommune.no/helse/legevakt/");
        Assert.True(result.IsHelpPage);
        Assert.Contains(result.HelpReasons, r => r.StartsWith("url:", StringComparison.Ordinal));
        Assert.Contains(result.HelpReasons, r => r.StartsWith("tittel:", StringComparison.Ordinal));
        Assert.Contains(result.HelpReasons, r => r.StartsWith("nummer:", StringComparison.Ordinal) && r.Contains("116 117", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Menu_Full_Of_Health_Links_Does_Not_Make_A_Help_Page()
    {
        var result = ContentTestHost.EvaluateHtml("""
            <html lang="nb"><head><title>Skolerute</title></head><body>
            <nav><ul><li><a href="/legevakt">Legevakt</a></li><li><a href="/psykisk-helse">Psykisk helse</a></li><li><a href="/fastlege">Fastlege</a></li></ul></nav>
            <main><h1>Skolerute 2025</h1><p>Skolen starter 18. august. Høstferien er i uke 40.</p></main>
            <footer>Ved akutt sykdom ring 113. Legevakt 116 117.</footer></body></html>
            """, url: "https://www.testvik.kommune.no/skole/skolerute/");
        Assert.False(result.IsHelpPage);
        Assert.All(result.Rules, r => Assert.Equal(Lenkevakt.Content.Rules.RuleOutcome.NotApplicable, r.Outcome));
    }
    [Theory]
    [InlineData("Protokoll fra kommunestyret, møte 3", "/politikk/protokoll-kommunestyret-3/")]
    [InlineData("Møtebok for formannskapet 12. mars", "/politikk/motebok-formannskapet/")]
    [InlineData("Saksliste til bystyrets møte", "/politikk/saksliste/")]
    public void Council_Minutes_About_Health_Are_Not_Help_Pages(string heading, string path)
    {
        // Minutes whose agenda items are about the legevakt and home care: politics, not a page a citizen seeks help on.
        var result = ContentTestHost.EvaluateHtml($"""
            <html lang="nb"><head><title>{heading} - Testvik kommune</title></head><body><main><h1>{heading}</h1>
            <h3>Sak 14/25 Legevakt og fastlegeordningen</h3><p>Kommunedirektøren la fram saken om legevakten og fastlegene. Helse og omsorg ber om styrket hjemmesykepleie.</p>
            <h3>Sak 15/25 Psykisk helse og rus</h3><p>Vedtak: Psykisk helsetjeneste og rustjenesten får to nye stillinger. Ring 116 117 står i saksframlegget.</p>
            </main></body></html>
            """, url: "https://www.testvik.kommune.no" + path);
        Assert.False(result.IsHelpPage, string.Join(" | ", result.HelpReasons));
        Assert.Contains(result.HelpReasons, r => r.StartsWith("trekk:", StringComparison.Ordinal));
    }
}
