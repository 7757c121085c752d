using System.Collections.Concurrent;
using System.Text;
using Lenkevakt.Checks;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Crawling;

/// <summary>
/// robots.txt per origin (keyed by <see cref="HostKey.Origin"/>), fetched once per process and run; applies
/// crawl-delay to the host gate. RFC 9309 §2.3.1.3–4: 2xx is parsed; 4xx (and a missing file) allows everything;
/// unreachable (5xx, 429, timeout, connection error), after the <see cref="TransientRecheck"/> re-checks, means complete
/// disallow for that origin in this run (<see cref="RobotsTxt.Unreachable"/>, a site finding). A DNS failure or a blocked
/// address allows (the page fetch fails and says why); so does a redirect that cannot be followed.
/// </summary>
public sealed class RobotsCache(PageFetcher fetcher, HostGate gate, IOptions<CrawlOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<RobotsTxt>>> cache = new(StringComparer.Ordinal);
    private readonly TransientRecheck recheck = TransientRecheck.From(options.Value, time);

    public Task<RobotsTxt> GetAsync(string runId, Uri uri, AddressPolicy policy, CancellationToken ct)
    {
        var origin = HostKey.Origin(uri);
        var robotsUri = new Uri(uri.GetLeftPart(UriPartial.Authority) + "/robots.txt");

        // Shared by every page of the origin: fetched without the first caller's token, each caller waits with its own.
        return cache.GetOrAdd($"{runId}|{origin}", _ => new Lazy<Task<RobotsTxt>>(() => FetchAsync(robotsUri, policy, CancellationToken.None))).Value.WaitAsync(ct);
    }

    private async Task<RobotsTxt> FetchAsync(Uri robotsUri, AddressPolicy policy, CancellationToken ct)
    {
        var result = await fetcher.GetTextAsync(robotsUri, policy, ct).ConfigureAwait(false);
        result = await recheck.ConfirmAsync(result, r => r.Status, c => fetcher.GetTextAsync(robotsUri, policy, c), ct).ConfigureAwait(false);
        RobotsTxt robots;
        if (result.Status.StatusCode is >= 200 and < 300 && result.Status.IsSuccess && result.Body is { } body)
        {
            robots = RobotsTxt.Parse(Encoding.UTF8.GetString(body), options.Value.UserAgentProduct);
        }
        else if (IsUnreachable(result.Status))
        {
            robots = RobotsTxt.UnreachableBecause(result.Status);
        }
        else
        {
            // 4xx, no file, or nothing to fetch it from (DNS, blocked): RFC 9309 allows crawling.
            robots = RobotsTxt.AllowAll;
        }

        if (robots.CrawlDelay is { } delay)
        {
            gate.SetCrawlDelay(HostKey.Of(robotsUri), delay);
        }

        return robots;
    }

    private static bool IsUnreachable(LinkStatus status) => status.State switch
    {
        LinkState.Broken => status.StatusCode is >= 500,
        LinkState.RateLimited or LinkState.Timeout => true,
        LinkState.Error => status.Error != LinkErrorKind.Dns,
        _ => false,
    };
}
