using AngleSharp.Html.Parser;
using Lenkevakt.Content.Help;
using Lenkevakt.Content.Text;
using Lenkevakt.Crawling;
using Xunit;

namespace Lenkevakt.Tests.Content;

/// <summary>The one-pass term index must find exactly what the per-term regexes find (they are its specification).</summary>
[Trait("Category", "Unit")]
public sealed class HelpTermIndexTests
{
    private static readonly HelpTermIndex Index = new(HelpPageSignals.Terms);
    private static readonly System.Text.RegularExpressions.Regex[] Regexes = [.. HelpPageSignals.Terms.Select(t => HelpPageSignals.TermRegex(t.Text))];

    public static TheoryData<string> EdgeCases() =>
    [
        "Legevakt", "LEGEVAKTSENTRALEN i Bodø", "legevakta", "ikke-legevakt", "psykisk helse", "psykisk  helsevern", "psykisk-helse",
        "psykisk\nhelse og rus", "covid-19", "covid 19", "covid19", "covid--19", "covid -19", "helse - og omsorg", "helse-  og omsorg", "helse -og omsorg", "helse- og omsorgstjenester", "helse og omsorg",
        "Kirkens SOS", "kirkens  sos", "Øyeblikkelig hjelp", "øyeblikkelig-hjelp", "out-of-hours clinic", "out of hours", "outofhours",
        "Ruh sağlığı", "ZDROWIE psychiczne", "здоров'я", "Здоровье и врачи", "الصحة النفسية", "مساعدةطبيب", "ጥዕናን ሓኪምን",
        "doavttirváktá", "GP", "gps", "lege legen leger", "helse123", "", "  ", "rus rusk russisk", "vold-vold", "sorg sorggruppe",
        "Ledig stilling: sykepleier ved legevakten", "e-post: post@kommune.no", "116 117",
    ];

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Finds_What_The_Term_Regexes_Find(string text) => AssertSame(text);

    [Fact]
    public void Agrees_With_The_Term_Regexes_On_Every_Corpus_Page()
    {
        var parser = new HtmlParser();
        var checkedBlocks = 0;
        foreach (var page in CorpusPage.LoadAll())
        {
            var (html, _) = HtmlDecoding.Decode(page.Bytes(), page.Encoding);
            var text = PageTextExtractor.Extract(parser.ParseDocument(html));
            foreach (var block in text.Blocks)
            {
                AssertSame(block.Text);
                checkedBlocks++;
            }

            AssertSame(string.Join("\n", text.Blocks.Select(b => b.Text)));
            AssertSame(HelpPageSignals.UrlWords(new Uri(page.Url)));
        }

        Assert.True(checkedBlocks > 1000, $"only {checkedBlocks} text blocks in the corpus");
    }

    private static void AssertSame(string text)
    {
        var counts = Index.Count(text) ?? new int[HelpPageSignals.Terms.Count];
        var found = Index.Find(text) ?? new int[HelpPageSignals.Terms.Count];
        for (var i = 0; i < HelpPageSignals.Terms.Count; i++)
        {
            var term = HelpPageSignals.Terms[i].Text;
            var expected = Regexes[i].Count(text);
            Assert.True(expected == counts[i], $"term '{term}' in «{text[..Math.Min(text.Length, 200)]}»: regex {expected}, index {counts[i]}");
            Assert.Equal(expected > 0 ? 1 : 0, found[i]);
        }
    }
}
