using Lenkevakt.Findings;
using Lenkevakt.Pipeline;
using Lenkevakt.Sites;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Pipeline;

/// <summary>
/// Issue 12: "not checked" is not "fixed". A finding is resolved only when its page was checked again in the run
/// (or the page is gone, resolved with that reason); one on a page the run did not fetch stays open.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class UncheckedFindingsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SmallerPageLimit_KeepsTheUncrawledPagesFindingsOpen_ARemovedPageResolvesItsFindings_WithTheReason()
    {
        var removed = false;
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
        {
            var path = ctx.Request.Path.Value!;
            if (path.StartsWith("/brutt-", StringComparison.Ordinal) || (removed && path == "/side-2.html"))
            {
                ctx.Response.StatusCode = 404;
                return Task.CompletedTask;
            }

            ctx.Response.ContentType = "text/html";
            var links = path == "/" ? string.Concat(Enumerable.Range(1, 8).Select(i => $"<a href=\"/side-{i}.html\">Side {i}</a>")) : $"<a href=\"/brutt-{path.Trim('/')}\">Brutt</a>";
            return ctx.Response.WriteAsync($"<html lang=\"nb\"><title>{path}</title><body>{links}</body></html>");
        });
        await using var services = TestServices.Create(azurite.ConnectionString, settings: new Dictionary<string, string?> { ["Lenkevakt:Crawl:HostConcurrency"] = "1" });
        var cycle = services.GetRequiredService<LocalCycle>();
        SiteDefinition Site(int maxPages) => SitesCatalog.ForUrl(server.BaseUri, new CrawlScope { AllowPrivateNetworks = true, MaxPages = maxPages }) with { Id = "ukontrollert" };

        await cycle.RunAsync([Site(20)], CancellationToken.None);
        var first = await BrokenAsync(services);
        Assert.Equal(8, first.Count);

        // Fewer pages crawled: the findings on the pages not fetched are not "fixed".
        var second = await cycle.RunAsync([Site(3)], CancellationToken.None);
        var afterSecond = await BrokenAsync(services);
        Assert.Equal(8, afterSecond.Count);
        Assert.Equal(0, second.Sites[0].Health!.ResolvedFindings);
        Assert.Contains(afterSecond, f => f.UncheckedRuns == 1 && f.LastRunId != second.RunId);

        // The page itself is removed: its finding is resolved because the page is gone; the rest stay open.
        removed = true;
        var third = await cycle.RunAsync([Site(20)], CancellationToken.None);
        var afterThird = await BrokenAsync(services);
        Assert.Equal(7, afterThird.Count);
        Assert.All(afterThird, f => Assert.Equal(0, f.UncheckedRuns));
        var gone = await ResolvedInAsync(services, third.RunId);
        var resolved = Assert.Single(gone, f => f.Kind == FindingKind.BrokenLink.Name && f.Target.Contains("/brutt-", StringComparison.Ordinal));
        Assert.EndsWith("/side-2.html", resolved.PageUrl, StringComparison.Ordinal);
        Assert.Equal("page-gone", resolved.ResolvedReason);
    }

    private static async Task<List<StoredFinding>> BrokenAsync(IServiceProvider services)
    {
        var list = new List<StoredFinding>();
        await foreach (var f in services.GetRequiredService<FindingStore>().QueryOpenAsync("ukontrollert", CancellationToken.None))
        {
            if (f.Kind == FindingKind.BrokenLink.Name && f.Target.Contains("/brutt-", StringComparison.Ordinal))
            {
                list.Add(f);
            }
        }

        return list;
    }

    private static async Task<List<FindingEntity>> ResolvedInAsync(IServiceProvider services, string runId)
    {
        var storage = services.GetRequiredService<Lenkevakt.Storage.StorageClients>();
        var list = new List<FindingEntity>();
        await foreach (var f in storage.Table(storage.Names.FindingsTable).QueryAsync<FindingEntity>(e => e.ResolvedRunId == runId))
        {
            list.Add(f);
        }

        return list;
    }
}
