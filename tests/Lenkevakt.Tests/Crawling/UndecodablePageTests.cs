using Lenkevakt.Findings;
using Lenkevakt.Sites;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Crawling;

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class UndecodablePageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Utf7Page_IsReportedAsUndecodable_ItsLinksAreChecked_AndTheCrawlGoesOn()
    {
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            switch (ctx.Request.Path.Value)
            {
                case "/":
                    ctx.Response.ContentType = "text/html; charset=utf-8";
                    await ctx.Response.WriteAsync("""<html><title>Start</title><body><a href="/gammel.html">Gammel side</a></body></html>""");
                    return;
                case "/gammel.html":
                    ctx.Response.ContentType = "text/html; charset=utf-7";
                    await ctx.Response.WriteAsync("""<html><title>Gammel</title><body>+ADw-script+AD4- <a href="/etter.html">Videre</a> <a href="/mangler.html">Borte</a></body></html>""");
                    return;
                case "/etter.html":
                    ctx.Response.ContentType = "text/html";
                    await ctx.Response.WriteAsync("""<html><title>Etter</title><body>Her</body></html>""");
                    return;
                default:
                    ctx.Response.StatusCode = 404;
                    return;
            }
        });
        await using var services = TestServices.Create(azurite.ConnectionString);
        var site = SitesCatalog.ForUrl(server.BaseUri, new CrawlScope { AllowPrivateNetworks = true, MaxPages = 10 });

        var result = await services.GetRequiredService<Lenkevakt.Crawling.SiteCrawler>().CrawlAsync(site, "r-utf7", null, CancellationToken.None);

        var undecodable = Assert.Single(result.Findings, f => f.Kind == FindingKind.PageUndecodable.Name);
        Assert.EndsWith("/gammel.html", undecodable.PageUrl, StringComparison.Ordinal);
        Assert.Contains("utf-7", undecodable.Message, StringComparison.Ordinal);
        Assert.Equal(3, result.Stats.PagesCrawled);
        Assert.Equal(1, result.Stats.PagesFailed); // only /mangler.html (404)
        Assert.Contains(result.Findings, f => f.Kind == FindingKind.BrokenLink.Name && f.Target.EndsWith("/mangler.html", StringComparison.Ordinal));
    }
}
