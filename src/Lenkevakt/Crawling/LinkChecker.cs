using Lenkevakt.Checks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Crawling;

/// <summary>
/// Checks link targets that are not crawled (external links, out-of-scope pages, resources) once per run:
/// first an in-process de-dup cache keyed by (run, URL) shared by all sites this process crawls, then, for external
/// targets, the <see cref="LinkStatusStore"/> shared by all workers (claim, check, store), so a URL linked from many
/// pages, sites and workers costs one request. Successful external results are reused by later runs within
/// <see cref="CrawlOptions.ExternalLinkTtl"/>; failures are always checked again.
/// Bounded by <see cref="CrawlOptions.LinkCheckConcurrency"/> across hosts; per-host politeness is <see cref="HostGate"/>'s.
/// </summary>
public sealed class LinkChecker(PageFetcher fetcher, LinkStatusStore shared, TimeProvider time, IOptions<CrawlOptions> options, ILogger<LinkChecker> logger) : IDisposable
{
    private static readonly string Owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private readonly SemaphoreSlim slots = new(options.Value.LinkCheckConcurrency, options.Value.LinkCheckConcurrency);
    private readonly RunLinkCache cache = new();
    private readonly RunLinkCache confirmations = new();
    private readonly Dictionary<string, int> hostsInFlight = new(StringComparer.Ordinal);
    private readonly TransientRecheck recheck = TransientRecheck.From(options.Value, time);
    private string? currentRun;

    /// <summary>Starts (or joins) the check of <paramref name="url"/> in run <paramref name="runId"/>.</summary>
    /// <param name="external">An external link: a recent success from an earlier run may be reused.</param>
    /// <param name="policy">The site's address policy; results are shared only between requests it decides alike for (<see cref="AddressPolicy.KeyFor"/>).</param>
    public Task<LinkStatus> CheckAsync(string runId, string url, AddressPolicy policy, CancellationToken ct, bool external = false)
    {
        if (!string.Equals(Volatile.Read(ref currentRun), runId, StringComparison.Ordinal))
        {
            lock (cache)
            {
                if (!string.Equals(currentRun, runId, StringComparison.Ordinal))
                {
                    // A new run: forget the previous run's results (a long-running worker must not reuse them).
                    cache.RemoveAllBut(runId + "|");
                    confirmations.RemoveAllBut(runId + "|");

                    currentRun = runId;
                }
            }
        }

        var (host, key) = Key(runId, policy, url);

        // The shared check runs without any caller's token: a caller that gives up (a cancelled site) must not leave a
        // cancelled task behind for every other site of the run. Each caller waits with its own token.
        var lazy = cache.GetOrAdd(host, key, () => new Lazy<Task<LinkStatus>>(() => CheckThenConfirmEarly(runId, url, policy, external)));
        return lazy.Value.WaitAsync(ct);
    }

    /// <summary>
    /// The run's verdict on <paramref name="url"/>: its check, and when that failed transiently (timeout, connection
    /// error, 5xx, 429), the re-checks after the back-offs (<see cref="TransientRecheck"/>). The re-checks start as soon as
    /// the first check fails, in the background, and are shared by every site of the run, so a site asking at the end
    /// of its crawl rarely waits and a URL many sites link to is confirmed once.
    /// </summary>
    public Task<LinkStatus> ConfirmedAsync(string runId, string url, AddressPolicy policy, CancellationToken ct, bool external = false)
    {
        var (host, key) = Key(runId, policy, url);
        var lazy = confirmations.GetOrAdd(host, key, () => new Lazy<Task<LinkStatus>>(() => ConfirmSharedAsync(runId, url, policy, external)));
        return lazy.Value.WaitAsync(ct);
    }

    private async Task<LinkStatus> ConfirmSharedAsync(string runId, string url, AddressPolicy policy, bool external)
    {
        var first = await CheckAsync(runId, url, policy, CancellationToken.None, external).ConfigureAwait(false);
        return await recheck.ConfirmAsync(first, c => RecheckAsync(runId, url, policy, c), CancellationToken.None).ConfigureAwait(false);
    }

