using System.Text;
using Lenkevakt.Crawling;

namespace Lenkevakt.Tests.Crawling;

[Trait("Category", "Unit")]
public sealed class HtmlDecodingTests
{
    [Fact]
    public void Latin1Page_WithMetaCharsetOnly_DecodesNorwegianLetters()
    {
        var bytes = Encoding.Latin1.GetBytes("<html><head><meta charset=\"iso-8859-1\"><title>Åpningstider på legevakten</title></head><body>Røntgen</body></html>");

        var (text, encoding) = HtmlDecoding.Decode(bytes, headerCharset: null);

        Assert.Contains("Åpningstider på legevakten", text, StringComparison.Ordinal);
        Assert.Equal(1252, encoding.CodePage);
    }

    [Fact]
    public void HeaderCharset_WinsOverMeta()
    {
        var bytes = Encoding.UTF8.GetBytes("<meta charset=\"iso-8859-1\"><p>Tønsberg</p>");
        Assert.Contains("Tønsberg", HtmlDecoding.Decode(bytes, "utf-8").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void NoDeclaration_InvalidUtf8_FallsBackToWindows1252()
    {
        var bytes = Encoding.Latin1.GetBytes("<p>Bærum</p>");
        Assert.Contains("Bærum", HtmlDecoding.Decode(bytes, null).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RawLatin1LetterInHref_ResolvesToUtf8PercentEncoding()
    {
        var html = HtmlDecoding.Decode(Encoding.Latin1.GetBytes("<meta charset=iso-8859-1><a href=\"tjenester/røntgen.html\">x</a><a href=\"r%F8ntgen.html\">y</a>"), null).Text;
        var page = PageParser.Parse(html, new Uri("http://127.0.0.1:8080/"));

        var targets = page.Links.Select(l => Lenkevakt.Checks.LinkTarget.Resolve(page.BaseUri, l.Href).Target).ToList();

        Assert.Equal("http://127.0.0.1:8080/tjenester/r%C3%B8ntgen.html", targets[0]);
        Assert.Equal("http://127.0.0.1:8080/r%F8ntgen.html", targets[1]); // a Latin-1 escape stays as written (and is a 404 on a UTF-8 server)
    }

    [Theory]
    [InlineData("utf-7", null)]
    [InlineData(null, "utf-7")]
    [InlineData("x-no-such-charset", null)]
    public void UndecodableCharset_IsReported_AndTheFallbackIsUsed(string? header, string? meta)
    {
        var declared = header ?? meta!;
        var bytes = Encoding.UTF8.GetBytes($"<html><head>{(meta is null ? "" : $"<meta charset=\"{meta}\">")}<title>Legevakt</title></head><body><a href=\"/b\">Bærum</a></body></html>");

        var decoded = HtmlDecoding.DecodePage(bytes, header);

        Assert.Equal(declared, decoded.UndecodableCharset);
        Assert.Equal(Encoding.UTF8, decoded.Encoding);
        Assert.Contains("Bærum", decoded.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iso-8859-15", "Kø €")]
    [InlineData("windows-1250", "Łódź")]
    [InlineData("koi8-r", "Привет")]
    [InlineData("shift_jis", "東京")]
    [InlineData("utf-16be", "Tromsø")]
    public void CodePageCharsets_AreDecoded(string charset, string text)
    {
        var bytes = HtmlDecoding.FromLabel(charset)!.GetBytes($"<p>{text}</p>");

        var decoded = HtmlDecoding.DecodePage(bytes, charset);

        Assert.Null(decoded.UndecodableCharset);
        Assert.Contains(text, decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownHeaderCharset_MetaIsUsed_NothingReported()
    {
        var bytes = Encoding.Latin1.GetBytes("<meta charset=\"iso-8859-1\"><p>Tønsberg</p>");

        var decoded = HtmlDecoding.DecodePage(bytes, "utf-7");

        Assert.Null(decoded.UndecodableCharset);
        Assert.Contains("Tønsberg", decoded.Text, StringComparison.Ordinal);
    }
}
