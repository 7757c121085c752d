using Lenkevakt.Content.Text;
using Xunit;

namespace Lenkevakt.Tests.Content;

[Trait("Category", "Unit")]
public sealed class PageTextExtractorTests
{
    private static PageText Extract(string html) => PageTextExtractor.Extract(ContentTestHost.ParseHtml(html).Document!);

    [Fact]
    public void A_Huge_Page_Is_Read_Up_To_The_Character_Budget()
    {
        var paragraph = "<p>" + string.Join(' ', Enumerable.Repeat("Referat fra møtet i kommunestyret.", 30)) + "</p>";
        var html = "<html><body><main><h1>Møtebok</h1>" + string.Concat(Enumerable.Repeat(paragraph, 400)) + "<pre>" + new string('x', 300_000) + "</pre></main></body></html>";

        var t = Extract(html);

        Assert.Equal("Møtebok", t.Blocks[0].Text);
        Assert.InRange(t.Blocks.Sum(b => b.Text.Length), PageTextExtractor.DefaultMaxChars - 1100, PageTextExtractor.DefaultMaxChars);
        var small = PageTextExtractor.Extract(ContentTestHost.ParseHtml("<html><body><main><p>" + new string('y', 5000) + "</p></main></body></html>").Document!, maxChars: 1000);
        Assert.Equal(1000, Assert.Single(small.Blocks).Text.Length);
    }

    [Fact]
    public void Main_Element_Is_Main_And_Chrome_Is_Labelled()
    {
        var t = Extract("""
            <html><body><header><p>Topp</p></header><nav><a href="/a">Meny</a></nav>
            <main><h1>Tittel</h1><p>Innhold</p><aside><p>Kontakt</p></aside><nav class="breadcrumb"><a href="/">Hjem</a></nav></main>
            <footer><p>Bunn</p></footer><script>var x = "skjult";</script></body></html>
            """);
        Assert.Equal(PageRegion.Header, t.Blocks.Single(b => b.Text == "Topp").Region);
        Assert.Equal(PageRegion.Nav, t.Blocks.Single(b => b.Links.Any(l => l.Text == "Meny")).Region);
        Assert.Equal(PageRegion.Main, t.Blocks.Single(b => b.Text == "Innhold").Region);
        Assert.Equal(PageRegion.Aside, t.Blocks.Single(b => b.Text == "Kontakt").Region);
        Assert.Equal(PageRegion.Nav, t.Blocks.Single(b => b.Text == "Hjem").Region);
        Assert.Equal(PageRegion.Footer, t.Blocks.Single(b => b.Text == "Bunn").Region);
        Assert.DoesNotContain(t.Blocks, b => b.Text.Contains("skjult", StringComparison.Ordinal));
        Assert.Equal("Tittel\nInnhold", t.MainText);
    }

    [Fact]
    public void Without_A_Main_Element_The_Body_Minus_Chrome_Is_Main()
    {
        var t = Extract("""
            <html><body><div id="header">Logo</div><div class="meny"><a href="/x">Helse</a></div>
            <div class="tekst"><p>Hovedtekst her.</p></div><div id="footer">Postboks 1</div></body></html>
            """);
        Assert.Equal(PageRegion.Main, t.Blocks.Single(b => b.Text == "Hovedtekst her.").Region);
        Assert.Equal(PageRegion.Header, t.Blocks.Single(b => b.Text == "Logo").Region);
        Assert.Equal(PageRegion.Nav, t.Blocks.Single(b => b.Text == "Helse").Region);
        Assert.Equal(PageRegion.Footer, t.Blocks.Single(b => b.Text == "Postboks 1").Region);
        Assert.False(t.HasMainElement);
    }

    [Fact]
    public void Table_Rows_Are_Blocks_With_Cells_Separated_And_Br_Kept_As_Newline()
    {
        var t = Extract("""<html><body><main><table><tr><td>Mandag&ndash;fredag</td><td>08.00&ndash;15.30</td></tr></table><p>Rådhusgata 1<br>1234 Sted</p></main></body></html>""");
        Assert.Contains(t.Blocks, b => b.Element == "tr" && b.Text == "Mandag-fredag | 08.00-15.30");
        Assert.Contains(t.Blocks, b => b.Text == "Rådhusgata 1\n1234 Sted");
    }

    [Fact]
    public void Normalizer_Unifies_Spaces_Dashes_And_Removes_Soft_Hyphens()
    {
        Assert.Equal("e-post 116 117 kl. 8-16", TextNormalizer.Normalize("e\u2011post 116\u00A0117  kl.\u202F8\u201316"));
        Assert.Equal("legevakten", TextNormalizer.Normalize("lege\u00ADvakten"));
    }

    [Fact]
    public void Latin1_Page_Decodes_Norwegian_Letters()
    {
        var page = CorpusPage.LoadAll().First(p => p.Encoding == "iso-8859-1" && p.IsHelpPage);
        var bytes = page.Bytes();
        Assert.False(System.Text.Unicode.Utf8.IsValid(bytes));
        var parsed = ContentTestHost.Parse(bytes, new Uri(page.Url));
        var text = PageTextExtractor.Extract(parsed.Document!);
        Assert.Contains("å", text.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("\uFFFD", text.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_Nested_Markup_Does_Not_Overflow_The_Stack()
    {
        var html = "<html><body><main>" + string.Concat(Enumerable.Repeat("<div><span>", 3000)) + "Ring 116 117" + "</main></body></html>";
        var t = Extract(html);
        Assert.Contains("Ring 116 117", t.MainText, StringComparison.Ordinal);
    }
}
