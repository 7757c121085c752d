using Lenkevakt.Crawling;

namespace Lenkevakt.Tests.Crawling;

/// <summary>Links and resources keep the source line of their start tag (shown as "linje N" in findings).</summary>
[Trait("Category", "Unit")]
public sealed class PageParserLineTests
{
    private const string Page = "<!doctype html>\n<html><head>\n<link rel=\"stylesheet\" href=\"/s.css\">\n</head><body>\n<p>tekst</p>\n\n<a href=\"/a.html\">A</a>\n<img src=\"/b.png\">\n<table><a href=\"/fostret.html\">i tabell</a></table>\n</body></html>";

    [Fact]
    public void Parse_GivesEachLinkTheLineOfItsStartTag()
    {
        var lines = PageParser.Parse(Page, new Uri("https://kommune.example/")).Links.ToDictionary(l => l.Href, l => l.Line);

        Assert.Equal(3, lines["/s.css"]);
        Assert.Equal(7, lines["/a.html"]);
        Assert.Equal(8, lines["/b.png"]);
        Assert.Equal(9, lines["/fostret.html"]);
    }

    [Fact]
    public void Parse_WithLimits_GivesTheSameLines()
    {
        var limits = HtmlLimits.From(new CrawlOptions(), TimeProvider.System);

        var withLimits = PageParser.Parse(Page, new Uri("https://kommune.example/"), limits).Links.Select(l => (l.Href, l.Line));
        var without = PageParser.Parse(Page, new Uri("https://kommune.example/")).Links.Select(l => (l.Href, l.Line));

        Assert.Equal(without, withLimits);
    }
}
