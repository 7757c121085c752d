using Microsoft.Extensions.Logging;

namespace Lenkevakt.Crawling;

/// <summary>Appends a crawl's pending <see cref="PageRecord"/>s to its checkpoint, every <see cref="CrawlOptions.CheckpointInterval"/> and at the end.</summary>
internal sealed class CheckpointFlusher(CrawlCheckpointStore checkpoints, TimeProvider time, TimeSpan interval, ILogger logger)
{
    public async Task FlushPeriodicallyAsync(SiteCrawlState state, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                await Task.Delay(interval, time, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            // Never cancel an append half-way: its records would be lost and their pages fetched again on resume.
            await FlushAsync(state, CancellationToken.None).ConfigureAwait(false);
        }
    }

    public async Task FlushAsync(SiteCrawlState state, CancellationToken ct)
    {
        var batch = new List<PageRecord>();
        while (state.PendingRecords.TryDequeue(out var record))
        {
            batch.Add(record);
        }

        try
        {
            await checkpoints.AppendAsync(state.Site.Id, state.RunId, batch, ct).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException ex)
        {
            // Storage away: keep the records for the next flush; the crawl itself goes on.
            logger.LogWarning("Checkpoint of {Site} not saved ({Error}); will retry", state.Site.Id, ex.ErrorCode ?? ex.Message);
            foreach (var record in batch)
            {
                state.PendingRecords.Enqueue(record);
            }
        }
    }
}
