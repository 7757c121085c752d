using Lenkevakt.Dashboard;
using Lenkevakt.Pipeline;
using Lenkevakt.Sites;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Dashboard;

/// <summary>Issue 12: the health score measures the site, not the sample (rates per page crawled and per rule).</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SiteHealthTests(AzuriteFixture azurite)
{
    /// <summary>
    /// A site of 200 pages with a uniform defect density: the start page and every fifth page have one broken link.
    /// Crawled with 100 pages, then with 50 (the 50 pages not crawled keep their findings open): the same score.
    /// </summary>
    [Fact]
    public async Task SameSite_CrawledWith100Then50Pages_HasTheSameHealthScore()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
        {
            var path = ctx.Request.Path.Value!;
            if (path.StartsWith("/zz-brutt", StringComparison.Ordinal) || (path != "/" && !path.StartsWith("/side-", StringComparison.Ordinal)))
            {
                ctx.Response.StatusCode = 404;
                return Task.CompletedTask;
            }

            ctx.Response.ContentType = "text/html; charset=utf-8";
            string body;
            if (path == "/")
            {
                body = string.Concat(Enumerable.Range(1, 200).Select(i => $"<a href=\"/side-{i:D3}.html\">Side {i}</a> ")) + "<a href=\"/zz-brutt-start\">Lenke</a>";
            }
            else
            {
                var n = int.Parse(path["/side-".Length..^".html".Length], System.Globalization.CultureInfo.InvariantCulture);
                body = n % 5 == 0 ? $"<p>Innhold på side {n}.</p><a href=\"/zz-brutt-{n}\">Lenke</a>" : $"<p>Innhold på side {n}.</p>";
            }

            return ctx.Response.WriteAsync($"<!doctype html><html lang=\"nb\"><head><title>Side {path}</title></head><body>{body}</body></html>");
        });
        await using var services = TestServices.Create(azurite.ConnectionString);
        var cycle = services.GetRequiredService<LocalCycle>();
        SiteDefinition Site(int maxPages) => SitesCatalog.ForUrl(server.BaseUri, new CrawlScope { AllowPrivateNetworks = true, MaxPages = maxPages, MaxDepth = 3 }) with { Id = "jevn-tetthet" };

        var large = (await cycle.RunAsync([Site(100)], CancellationToken.None)).Sites[0].Health!;
        var small = (await cycle.RunAsync([Site(50)], CancellationToken.None)).Sites[0].Health!;

        Assert.Equal((100, 20), (large.PagesCrawled, large.PagesWithErrors));
        Assert.Equal((50, 10), (small.PagesCrawled, small.PagesWithErrors));
        Assert.True(small.UncheckedFindings >= 10, $"the 50-page run keeps the other pages' findings open ({small.UncheckedFindings} unchecked)");
        Assert.Equal(large.HealthScore, small.HealthScore);
        Assert.InRange(small.HealthScore, 1, 99);
    }
}
