using Lenkevakt.Checks;
using Lenkevakt.Crawling;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Crawling;

/// <summary>Behaviour against misbehaving loopback servers: asserts outcomes and request counts, never timing.</summary>
[Trait("Category", "Integration")]
public sealed class PolitenessTests
{
    private static ServiceProvider Services(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Lenkevakt:Crawl:MaxRetries"] = "2",
            // Long enough for a first request on a busy machine (JIT, connection); the slow server never answers anyway.
            ["Lenkevakt:Crawl:AttemptTimeout"] = "00:00:01.500",
            ["Lenkevakt:Crawl:MaxRetryAfter"] = "00:00:02",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }

        // Storage is never touched by these tests; the connection string only has to parse.
        return TestServices.Create("UseDevelopmentStorage=true", settings: settings);
    }

    [Fact]
    public async Task TooManyRequests_WithRetryAfter_IsHonouredAndRetried()
    {
        await using var server = await LoopbackServer.StartAsync(async (ctx, n) =>
        {
            if (n == 1)
            {
                ctx.Response.StatusCode = 429;
                ctx.Response.Headers.RetryAfter = "1";
                return;
            }

            await ctx.Response.WriteAsync("ok");
        });
        await using var services = Services();

        var result = await services.GetRequiredService<PageFetcher>().CheckAsync(server.BaseUri, AddressPolicy.AllowingPrivate([]), CancellationToken.None);

        Assert.Equal(LinkState.Ok, result.Status.State);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task RetryAfter_LongerThanWeWait_IsNotHammered_AndReportedAsRateLimited()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
        {
            ctx.Response.StatusCode = 429;
            ctx.Response.Headers.RetryAfter = "3600";
            return Task.CompletedTask;
        });
        await using var services = Services();

        var result = await services.GetRequiredService<PageFetcher>().GetPageAsync(server.BaseUri, AddressPolicy.AllowingPrivate([]), CancellationToken.None);

        Assert.Equal(LinkState.RateLimited, result.Status.State); // 429 is not broken (issue 11); the crawl checks it again later
        Assert.Equal(429, result.Status.StatusCode);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task SlowServer_EndsAsTimeout_AfterTheRetries()
    {
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        });
        await using var services = Services();

        var result = await services.GetRequiredService<PageFetcher>().CheckAsync(server.BaseUri, AddressPolicy.AllowingPrivate([]), CancellationToken.None);

        Assert.Equal(LinkState.Timeout, result.Status.State);
        Assert.Equal(3, server.Requests); // first try + 2 retries
    }

    [Fact]
    public async Task DroppedConnections_AreConnectionErrors_AndOpenTheHostsCircuit()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
        {
            ctx.Abort();
            return Task.CompletedTask;
        });
        await using var services = Services(new Dictionary<string, string?>
        {
            ["Lenkevakt:Crawl:MaxRetries"] = "0",
            ["Lenkevakt:Crawl:AttemptTimeout"] = "00:00:10",
            ["Lenkevakt:Crawl:CircuitBreakerMinimumThroughput"] = "4",
            ["Lenkevakt:Crawl:CircuitBreakDuration"] = "00:01:00",
        });
        var fetcher = services.GetRequiredService<PageFetcher>();

        var results = new List<LinkStatus>();
        for (var i = 0; i < 12; i++)
        {
            results.Add((await fetcher.GetPageAsync(new Uri(server.BaseUri, $"p{i}"), AddressPolicy.AllowingPrivate([]), CancellationToken.None)).Status);
        }

        Assert.All(results, r => Assert.Equal(LinkState.Error, r.State));
        Assert.True(results[0].Error == LinkErrorKind.ConnectionReset, results[0].Detail);
        // Once the circuit is open the host is not contacted; the status names the failure that opened it (a stable finding kind).
        Assert.All(results, r => Assert.Equal(LinkErrorKind.ConnectionReset, r.Error));
        Assert.Contains(results, r => r.Detail?.Contains("circuit open", StringComparison.Ordinal) == true);
        Assert.True(server.Requests < 12, $"the open circuit should spare the host; it saw {server.Requests} requests");
    }

    [Fact]
    public async Task UserAgent_NamesTheProductAndTheContactUrl()
    {
        string? agent = null;
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
        {
            agent = ctx.Request.Headers.UserAgent;
            return Task.CompletedTask;
        });
        await using var services = Services(new Dictionary<string, string?> { ["Lenkevakt:Crawl:ContactUrl"] = "https://drift.example.no/lenkevakt" });

        await services.GetRequiredService<PageFetcher>().CheckAsync(server.BaseUri, AddressPolicy.AllowingPrivate([]), CancellationToken.None);

        Assert.Equal("Lenkevakt/1.0 (+https://drift.example.no/lenkevakt)", agent);
    }
}
