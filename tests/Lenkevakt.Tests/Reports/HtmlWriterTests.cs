using Lenkevakt.Html;

namespace Lenkevakt.Tests.Reports;

public sealed class HtmlWriterTests
{
    [Fact]
    public void TextAndAttributes_AreEncoded_LettersStayReadable()
    {
        var w = new HtmlWriter();
        w.Element("p", "Åpningstider <script>alert('x')</script> & \"mer\"", ("title", "\"><img src=x>"));

        Assert.Equal("<p title=\"&quot;&gt;&lt;img src=x&gt;\">Åpningstider &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;mer&quot;</p>", w.ToString());
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData(" JavaScript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("file:///C:/Users/x.docx")]
    [InlineData("mailto:a@b.no")]
    [InlineData("/relative/path")]
    [InlineData("//evil.example/")]
    [InlineData("not a url")]
    public void Link_ToAnythingButHttp_IsText(string url)
    {
        var w = new HtmlWriter();
        w.Link(url, "lenke");

        var html = w.ToString();
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
        Assert.StartsWith("<span class=\"nolink\">", html, StringComparison.Ordinal);
        Assert.Null(SafeUrl.Http(url));
    }

    [Fact]
    public void Link_ToHttp_IsNormalisedAndEncoded()
    {
        var w = new HtmlWriter();
        w.Link("https://sjøbygd.example/tjenester/åpningstider.html?a=1&b=\"2\"", null);

        Assert.Equal(
            "<a href=\"https://sjøbygd.example/tjenester/%C3%A5pningstider.html?a=1&amp;b=%222%22\" rel=\"noopener noreferrer\">https://sjøbygd.example/tjenester/%C3%A5pningstider.html?a=1&amp;b=%222%22</a>",
            w.ToString());
    }

    [Theory]
    [InlineData("onclick")]
    [InlineData("ONLOAD")]
    [InlineData("x y")]
    [InlineData("a\"b")]
    public void EventHandlerAndMalformedAttributeNames_AreRefused(string name) =>
        Assert.Throws<ArgumentException>(() => new HtmlWriter().Element("p", "x", (name, "y")));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("? x")]
    public void LocalLink_RefusesAnythingThatCouldLeaveTheApp(string href) =>
        Assert.Throws<ArgumentException>(() => new HtmlWriter().LocalLink(href, "x"));

    [Fact]
    public void UnbalancedElements_AreAProgrammingError()
    {
        var w = new HtmlWriter().Open("div").Open("p");
        Assert.Throws<InvalidOperationException>(() => w.Close("div"));
        Assert.Throws<InvalidOperationException>(() => new HtmlWriter().Open("div").ToString());
    }
}
