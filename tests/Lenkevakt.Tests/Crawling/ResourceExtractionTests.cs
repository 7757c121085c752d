using Lenkevakt.Checks;
using Lenkevakt.Crawling;

namespace Lenkevakt.Tests.Crawling;

/// <summary>Which URLs of a page <see cref="PageParser"/> records, with element, attribute and role (issue 11).</summary>
[Trait("Category", "Unit")]
public sealed class ResourceExtractionTests
{
    private static readonly Uri Page = new("https://fjordvik.kommune.no/helse/");

    private static List<(string Href, string Element, string Attribute, LinkRole Role)> Extract(string body) =>
        PageParser.Parse($"<!doctype html><html lang=\"nb\"><head><title>t</title></head><body>{body}</body></html>", Page).Links
            .Select(l => (l.Href, l.Element, l.Attribute, l.Role)).ToList();

    [Theory]
    [InlineData("<img src=\"/a.png\" alt=\"Kart\">", "/a.png", "img", "src", LinkRole.Image)]
    [InlineData("<script src=\"/app.js\"></script>", "/app.js", "script", "src", LinkRole.Script)]
    [InlineData("<link rel=\"stylesheet\" href=\"/s.css\">", "/s.css", "link", "href", LinkRole.Stylesheet)]
    [InlineData("<link rel=\"shortcut icon\" href=\"/favicon.ico\">", "/favicon.ico", "link", "href", LinkRole.Icon)]
    [InlineData("<link rel=\"apple-touch-icon\" href=\"/touch.png\">", "/touch.png", "link", "href", LinkRole.Icon)]
    [InlineData("<link rel=\"preload\" href=\"/font.woff2\" as=\"font\">", "/font.woff2", "link", "href", LinkRole.Preload)]
    [InlineData("<link rel=\"manifest\" href=\"/app.webmanifest\">", "/app.webmanifest", "link", "href", LinkRole.Manifest)]
    [InlineData("<iframe src=\"/kart.html\"></iframe>", "/kart.html", "iframe", "src", LinkRole.Frame)]
    [InlineData("<embed src=\"/film.swf\">", "/film.swf", "embed", "src", LinkRole.Embed)]
    [InlineData("<object data=\"/skjema.pdf\"></object>", "/skjema.pdf", "object", "data", LinkRole.Embed)]
    [InlineData("<audio src=\"/lyd.mp3\"></audio>", "/lyd.mp3", "audio", "src", LinkRole.Media)]
    [InlineData("<video src=\"/film.mp4\"></video>", "/film.mp4", "video", "src", LinkRole.Media)]
    [InlineData("<video poster=\"/plakat.jpg\"></video>", "/plakat.jpg", "video", "poster", LinkRole.Poster)]
    [InlineData("<video><source src=\"/film.webm\" type=\"video/webm\"></video>", "/film.webm", "source", "src", LinkRole.Media)]
    [InlineData("<video><track src=\"/tekst.vtt\" kind=\"captions\"></video>", "/tekst.vtt", "track", "src", LinkRole.Track)]
    [InlineData("<input type=\"image\" src=\"/knapp.png\" alt=\"Søk\">", "/knapp.png", "input", "src", LinkRole.Image)]
    [InlineData("<form action=\"/sok\"><input name=\"q\"></form>", "/sok", "form", "action", LinkRole.FormAction)]
    [InlineData("<form method=\"GET\" action=\"/sok2\"></form>", "/sok2", "form", "action", LinkRole.FormAction)]
    [InlineData("<form method=\"get\"><button formaction=\"/sok3\">Søk</button></form>", "/sok3", "button", "formaction", LinkRole.FormAction)]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0; URL='/ny-side'\">", "/ny-side", "meta", "content", LinkRole.MetaRefresh)]
    [InlineData("<meta http-equiv=\"Refresh\" content=\"5;url=/ny-side2\">", "/ny-side2", "meta", "content", LinkRole.MetaRefresh)]
    [InlineData("<meta property=\"og:image\" content=\"https://fjordvik.kommune.no/del.png\">", "https://fjordvik.kommune.no/del.png", "meta", "content", LinkRole.OpenGraphImage)]
    [InlineData("<meta property=\"og:url\" content=\"https://fjordvik.kommune.no/helse/\">", "https://fjordvik.kommune.no/helse/", "meta", "content", LinkRole.OpenGraphUrl)]
    [InlineData("<img src=\"\">", "", "img", "src", LinkRole.Image)]
    public void Parse_Resource_RecordsElementAttributeAndRole(string body, string href, string element, string attribute, LinkRole role) =>
        Assert.Contains((href, element, attribute, role), Extract(body));

    [Theory]
    [InlineData("<form method=\"post\" action=\"/send\"></form>")]
    [InlineData("<form method=\"post\"><button formaction=\"/send\">Send</button></form>")]
    [InlineData("<form action=\"\"></form>")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"30\">")]
    [InlineData("<link rel=\"alternate\" href=\"/en/\">")]
    [InlineData("<link rel=\"canonical\" href=\"/helse/\">")]
    [InlineData("<input type=\"text\" src=\"/ikke.png\">")]
    public void Parse_NotLoadedByTheBrowser_IsNotRecorded(string body) => Assert.Empty(Extract(body));

    [Fact]
    public void Parse_Srcset_EveryCandidate_WithCommasInUrls_AcrossLines()
    {
        var links = Extract("""
            <picture>
              <source srcset="/bilder/a,liten.webp 1x,
                              /bilder/a,stor.webp 2x" type="image/webp">
              <img src="/bilder/a.jpg" srcset="/bilder/a-480.jpg 480w, /bilder/a-800.jpg 800w,/bilder/a-1200.jpg   1200w" alt="Legevakt">
            </picture>
            """);

        Assert.Equal(
            Sorted(["/bilder/a,liten.webp", "/bilder/a,stor.webp", "/bilder/a.jpg", "/bilder/a-480.jpg", "/bilder/a-800.jpg", "/bilder/a-1200.jpg"]),
            Sorted(links.Select(l => l.Href)));
        Assert.All(links, l => Assert.Equal(LinkRole.Image, l.Role));
    }

    [Theory]
    [InlineData("/a.png 1x, /b.png 2x", new[] { "/a.png", "/b.png" })]
    [InlineData("/a,b.png 1x,/c.png 2x", new[] { "/a,b.png", "/c.png" })]
    [InlineData("/a.png,/b.png", new[] { "/a.png,/b.png" })]
    [InlineData("/a.png, /b.png", new[] { "/a.png", "/b.png" })]
    [InlineData("  /a.png\n  480w,\n/b.png 800w  ", new[] { "/a.png", "/b.png" })]
    [InlineData("data:image/png;base64,iVBO 1x, /b.png 2x", new[] { "data:image/png;base64,iVBO", "/b.png" })]
    [InlineData("", new string[0])]
    public void Srcset_Candidates_FollowTheHtmlParsingRules(string srcset, string[] expected) => Assert.Equal(expected, Srcset.Candidates(srcset));

    [Theory]
    [InlineData("0; URL='/ny'", "/ny")]
    [InlineData("0; URL=\"/ny\"", "/ny")]
    [InlineData("0;url=/ny", "/ny")]
    [InlineData("3, /ny", "/ny")]
    [InlineData("0; /ny", "/ny")]
    [InlineData("0.5; URL = https://fjordvik.kommune.no/ny", "https://fjordvik.kommune.no/ny")]
    [InlineData("30", null)]
    [InlineData("ikke-et-tall; url=/ny", null)]
    public void MetaRefresh_Target_WithAndWithoutQuotes(string content, string? expected) => Assert.Equal(expected, MetaRefresh.Target(content));

    private static string[] Sorted(IEnumerable<string> hrefs) => hrefs.Order(StringComparer.Ordinal).ToArray();
}
