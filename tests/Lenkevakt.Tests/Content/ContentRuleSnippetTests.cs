using Lenkevakt.Content.Rules;
using Lenkevakt.Sites;
using Xunit;

namespace Lenkevakt.Tests.Content;

/// <summary>Rules on short, varied page snippets (phrasings not in the corpus), including the footer/menu policy.</summary>
[Trait("Category", "Unit")]
public sealed class ContentRuleSnippetTests
{
    private static RuleOutcome Outcome(string rule, string main, string? footer = null, string? nav = null, SiteKind kind = SiteKind.Municipality)
    {
        var html = $"""
            <html lang="nb"><head><title>Legevakt og fastlege</title></head><body>
            <nav>{nav}</nav>
            <main><h1>Legevakt og helsetjenester</h1><p>Her finner du hjelp når du er syk, og informasjon om fastlege og legevakt i kommunen.</p>{main}</main>
            <footer>{footer}</footer></body></html>
            """;
        var result = ContentTestHost.EvaluateHtml(html, kind, "https://www.testvik.kommune.no/helse/legevakt/");
        Assert.True(result.IsHelpPage, string.Join(" | ", result.HelpReasons));
        return result.Rule(rule)!.Outcome;
    }

    [Theory]
    [InlineData("<p>Ved akutt sykdom på dagtid, kontakt fastlegen.</p>", RuleOutcome.Met)]
    [InlineData("<p>Fastlegekontoret har øyeblikkelig hjelp-timer hver dag.</p>", RuleOutcome.Met)]
    [InlineData("<p>Fastlegen din finner du på helsenorge. Ved akutt sykdom, ring 113.</p>", RuleOutcome.NotMet)]
    [InlineData("<p>Du kan bytte fastlege to ganger i året.</p>", RuleOutcome.NotMet)]
    public void Gp_Daytime_Duty_Needs_Gp_And_Urgency_In_One_Sentence(string main, RuleOutcome expected) =>
        Assert.Equal(expected, Outcome("fastlege-dagtid", main));

    [Theory]
    [InlineData("<p>Medisinsk nødhjelp: 113</p>", RuleOutcome.Met)]
    [InlineData("<ul><li><a href=\"tel:113\">113</a> Ambulanse</li></ul>", RuleOutcome.Met)]
    [InlineData("<p>Postboks 113, 8000 Testvik</p>", RuleOutcome.NotMet)]
    [InlineData("<p>Rom 113 i andre etasje.</p>", RuleOutcome.NotMet)]
    public void Emergency_113_Needs_Context(string main, RuleOutcome expected) => Assert.Equal(expected, Outcome("nodnummer-113", main));

    [Fact]
    public void Footer_Counts_For_Site_Rules_But_Not_For_Page_Rules()
    {
        const string footer = "<p>Testvik kommune, Rådhusgata 1, 8000 Testvik. Sentralbord 75 00 00 00. post@testvik.kommune.no. Legevakt 116 117. Akutt: ring 113.</p>";
        Assert.Equal(RuleOutcome.Met, Outcome("legevakt-116117", "", footer));
        Assert.Equal(RuleOutcome.Met, Outcome("nodnummer-113", "", footer));
        Assert.Equal(RuleOutcome.NotMet, Outcome("telefon", "", footer));
        Assert.Equal(RuleOutcome.NotMet, Outcome("e-post", "", footer));
        Assert.Equal(RuleOutcome.NotMet, Outcome("besoksadresse", "", footer));
    }

    [Fact]
    public void Menus_Do_Not_Count_Except_For_Language_Offers()
    {
        const string nav = "<ul><li><a href=\"/frivillighet\">Frivilligsentralen</a></li><li><a href=\"/lettlest\">Lettlest</a></li><li><a href=\"/en\">English</a></li></ul>";
        Assert.Equal(RuleOutcome.NotMet, Outcome("frivillige-organisasjoner", "", nav: nav));
        Assert.Equal(RuleOutcome.Met, Outcome("informasjon-andre-sprak", "", nav: nav));
    }

    [Theory]
    [InlineData("<p>Helplines: <a href=\"tel:+4722400040\">Kirkens SOS</a></p>", RuleOutcome.Met)]
    [InlineData("<p>Mental Helse: 116 123 (døgnåpen)</p>", RuleOutcome.Met)]
    [InlineData("<p>Alarmtelefonen for barn og unge, tlf. 116 111</p>", RuleOutcome.Met)]
    [InlineData("<p>Kors på halsen: 800 33 321</p>", RuleOutcome.Met)]
    [InlineData("<p>Ring kommunens psykiske helsetjeneste på 75 13 00 00.</p>", RuleOutcome.NotMet)]
    public void Helplines_By_Number(string main, RuleOutcome expected) => Assert.Equal(expected, Outcome("hjelpetelefoner-psykisk-helse", main));

    [Theory]
    [InlineData("<aside><h2>Kontakt</h2><p>Tlf. 75 11 22 33</p></aside>", RuleOutcome.Met)]
    [InlineData("<p>Ring 116 117 eller 113.</p>", RuleOutcome.NotMet)]
    [InlineData("<p>Kirkens SOS 22 40 00 40</p>", RuleOutcome.NotMet)]
    public void Service_Phone_Excludes_National_Numbers(string main, RuleOutcome expected) => Assert.Equal(expected, Outcome("telefon", main));

    [Fact]
    public void Helsenorge_Pages_Have_No_Municipal_Page_Rules()
    {
        Assert.Equal(RuleOutcome.NotApplicable, Outcome("telefon", "<p>Tlf. 75 11 22 33</p>", kind: SiteKind.Helsenorge));
        Assert.Equal(RuleOutcome.Met, Outcome("legevakt-116117", "<p>Ring 116 117.</p>", kind: SiteKind.Helsenorge));
    }

    [Fact]
    public void Sentences_Split_On_Full_Stops_Before_Capitals_And_On_Line_Breaks()
    {
        Assert.Equal(["Åpent kl. 8.", "Ring 116 117.", "Etterpå"], RuleEngine.Sentences("Åpent kl. 8. Ring 116 117.\nEtterpå"));
        Assert.Equal(["Ring legen. ring igjen.", "Så kom"], RuleEngine.Sentences("Ring legen. ring igjen. Så kom"));
        Assert.Single(RuleEngine.Sentences("Ring sentralbordet, jf. Telefonlista."));
    }
}
