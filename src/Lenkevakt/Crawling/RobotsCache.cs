using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Crawling;

/// <summary>robots.txt per origin, fetched once per process and run; applies crawl-delay to the host gate.</summary>
public sealed class RobotsCache(PageFetcher fetcher, HostGate gate, IOptions<CrawlOptions> options)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<RobotsTxt>>> cache = new(StringComparer.OrdinalIgnoreCase);

    public Task<RobotsTxt> GetAsync(string runId, Uri uri, AddressPolicy policy, CancellationToken ct)
    {
        var origin = uri.GetLeftPart(UriPartial.Authority);
        return cache.GetOrAdd($"{runId}|{origin}", _ => new Lazy<Task<RobotsTxt>>(() => FetchAsync(new Uri(origin + "/robots.txt"), policy, ct))).Value;
    }

    private async Task<RobotsTxt> FetchAsync(Uri robotsUri, AddressPolicy policy, CancellationToken ct)
    {
        var result = await fetcher.GetTextAsync(robotsUri, policy, ct).ConfigureAwait(false);
        RobotsTxt robots;
        if (result.Status.StatusCode is >= 200 and < 300 && result.Body is { } body)
        {
            robots = RobotsTxt.Parse(Encoding.UTF8.GetString(body), options.Value.UserAgentProduct);
        }
        else if (result.Status.StatusCode is >= 500)
        {
            robots = RobotsTxt.DisallowAll;
        }
        else
        {
            // 4xx or unreachable: RFC 9309 allows crawling (an unreachable host fails on its own fetch anyway).
            robots = RobotsTxt.AllowAll;
        }

        if (robots.CrawlDelay is { } delay)
        {
            gate.SetCrawlDelay(robotsUri.Authority, delay);
        }

        return robots;
    }
}
