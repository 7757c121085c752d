using Lenkevakt.Crawling;
using Lenkevakt.Sites;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Crawling;

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class FocusedCrawlTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SmallPageBudget_GoesToHelpPagesFirst()
    {
        var fetched = new List<string>();
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            var path = ctx.Request.Path.Value!;
            lock (fetched)
            {
                fetched.Add(ctx.Request.Method + " " + path);
            }

            if (path == "/")
            {
                var ordinary = string.Concat(Enumerable.Range(1, 10).Select(i => $"""<a href="/tjenester/byggesak-{i}.html">Byggesak {i}</a> """));
                ctx.Response.ContentType = "text/html";
                await ctx.Response.WriteAsync($"""<html lang="nb"><title>Kommune</title><body>{ordinary}<a href="/helse/legevakt.html">Legevakt og akutt hjelp</a> <a href="/helse/psykisk-helse.html">Psykisk helse – hjelpetelefoner</a></body></html>""");
                return;
            }

            if (path.EndsWith(".html", StringComparison.Ordinal))
            {
                ctx.Response.ContentType = "text/html";
                await ctx.Response.WriteAsync($"""<html lang="nb"><title>{path}</title><body>Side</body></html>""");
                return;
            }

            ctx.Response.StatusCode = 404;
        });
        await using var services = TestServices.Create(azurite.ConnectionString);
        var site = SitesCatalog.ForUrl(server.BaseUri, new CrawlScope { AllowPrivateNetworks = true, MaxPages = 3 });

        var result = await services.GetRequiredService<SiteCrawler>().CrawlAsync(site, "r-focus", null, CancellationToken.None);

        Assert.Equal(3, result.Stats.PagesCrawled);
        Assert.Contains("GET /helse/legevakt.html", fetched);
        Assert.Contains("GET /helse/psykisk-helse.html", fetched);
        Assert.DoesNotContain(fetched, p => p.StartsWith("GET /tjenester/", StringComparison.Ordinal)); // over the budget: only checked (HEAD), not crawled
    }
}
