using Lenkevakt.Crawling;
using Lenkevakt.Findings;
using Lenkevakt.Sites;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Crawling;

/// <summary>
/// Issue 11: every URL a browser loads is checked. One loopback site per construct: the page holds the construct
/// pointing to a missing file (<c>/borte…</c>, 404) and the crawl must report exactly one finding, with the kind,
/// severity, target and the element/attribute evidence; <c>/ok…</c> answers 200, so a working construct reports nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ResourceCheckCrawlTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("<img src=\"/borte.png\" alt=\"Kart\">", "/borte.png", Severity.Error, "<img src>", "Bildet «/borte.png»")]
    [InlineData("<img src=\"/ok.png\" srcset=\"/ok-2x.png 2x, /borte,stor.png 3x\">", "/borte,stor.png", Severity.Error, "<img srcset>", "Bildet")]
    [InlineData("<picture><source srcset=\"/ok.webp 1x,\n    /borte.webp 2x\" type=\"image/webp\"><img src=\"/ok.jpg\"></picture>", "/borte.webp", Severity.Error, "<source srcset>", "Bildet")]
    [InlineData("<script src=\"/borte.js\"></script>", "/borte.js", Severity.Warning, "<script src>", "Skriptet «/borte.js»")]
    [InlineData("<link rel=\"stylesheet\" href=\"/borte.css\">", "/borte.css", Severity.Warning, "<link href>", "Stilarket «/borte.css»")]
    [InlineData("<link rel=\"icon\" href=\"/borte.ico\">", "/borte.ico", Severity.Warning, "<link href>", "Ikonet")]
    [InlineData("<link rel=\"preload\" href=\"/borte.woff2\" as=\"font\">", "/borte.woff2", Severity.Warning, "<link href>", "forhåndslastede")]
    [InlineData("<link rel=\"manifest\" href=\"/borte.webmanifest\">", "/borte.webmanifest", Severity.Warning, "<link href>", "Manifestet")]
    [InlineData("<iframe src=\"/borte-kart.html\"></iframe>", "/borte-kart.html", Severity.Error, "<iframe src>", "iframe")]
    [InlineData("FRAMESET<frameset><frame src=\"/borte-ramme.html\"></frameset>", "/borte-ramme.html", Severity.Error, "<frame src>", "iframe")]
    [InlineData("<embed src=\"/borte.svg\">", "/borte.svg", Severity.Error, "<embed src>", "innebygde innholdet")]
    [InlineData("<object data=\"/borte.pdf\"></object>", "/borte.pdf", Severity.Error, "<object data>", "innebygde innholdet")]
    [InlineData("<audio src=\"/borte.mp3\" controls></audio>", "/borte.mp3", Severity.Warning, "<audio src>", "Lyd- eller videofilen")]
    [InlineData("<video src=\"/borte.mp4\" controls></video>", "/borte.mp4", Severity.Warning, "<video src>", "Lyd- eller videofilen")]
    [InlineData("<video src=\"/ok.mp4\" poster=\"/borte-plakat.jpg\"></video>", "/borte-plakat.jpg", Severity.Warning, "<video poster>", "Forsidebildet")]
    [InlineData("<video><source src=\"/borte.webm\" type=\"video/webm\"></video>", "/borte.webm", Severity.Warning, "<source src>", "Lyd- eller videofilen")]
    [InlineData("<video src=\"/ok.mp4\"><track src=\"/borte.vtt\" kind=\"captions\"></video>", "/borte.vtt", Severity.Warning, "<track src>", "Tekstingen")]
    [InlineData("<form><input type=\"image\" src=\"/borte-knapp.png\" alt=\"Søk\"></form>", "/borte-knapp.png", Severity.Error, "<input src>", "Bildet")]
    [InlineData("<form action=\"/borte-sok\"><input name=\"q\"></form>", "/borte-sok", Severity.Warning, "<form action>", "Skjemaets mottaksadresse")]
    [InlineData("<form method=\"get\" action=\"/ok-sok\"><button formaction=\"/borte-sok2\">Søk</button></form>", "/borte-sok2", Severity.Warning, "<button formaction>", "Skjemaets mottaksadresse")]
    [InlineData("HEAD<meta http-equiv=\"refresh\" content=\"0; URL='/borte-ny'\">", "/borte-ny", Severity.Error, "<meta content>", "meta refresh")]
    [InlineData("HEAD<meta http-equiv=\"refresh\" content=\"0;url=/borte-ny2\">", "/borte-ny2", Severity.Error, "<meta content>", "meta refresh")]
    [InlineData("HEAD<meta property=\"og:image\" content=\"/borte-del.png\">", "/borte-del.png", Severity.Warning, "<meta content>", "og:image")]
    [InlineData("HEAD<meta property=\"og:url\" content=\"/borte-side\">", "/borte-side", Severity.Warning, "<meta content>", "og:url")]
    public async Task Crawl_BrokenResource_IsOneBrokenLinkFinding_NamedByElement(string construct, string target, Severity severity, string evidence, string subject)
    {
        var findings = await CrawlAsync(construct);

        var finding = Assert.Single(findings);
        Assert.Equal(FindingKind.BrokenLink.Name, finding.Kind);
        Assert.Equal(severity, finding.Severity);
        Assert.EndsWith(target, finding.Target, StringComparison.Ordinal);
        Assert.StartsWith(evidence, finding.Evidence, StringComparison.Ordinal);
        Assert.Contains(subject, finding.Message, StringComparison.Ordinal);
        Assert.Equal(404, finding.StatusCode);
    }

    [Theory]
    [InlineData("<img src=\"/ok.png\" srcset=\"/ok-2x.png 2x\"><script src=\"/ok.js\"></script><link rel=\"stylesheet\" href=\"/ok.css\"><iframe src=\"/ok-kart.html\"></iframe>")]
    [InlineData("<img src=\"data:image/png;base64,iVBORw0KGgo=\" srcset=\"data:image/png;base64,iVBO 1x, /ok.png 2x\">")]
    [InlineData("<form method=\"post\" action=\"/borte-post\"></form><form action=\"\"></form>")]
    [InlineData("HEAD<meta http-equiv=\"refresh\" content=\"600\"><link rel=\"alternate\" hreflang=\"en\" href=\"/ok-en\">")]
    public async Task Crawl_WorkingOrNotLoadedResources_ReportNothing(string construct) => Assert.Empty(await CrawlAsync(construct));

    [Theory]
    [InlineData("<img src=\"\" alt=\"Tomt\">", "<img src>")]
    [InlineData("<script src=\"\"></script>", "<script src>")]
    [InlineData("<iframe src=\"\"></iframe>", "<iframe src>")]
    public async Task Crawl_EmptySrc_IsAnEmptyResourceWarning(string construct, string evidence)
    {
        var finding = Assert.Single(await CrawlAsync(construct));

        Assert.Equal(FindingKind.EmptyResourceLink.Name, finding.Kind);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.StartsWith(evidence, finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crawl_Resources_AreCheckedOnce_WithHead_AndNeverCrawled()
    {
        var requests = new List<string>();
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            lock (requests)
            {
                requests.Add($"{ctx.Request.Method} {ctx.Request.Path}");
            }

            ctx.Response.ContentType = "text/html";
            if (ctx.Request.Path == "/")
            {
                await ctx.Response.WriteAsync("""<html lang="nb"><title>Forside</title><body><iframe src="/ramme.html"></iframe><img src="/a.png"><img src="/a.png"><a href="/side.html">Side</a></body></html>""");
            }
            else if (ctx.Request.Path == "/side.html")
            {
                await ctx.Response.WriteAsync("""<html lang="nb"><title>Side</title><body><img src="/a.png"></body></html>""");
            }
            else if (ctx.Request.Path == "/ramme.html")
            {
                await ctx.Response.WriteAsync("""<html lang="nb"><title>Ramme</title><body><a href="/bare-fra-rammen.html">x</a></body></html>""");
            }
            else if (ctx.Request.Path != "/a.png")
            {
                ctx.Response.StatusCode = 404;
            }
        });
        await using var services = TestServices.Create(azurite.ConnectionString);
        var site = SitesCatalog.ForUrl(server.BaseUri, new CrawlScope { AllowPrivateNetworks = true, MaxPages = 10 });

        var result = await services.GetRequiredService<SiteCrawler>().CrawlAsync(site, "r-" + Guid.NewGuid().ToString("N")[..8], null, CancellationToken.None);

        Assert.Empty(CrawlFindings.Only(result.Findings));
        Assert.Equal(2, result.Stats.PagesCrawled);
        Assert.Equal(["HEAD /a.png"], requests.Where(r => r.EndsWith("/a.png", StringComparison.Ordinal)));
        Assert.Equal(["HEAD /ramme.html"], requests.Where(r => r.EndsWith("/ramme.html", StringComparison.Ordinal)));
        Assert.DoesNotContain(requests, r => r.Contains("bare-fra-rammen", StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<Finding>> CrawlAsync(string construct)
    {
        var html = construct.StartsWith("FRAMESET", StringComparison.Ordinal)
            ? $"<!doctype html><html lang=\"nb\"><head><title>Ressurser</title></head>{construct["FRAMESET".Length..]}</html>"
            : construct.StartsWith("HEAD", StringComparison.Ordinal)
                ? $"<!doctype html><html lang=\"nb\"><head><title>Ressurser</title>{construct["HEAD".Length..]}</head><body><p>Hei</p></body></html>"
                : $"<!doctype html><html lang=\"nb\"><head><title>Ressurser</title></head><body>{construct}</body></html>";
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            var path = ctx.Request.Path.Value!;
            if (path == "/")
            {
                ctx.Response.ContentType = "text/html";
                await ctx.Response.WriteAsync(html);
                return;
            }

            ctx.Response.StatusCode = path.StartsWith("/ok", StringComparison.Ordinal) ? 200 : 404;
            if (ctx.Response.StatusCode == 200)
            {
                ctx.Response.ContentType = "application/octet-stream";
            }
        });
        await using var services = TestServices.Create(azurite.ConnectionString);
        var site = SitesCatalog.ForUrl(server.BaseUri, new CrawlScope { AllowPrivateNetworks = true, MaxPages = 5 });

        var result = await services.GetRequiredService<SiteCrawler>().CrawlAsync(site, "r-" + Guid.NewGuid().ToString("N")[..8], null, CancellationToken.None);

        Assert.Equal(1, result.Stats.PagesCrawled);
        return CrawlFindings.Only(result.Findings);
    }
}
