using System.Diagnostics;
using System.Text;
using Lenkevakt.Crawling;
using Microsoft.Extensions.Time.Testing;

namespace Lenkevakt.Tests.Crawling;

[Trait("Category", "Unit")]
public sealed class HtmlComplexityTests
{
    private static string Repeat(string unit, int n) => new StringBuilder(unit.Length * n).Insert(0, unit, n).ToString();

    [Fact]
    public void FindCut_OrdinaryPages_AreNotCut()
    {
        var table = "<table>" + Repeat("<tr><td><font face=arial>celle<td><font>mer<p>avsnitt<p>til</tr>", 5_000) + "</table>";
        var list = "<ul>" + Repeat("<li><a href=/x><b>punkt</a>", 5_000) + "</ul>";
        var scripts = "<script>var s = '<div><div><div>';</script>" + Repeat("<div><span>x</span><img src=a.png><br></div>", 5_000);

        Assert.Null(HtmlComplexity.FindCut("<html><body>" + table + list + scripts + "<!-- <div><div> --></body></html>", 1_000, 150_000));
    }

    [Fact]
    public void FindCut_NestedDivs_CutAtTheFirstTagPastTheDepthLimit()
    {
        var html = "<html><body>" + Repeat("<div>", 5_000);

        var cut = HtmlComplexity.FindCut(html, 1_000, 150_000);

        Assert.NotNull(cut);
        Assert.Equal("<html><body>".Length + (998 * "<div>".Length), cut.Value.Offset); // html, body and 998 divs fit
        Assert.Contains("1", cut.Value.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FindCut_TagNamesInAnyCase_AndCustomElements_CloseAsTheParserWould()
    {
        var mixed = Repeat("<DIV><Span>x</SPAN></div><Kv-Kort><p>y</kv-kort>", 5_000);

        Assert.Null(HtmlComplexity.FindCut("<HTML><BODY>" + mixed + "</BODY></HTML>", 100, 150_000));
        Assert.NotNull(HtmlComplexity.FindCut(Repeat("<Kv-Kort>", 200), 100, 150_000));
    }

    [Fact]
    public void FindCut_KnownTagNames_AreNotCopiedPerTag()
    {
        var html = "<table>" + Repeat("<tr><TD>celle<td>mer</td></tr>", 20_000) + "</table>";
        HtmlComplexity.FindCut(html, 1_000, 150_000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        HtmlComplexity.FindCut(html, 1_000, 150_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 64 * 1024, $"{allocated} bytes for 100 000 tags"); // one lower-cased name per tag was > 2 MB
    }

    [Fact]
    public void FindCut_UnclosedFormattingElements_CountAsDepth()
    {
        Assert.NotNull(HtmlComplexity.FindCut(Repeat("<b><i><a href=x>t", 2_000), 1_000, 150_000));
    }

    [Fact]
    public void FindCut_TooManyElements_IsCut()
    {
        var cut = HtmlComplexity.FindCut(Repeat("<span>x</span>", 2_000), 1_000, 1_000);

        Assert.Equal(1_000 * "<span>x</span>".Length, cut?.Offset);
    }

    [Fact]
    public void Parse_WithLimits_KeepsTheLinksBeforeTheCut_AndSaysWhy()
    {
        var html = "<html><body><a href=\"/tidlig\">Tidlig</a>" + Repeat("<div>", 200_000) + "<a href=\"/sent\">Sen</a>";
        var watch = Stopwatch.StartNew();

        var page = PageParser.Parse(html, new Uri("https://kommune.example/"), new HtmlLimits(1_000, 150_000, TimeSpan.FromSeconds(30), new FakeTimeProvider()));

        Assert.Equal(["/tidlig"], page.Links.Select(l => l.Href));
        Assert.Contains("nøstet", page.TooComplex, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Parse_WithoutLimits_ParsesEverything()
    {
        var page = PageParser.Parse("<a href=/a>a</a>" + Repeat("<div>", 50) + "<a href=/b>b</a>", new Uri("https://kommune.example/"));

        Assert.Equal(["/a", "/b"], page.Links.Select(l => l.Href));
        Assert.Null(page.TooComplex);
    }
}