    private Task<LinkStatus> CheckThenConfirmEarly(string runId, string url, AddressPolicy policy, bool external)
    {
        var check = SharedCheckAsync(runId, url, policy, external, CancellationToken.None);
        // Start the re-checks when the check fails transiently: their back-off runs while the crawl goes on. Never
        // inline: a check that completed at once (an open host circuit) would start the confirmation inside this cache
        // entry's factory, whose own lookup of the entry then fails, and that failure stayed cached for the whole run.
        _ = check.ContinueWith(
            done =>
            {
                if (done.IsCompletedSuccessfully && TransientRecheck.IsTransient(done.Result) && options.Value.TransientRechecks > 0)
                {
                    _ = ConfirmedAsync(runId, url, policy, CancellationToken.None, external);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.RunContinuationsAsynchronously,
            TaskScheduler.Default);
        return check;
    }

    /// <summary>
    /// Checks <paramref name="url"/> again now (a transient failure being confirmed, <see cref="TransientRecheck"/>), and
    /// makes the new result the run's result for every site and worker.
    /// </summary>
    public async Task<LinkStatus> RecheckAsync(string runId, string url, AddressPolicy policy, CancellationToken ct)
    {
        var status = await RunCheckAsync(url, policy, ct).ConfigureAwait(false);
        var (host, key) = Key(runId, policy, url);
        cache.Set(host, key, new Lazy<Task<LinkStatus>>(Task.FromResult(status)));
        if (options.Value.SharedLinkCache)
        {
            try
            {
                await shared.SaveAsync(url, PolicyKey(policy, url), runId, status, ct).ConfigureAwait(false);
            }
            catch (Azure.RequestFailedException ex)
            {
                logger.LogDebug("Shared link cache unavailable ({Error}); the re-check of {Url} is kept locally", ex.ErrorCode, url);
            }
        }

        return status;
    }

    /// <summary>Records a status learned elsewhere (a crawled page's own fetch), so it is not checked again.</summary>
    public void Remember(string runId, string url, AddressPolicy policy, LinkStatus status)
    {
        var (host, key) = Key(runId, policy, url);
        cache.TryAdd(host, key, new Lazy<Task<LinkStatus>>(Task.FromResult(status)));
    }

    /// <summary>
    /// A site crawl's hold on its own hosts' results (<paramref name="hosts"/>: <see cref="UrlScope.InternalHosts"/>).
    /// When the last crawl in this process holding a host ends, the run's results on that host are dropped: they were
    /// the pages and links of that site, and another site that links there later checks the URL again (one request).
    /// Results on other hosts (the external links many sites share) stay for the whole run.
    /// </summary>
    public IDisposable EnterSite(IEnumerable<string> hosts)
    {
        var held = hosts.Distinct(StringComparer.Ordinal).ToArray();
        lock (hostsInFlight)
        {
            foreach (var host in held)
            {
                hostsInFlight[host] = hostsInFlight.GetValueOrDefault(host) + 1;
            }
        }

        return new SiteHold(this, held);
    }

    /// <summary>The hosts with results held in this process, for tests and diagnostics.</summary>
    internal IReadOnlyCollection<string> CachedHosts => cache.Hosts.Union(confirmations.Hosts, StringComparer.Ordinal).ToArray();

    private void LeaveSite(string[] hosts)
    {
        lock (hostsInFlight)
        {
            foreach (var host in hosts)
            {
                var left = hostsInFlight.GetValueOrDefault(host) - 1;
                if (left > 0)
                {
                    hostsInFlight[host] = left;
                    continue;
                }

                hostsInFlight.Remove(host);
                cache.Forget(host);
                confirmations.Forget(host);
            }
        }
    }

    // The cache key: run, the policy's decision for the host, URL; grouped by the URL's host.
    private static (string Host, string Key) Key(string runId, AddressPolicy policy, string url)
    {
        var uri = Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed : null;
        return (uri is null ? string.Empty : HostKey.Of(uri), $"{runId}|{PolicyKey(policy, uri, url)}|{url}");
    }

    private static string PolicyKey(AddressPolicy policy, string url) => PolicyKey(policy, Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null, url);

    private static string PolicyKey(AddressPolicy policy, Uri? uri, string url) => policy.KeyFor(uri?.IdnHost ?? url);

    private sealed class SiteHold(LinkChecker owner, string[] hosts) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                owner.LeaveSite(hosts);
            }
        }
    }

    public void Dispose() => slots.Dispose();

    private async Task<LinkStatus> SharedCheckAsync(string runId, string url, AddressPolicy policy, bool external, CancellationToken ct)
    {
        var policyKey = PolicyKey(policy, url);
        if (!options.Value.SharedLinkCache || !external)
        {
            // The site's own hosts (its resources, the pages past its page limit) are checked here: one worker crawls a
            // site at a time (its host lease), so the shared table would only add three storage calls per URL (the
            // resource-heavy bench: 13 468 table transactions instead of 168, and 2.5 times the wall time).

            return await RunCheckAsync(url, policy, ct).ConfigureAwait(false);
        }

        try
        {
            var deadline = time.GetUtcNow() + TimeSpan.FromSeconds(60);
            while (true)
            {
                var seen = await shared.GetAsync(url, policyKey, ct).ConfigureAwait(false);
                var now = time.GetUtcNow();
                if (seen?.Status is { } known && seen.ClaimedBy is null
                    && (seen.RunId == runId || (external && known.State is LinkState.Ok && seen.CheckedAt > now - options.Value.ExternalLinkTtl)))
                {
                    return known;
                }

                if (seen is { ClaimedBy: not null } && seen.RunId == runId && seen.ClaimUntil > now && now < deadline)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250), time, ct).ConfigureAwait(false); // another worker is checking it right now
                    continue;
                }

                if (!await shared.TryClaimAsync(url, policyKey, runId, Owner, TimeSpan.FromSeconds(60), seen, ct).ConfigureAwait(false))
                {
                    continue; // someone claimed it between our read and write: read again
                }

                var status = await RunCheckAsync(url, policy, ct).ConfigureAwait(false);
                await shared.SaveAsync(url, policyKey, runId, status, ct).ConfigureAwait(false);
                return status;
            }
        }
        catch (Azure.RequestFailedException ex)
        {
            // The shared cache is an optimisation: without storage, check locally.
            logger.LogDebug("Shared link cache unavailable ({Error}); checking {Url} locally", ex.ErrorCode, url);
            return await RunCheckAsync(url, policy, ct).ConfigureAwait(false);
        }
    }

    private async Task<LinkStatus> RunCheckAsync(string url, AddressPolicy policy, CancellationToken ct)
    {
        await slots.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var result = await fetcher.CheckAsync(new Uri(url), policy, ct).ConfigureAwait(false);
            return result.Status;
        }
        finally
        {
            slots.Release();
        }
    }
}
