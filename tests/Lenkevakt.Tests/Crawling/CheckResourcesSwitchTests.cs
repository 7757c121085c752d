using Lenkevakt.Crawling;
using Lenkevakt.Findings;
using Lenkevakt.Sites;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Crawling;

/// <summary><c>Crawl:CheckResources</c>: on (the default) a broken image is reported; off, only the links a visitor follows are checked.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CheckResourcesSwitchTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("false", false)]
    public async Task BrokenImage_IsCheckedOnlyWhenResourcesAre(string? setting, bool expectChecked)
    {
        var paths = new List<string>();
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            lock (paths)
            {
                paths.Add(ctx.Request.Path);
            }

            if (ctx.Request.Path == "/")
            {
                ctx.Response.ContentType = "text/html";
                await ctx.Response.WriteAsync("""<html lang="nb"><title>Forside</title><body><img src="/mangler.png" alt="Kart"><a href="/borte.html">Borte</a></body></html>""");
                return;
            }

            ctx.Response.StatusCode = 404;
        });
        var settings = new Dictionary<string, string?>();
        if (setting is not null)
        {
            settings["Lenkevakt:Crawl:CheckResources"] = setting;
        }

        await using var services = TestServices.Create(azurite.ConnectionString, settings: settings);
        var site = SitesCatalog.ForUrl(server.BaseUri, new CrawlScope { AllowPrivateNetworks = true, MaxPages = 5 });
        var result = await services.GetRequiredService<SiteCrawler>().CrawlAsync(site, "r-" + Guid.NewGuid().ToString("N")[..8], null, CancellationToken.None);

        var findings = CrawlFindings.Only(result.Findings);
        Assert.Contains(findings, f => f.Target.EndsWith("/borte.html", StringComparison.Ordinal));
        Assert.Equal(expectChecked, findings.Any(f => f.Target.EndsWith("/mangler.png", StringComparison.Ordinal)));
        lock (paths)
        {
            Assert.Equal(expectChecked, paths.Contains("/mangler.png"));
        }
    }
}
