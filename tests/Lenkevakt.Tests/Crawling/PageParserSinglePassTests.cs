using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Lenkevakt.Checks;
using Lenkevakt.Crawling;

namespace Lenkevakt.Tests.Crawling;

/// <summary>The parser's one walk over the tree finds exactly what the selectors it replaced find, in the same order.</summary>
[Trait("Category", "Unit")]
public sealed class PageParserSinglePassTests
{
    private const string Page = """
        <!doctype html><html lang="nb"><head>
        <base href="https://kommune.example/hjelp/"><base href="https://ignored.example/">
        <link rel="stylesheet" href="/s.css"><link rel="Alternate" hreflang="en" href="/en/"><link rel="alternate" href="/nohreflang">
        <meta http-equiv="refresh" content="5; url=/ny.html"><meta property="og:image" content="/og.png">
        <script src="/a.js"></script></head>
        <body id="topp"><a name="gammel">x</a>
        <nav><a href="/a.html" id="lenke">A <img src="/i.png" srcset="/i1.png 1x, /i2.png 2x"></a><area href="/kart.html"></nav>
        <main><div><div><p id="">tom id</p><a href="mailto:post@kommune.example">Post</a>
        <form action="/sok"><button formaction="/sok2">Søk</button></form><form method="post" action="/send"></form>
        <video src="/v.mp4" poster="/p.jpg"><source src="/v.webm"><track src="/t.vtt"></video>
        <iframe src="/kart"></iframe><object data="/o.pdf"></object><input type="image" src="/knapp.png">
        <a href="">tom</a><a>uten href</a></div></div></main>
        <svg><a href="/svg-lenke">svg</a></svg></body></html>
        """;

    [Fact]
    public void Parse_FindsWhatTheSelectorsFind_InTheSameOrder()
    {
        var page = PageParser.Parse(Page, new Uri("https://kommune.example/"));

        var document = new HtmlParser().ParseDocument(Page);
        var expected = document.QuerySelectorAll("a[href], area[href]").Select(e => e.GetAttribute("href")!).ToList();
        var resources = new List<RawLink>();
        ResourceExtractor.AddTo(document, resources, (s, _) => s);
        expected.AddRange(resources.Select(r => r.Href));

        Assert.Equal(expected, page.Links.Select(l => l.Href).ToList());
        Assert.Equal(new Uri("https://kommune.example/hjelp/"), page.BaseUri);
        var anchors = document.QuerySelectorAll("[id]").Select(e => e.Id!).Concat(document.QuerySelectorAll("a[name]").Select(e => e.GetAttribute("name")!)).ToHashSet();
        Assert.Equal(anchors.Order(StringComparer.Ordinal), page.Anchors.Order(StringComparer.Ordinal));
        Assert.Contains("", page.Anchors);
        var alternate = Assert.Single(page.Alternates);
        Assert.Equal(("en", "/en/"), (alternate.Lang, alternate.Href));
    }
}
