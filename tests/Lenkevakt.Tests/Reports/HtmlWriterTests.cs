using Lenkevakt.Html;

namespace Lenkevakt.Tests.Reports;

[Trait("Category", "Unit")]
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

    [Theory]
    [InlineData('\u202A', "202A")]
    [InlineData('\u202B', "202B")]
    [InlineData('\u202C', "202C")]
    [InlineData('\u202D', "202D")]
    [InlineData('\u202E', "202E")]
    [InlineData('\u2066', "2066")]
    [InlineData('\u2067', "2067")]
    [InlineData('\u2068', "2068")]
    [InlineData('\u2069', "2069")]
    [InlineData('\u200E', "200E")]
    [InlineData('\u200F', "200F")]
    [InlineData('\u061C', "061C")]
    public void BidiControls_InTextAndAttributes_AreShownAsVisibleText(char control, string hex)
    {
        var w = new HtmlWriter();
        w.Element("p", $"Timebestilling {control}fdp.exe", ("title", $"https://kommune.test/{control}moc.live"));

        var html = w.ToString(); // the encoder writes '+' as &#x2B;: the page shows "<U+202E>"

        Assert.DoesNotContain(control.ToString(), html, StringComparison.Ordinal);
        Assert.DoesNotContain($"&#x{hex};", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal($"<p title=\"https://kommune.test/&lt;U&#x2B;{hex}&gt;moc.live\">Timebestilling &lt;U&#x2B;{hex}&gt;fdp.exe</p>", html);
    }

    [Fact]
    public void BidiControls_InLinkText_AreVisible_TheLinkStaysClean()
    {
        var w = new HtmlWriter();
        w.Link("https://kommune.test/skjema", "Skjema \u202Efdp.exe\u202C her");

        Assert.Equal("<a href=\"https://kommune.test/skjema\" rel=\"noopener noreferrer\">Skjema &lt;U&#x2B;202E&gt;fdp.exe&lt;U&#x2B;202C&gt; her</a>", w.ToString());
    }

    [Fact]
    public void ShowBidiControls_TextWithout_IsReturnedAsIs()
    {
        const string text = "Legevakt 116 117 – åpent hele døgnet, עברית and العربية stay as they are";
        Assert.Same(text, HtmlWriter.ShowBidiControls(text));
    }
}
