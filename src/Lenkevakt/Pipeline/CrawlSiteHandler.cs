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
/// A redelivered message for a site already crawled in the run does nothing.
/// </summary>
public sealed class CrawlSiteHandler(
    SiteCrawler crawler,
    RunStore runs,
    QueuePublisher queues,
    ICrawlProgressSink progress,
    IOptions<QueueOptions> options,
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

        using var renewCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewal = RenewAsync(message, lease, renewCts.Token);
        SiteCrawlResult crawl;
        try
        {
            crawl = await crawler.CrawlAsync(message.Site, message.RunId, progress, ct).ConfigureAwait(false);
        }
        finally
        {
            await renewCts.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
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
    }

    /// <summary>Splits findings into messages that stay under the queue's size limit.</summary>
    internal static List<IReadOnlyList<Finding>> Batch(IReadOnlyList<Finding> findings)
    {
        var batches = new List<IReadOnlyList<Finding>>();
        var current = new List<Finding>();
        var size = 512;
        foreach (var f in findings)
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

    private async Task RenewAsync(CrawlSiteMessage message, TimeSpan lease, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(lease / 3, time, ct).ConfigureAwait(false);
                await runs.RenewCrawlLeaseAsync(message.RunId, message.SiteId, lease, ct).ConfigureAwait(false);
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
