using Lenkevakt.Crawling;
using Lenkevakt.Findings;
using Lenkevakt.Sites;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Crawling;

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class AddressPolicyCrawlTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AllowPrivateSite_PrivateLinksAndRedirectHops_AreBlockedAddressFindings_LoopbackLinksAreChecked()
    {
        await using var external = await LoopbackServer.StartAsync((ctx, _) => ctx.Response.WriteAsync("external"));
        var privateTargets = new[] { "http://10.0.0.1/", "http://192.168.1.1/ruter", "http://[fd00::1]/", "http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/" };
        await using var site = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            switch (ctx.Request.Path.Value)
            {
                case "/":
                    ctx.Response.ContentType = "text/html";
                    var links = string.Concat(privateTargets.Select(t => $"""<a href="{t}">intern</a> """));
                    await ctx.Response.WriteAsync($"""<html><title>Start</title><body>{links}<a href="/videre">videre</a> <a href="{external.BaseUri}ekstern">ekstern</a></body></html>""");
                    return;
                case "/videre":
                    ctx.Response.StatusCode = 301;
                    ctx.Response.Headers.Location = "http://192.168.0.10/intranett";
                    return;
                default:
                    ctx.Response.StatusCode = 404;
                    return;
            }
        });
        System.Collections.Concurrent.ConcurrentQueue<Uri>? refused = null;
        await using var services = TestServices.Create(
            azurite.ConnectionString,
            settings: new Dictionary<string, string?> { ["Lenkevakt:Crawl:AllowPrivateNetworks"] = "false" },
            configure: s => refused = LoopbackOnlyHandler.AddTo(s));
        var definition = SitesCatalog.ForUrl(site.BaseUri, new CrawlScope { AllowPrivateNetworks = true, MaxPages = 5 });

        var result = await services.GetRequiredService<SiteCrawler>().CrawlAsync(definition, "r-policy", null, CancellationToken.None);

        var blocked = result.Findings.Where(f => f.Kind == FindingKind.BlockedAddress.Name).Select(f => f.Target).ToHashSet();
        foreach (var target in privateTargets)
        {
            Assert.Contains(blocked, b => b is not null && new Uri(b) == new Uri(target));
        }

        Assert.Contains(blocked, b => b is not null && b.EndsWith("/videre", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Findings, f => f.Target?.Contains(external.BaseUri.Authority, StringComparison.Ordinal) == true);
        Assert.Equal(1, external.Requests);
        Assert.Empty(refused!);
    }
}
