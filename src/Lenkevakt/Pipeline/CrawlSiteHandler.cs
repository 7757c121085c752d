using System.Text;
using System.Text.Json;
using Lenkevakt.Crawling;
using Lenkevakt.Findings;
using Lenkevakt.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Pipeline;

/// <summary>
/// Stage 2: crawls one site for one run under a lease (so two workers never crawl it at once), sends its findings in
/// size-capped batches to <c>findings</c>, then announces the crawl on <c>site-crawled</c> with the batch count.
/// A redelivered message for a site already crawled in the run does nothing. With a time budget
/// (<see cref="CrawlOptions.TimeBudget"/>, set under Azure Functions) a long crawl checkpoints and continues in a new
/// <c>crawl-site</c> message (<see cref="CrawlSiteMessage.Continuation"/> + 1) that resumes where it stopped.
/// Two sites on the same host are not crawled at the same time by different workers (a host lease), so
/// per-host politeness holds across processes.
/// </summary>
public sealed class CrawlSiteHandler(
    SiteCrawler crawler,
    RunStore runs,
    QueuePublisher queues,
    CrawlCheckpointStore checkpoints,
    ICrawlProgressSink progress,
    IOptions<QueueOptions> options,
    IOptions<CrawlOptions> crawlOptions,
    TimeProvider time,
    ILogger<CrawlSiteHandler> logger)
{
    public async Task HandleAsync(CrawlSiteMessage message, CancellationToken ct)
    {
        var lease = options.Value.CrawlLease;
        var (result, until) = await runs.TryAcquireCrawlLeaseAsync(message.RunId, message.SiteId, lease, ct).ConfigureAwait(false);
        if (result == LeaseResult.AlreadyDone)
        {
            logger.LogInformation("Site {Site} already crawled in run {Run}; skipping duplicate message", message.SiteId, message.RunId);
            return;
        }

        if (result == LeaseResult.Busy)
        {
            // Look again soon: when the other worker finishes, this copy is dropped; if it died, its lease runs out.
            var wait = until - time.GetUtcNow();
            wait = wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > TimeSpan.FromSeconds(15) ? TimeSpan.FromSeconds(15) : wait;
            throw new RetryLaterException($"site {message.SiteId} is being crawled by another worker", wait);
        }

        var host = Crawling.HostKey.Of(message.Site.StartUrls[0]); // one lease per host however its name is spelt (IDN)
        var owner = $"{message.RunId}|{message.SiteId}";
        var (hostLease, hostUntil) = await runs.TryAcquireHostLeaseAsync(host, owner, lease, ct).ConfigureAwait(false);
        if (hostLease != LeaseResult.Acquired)
        {
            await runs.ReleaseCrawlLeaseAsync(message.RunId, message.SiteId, ct).ConfigureAwait(false);
            var wait = hostUntil - time.GetUtcNow();
            // Look again soon: most site crawls on a shared host (the helsenorge.no sections) are short.
            throw new RetryLaterException($"host {host} is being crawled for another site", wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > TimeSpan.FromSeconds(3) ? TimeSpan.FromSeconds(3) : wait);
        }

        try
        {
            await CrawlUnderLeaseAsync(message, host, owner, lease, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down (Ctrl+C, host stop): give the site back so the next run or worker takes it over at once.
            await runs.ReleaseCrawlLeaseAsync(message.RunId, message.SiteId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex) when (ex is not RetryLaterException and not PoisonMessageException)
        {
            // A crawl that throws must neither keep its lease (each redelivery would be deferred as a new message,
            // with its delivery count back at 1, forever) nor start from zero: the failure is counted on the site's row.
            var max = options.Value.MaxDequeueCount;
            var failures = await runs.RecordCrawlFailureAsync(message.RunId, message.SiteId, $"{ex.GetType().Name}: {ex.Message}", max, CancellationToken.None).ConfigureAwait(false);
            logger.LogError(ex, "Crawl of {Site} failed (attempt {Attempt} of {Max})", message.SiteId, failures, max);
            if (failures >= max)
            {
                throw new PoisonMessageException($"Nettstedet {message.SiteId} kunne ikke sjekkes: gjennomgangen feilet {failures} ganger. Siste feil: {ex.GetType().Name}: {ex.Message}", ex);
            }

            throw;
        }
    }

    private async Task CrawlUnderLeaseAsync(CrawlSiteMessage message, string host, string owner, TimeSpan lease, CancellationToken ct)
    {
        using var renewCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewal = RenewAsync(message, host, owner, lease, renewCts.Token);
        SiteCrawlResult crawl;
        try
        {
            var budget = crawlOptions.Value.TimeBudget;
            DateTimeOffset? deadline = budget > TimeSpan.Zero ? time.GetUtcNow() + budget : null;
            crawl = await crawler.CrawlAsync(message.Site, message.RunId, progress, ct, deadline).ConfigureAwait(false);
        }
        finally
        {
            await renewCts.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
            await runs.ReleaseHostLeaseAsync(host, owner, CancellationToken.None).ConfigureAwait(false);
        }

        if (!crawl.Completed)
        {
            await queues.SendAsync(StorageNames.CrawlSite, message with { Continuation = message.Continuation + 1 }, ct).ConfigureAwait(false);
            await runs.ReleaseCrawlLeaseAsync(message.RunId, message.SiteId, ct).ConfigureAwait(false);
            logger.LogInformation("{Site} continues in message {N} ({Pages} pages so far)", message.SiteId, message.Continuation + 1, crawl.Stats.PagesCrawled);
            return;
        }

        var batches = Batch(crawl.Findings);
        for (var i = 0; i < batches.Count; i++)
        {
            await queues.SendAsync(StorageNames.Findings, new FindingsMessage
            {
                RunId = message.RunId, SiteId = message.SiteId, RunStartedAt = message.RunStartedAt, Batch = i, Findings = batches[i],
            }, ct).ConfigureAwait(false);
        }

        await queues.SendAsync(StorageNames.SiteCrawled, new SiteCrawledMessage
        {
            RunId = message.RunId, SiteId = message.SiteId, Site = message.Site, RunStartedAt = message.RunStartedAt, FindingBatches = batches.Count, Stats = crawl.Stats,
        }, ct).ConfigureAwait(false);
        await runs.MarkCrawledAsync(message.RunId, message.SiteId, crawl.Stats, batches.Count, ct).ConfigureAwait(false);
        await checkpoints.DeleteOtherRunsAsync(message.SiteId, message.RunId, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Splits findings into messages that stay under the queue's size limit, in id order: the Findings table's
    /// partitions follow the id's first character (<see cref="Storage.SitePartitions"/>), so each message is written
    /// with one or two entity group transactions instead of one per partition.
    /// </summary>
    internal static List<IReadOnlyList<Finding>> Batch(IReadOnlyList<Finding> findings)
    {
        var batches = new List<IReadOnlyList<Finding>>();
        var current = new List<Finding>();
        var size = 512;
        foreach (var f in findings.OrderBy(f => f.Id, StringComparer.Ordinal))
        {
            var bytes = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(f, MessageSerializer.Options)) + 1;
            if (current.Count > 0 && size + bytes > QueuePublisher.MaxBodyBytes - 1024)
            {
                batches.Add(current);
                current = [];
                size = 512;
            }

            current.Add(f);
            size += bytes;
        }

        if (current.Count > 0)
        {
            batches.Add(current);
        }

        return batches;
    }

    private async Task RenewAsync(CrawlSiteMessage message, string host, string owner, TimeSpan lease, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(lease / 3, time, ct).ConfigureAwait(false);
                await runs.RenewCrawlLeaseAsync(message.RunId, message.SiteId, lease, ct).ConfigureAwait(false);
                await runs.TryAcquireHostLeaseAsync(host, owner, lease, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Crawl finished or stopped.
        }
        catch (Azure.RequestFailedException ex)
        {
            logger.LogWarning("Could not renew the crawl lease of {Site}: {Error}", message.SiteId, ex.Message);
        }
    }
}
