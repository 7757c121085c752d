using Azure;
using Azure.Storage.Queues.Models;
using Lenkevakt.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Pipeline;

/// <summary>
/// The local host's queue consumer (what the Functions runtime does in Azure): receives messages from the pipeline
/// queues, runs them through <see cref="QueueMessageProcessor"/>, renews their visibility while a handler works,
/// and deletes them only when handled, deferred or poisoned. A failed message is left to reappear with a short
/// backoff; a message interrupted by shutdown is made visible again at once, so another worker (or the next run)
/// takes it over: nothing is lost. Several processes may pump the same queues.
/// </summary>
public sealed class QueuePump(StorageClients storage, QueueMessageProcessor processor, IOptions<QueueOptions> options, IOptions<Crawling.CrawlOptions> crawl, Crawling.SiteAdmission admission, TimeProvider time, ILogger<QueuePump> logger, QueueWakeups wakeups)
{
    private int inFlight;
    private long deferredUntilTicks;

    /// <summary>Messages being handled right now by this pump.</summary>
    public int InFlight => Volatile.Read(ref inFlight);

    /// <summary>
    /// Pumps every pipeline queue until <paramref name="ct"/> is cancelled. The crawl queue gets four times the engine's
    /// sites in flight: a crawl that is done still holds its message while it sends its findings, and one that waits for
    /// its re-checks has stepped aside; the next site should not wait for either (the engine's
    /// <see cref="Crawling.SiteAdmission"/> bounds the crawls themselves, by count and memory).
    /// </summary>
    public Task RunAsync(CancellationToken ct) =>
        Task.WhenAll(StorageNames.PipelineQueues.Select(q => PumpQueueAsync(q, q == StorageNames.CrawlSite ? 4 * crawl.Value.MaxSitesInFlight : options.Value.StageConcurrency, ct)));

    /// <summary>
    /// True when no pipeline queue holds a message (visible, in flight or delayed) and this pump is idle.
    /// Used by the one-shot <c>run</c> to know the cycle is complete.
    /// </summary>
    public async Task<bool> IsDrainedAsync(CancellationToken ct)
    {
        if (InFlight > 0 || time.GetUtcNow().UtcTicks < Interlocked.Read(ref deferredUntilTicks))
        {
            // Busy, or a message this pump deferred is not due yet (the emulator's count may not include delayed messages).
            return false;
        }

        foreach (var q in StorageNames.PipelineQueues)
        {
            QueueProperties props = await storage.Queue(q).GetPropertiesAsync(ct).ConfigureAwait(false);
            if (props.ApproximateMessagesCount > 0)
            {
                return false;
            }
        }

        return InFlight == 0;
    }

    private async Task PumpQueueAsync(string logical, int concurrency, CancellationToken ct)
    {
        var queue = storage.Queue(logical);
        var slots = new SemaphoreSlim(concurrency, concurrency);
        var running = new List<Task>();
        var idle = TimeSpan.FromMilliseconds(50);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (logical == StorageNames.CrawlSite)
                {
                    // The crawl engine decides when another site starts (sites in flight, memory): a message is taken
                    // only when it would start, so the others stay in the queue for this or another worker.
                    await admission.WaitForRoomAsync(ct).ConfigureAwait(false);
                }

                await slots.WaitAsync(ct).ConfigureAwait(false);
                var free = logical == StorageNames.CrawlSite ? Math.Clamp(Math.Min(slots.CurrentCount + 1, admission.Room), 1, 4) : slots.CurrentCount + 1;
                var nudged = wakeups.Next(logical);
                QueueMessage[] messages;
                try
                {
                    messages = (await queue.ReceiveMessagesAsync(Math.Min(free, 32), options.Value.VisibilityTimeout, ct).ConfigureAwait(false)).Value;
                }
                finally
                {
                    slots.Release();
                }

                if (messages.Length == 0)
                {
                    // Idle: poll again after the back-off, or at once when this process sends to the queue.
                    await Task.WhenAny(nudged, Task.Delay(idle, time, ct)).ConfigureAwait(false);
                    ct.ThrowIfCancellationRequested();
                    idle = TimeSpan.FromMilliseconds(Math.Min(idle.TotalMilliseconds * 2, options.Value.MaxPollInterval.TotalMilliseconds));
                    continue;
                }

                idle = TimeSpan.FromMilliseconds(50);
                foreach (var message in messages)
                {
                    await slots.WaitAsync(ct).ConfigureAwait(false);
                    Interlocked.Increment(ref inFlight);
                    running.Add(Task.Run(
                        async () =>
                        {
                            try
                            {
                                await HandleAsync(queue, logical, message, ct).ConfigureAwait(false);
                            }
                            finally
                            {
                                Interlocked.Decrement(ref inFlight);
                                slots.Release();
                            }
                        },
                        CancellationToken.None));
                }

                running.RemoveAll(t => t.IsCompleted);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (RequestFailedException ex)
            {
                // Storage away (e.g. Azurite restarting): back off and keep going.
                logger.LogWarning("Queue {Queue} unavailable ({Status}): {Error}; retrying", logical, ex.Status, ex.Message.Split('\n')[0]);
                await DelayQuietlyAsync(TimeSpan.FromSeconds(2), ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or AggregateException or IOException)
            {
                logger.LogWarning("Queue {Queue} unreachable: {Error}; retrying", logical, ex.Message.Split('\n')[0]);
                await DelayQuietlyAsync(TimeSpan.FromSeconds(2), ct).ConfigureAwait(false);
            }
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        slots.Dispose();
    }

    private async Task HandleAsync(Azure.Storage.Queues.QueueClient queue, string logical, QueueMessage message, CancellationToken ct)
    {
        var receipt = message.PopReceipt;
        using var stopRenewing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewal = RenewAsync(queue, message.MessageId, () => receipt, r => receipt = r, stopRenewing.Token, ct);
        ProcessOutcome? outcome = null;
        Exception? failure = null;
        try
        {
            outcome = await processor.ProcessAsync(logical, message.Body.ToString(), message.DequeueCount, ct, NoteDeferral).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            failure = ex;
        }
        finally
        {
            // Stops the renewals between updates; one in flight is awaited, not cancelled, so the receipt is current.
            await stopRenewing.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
        }

        try
        {
            if (outcome is not null)
            {
                await queue.DeleteMessageAsync(message.MessageId, receipt, CancellationToken.None).ConfigureAwait(false);
            }
            else if (ct.IsCancellationRequested)
            {
                // Shutting down: hand the message back at once.
                await queue.UpdateMessageAsync(message.MessageId, receipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                logger.LogInformation("Returned an unfinished {Queue} message to the queue", logical);
            }
            else
            {
                var backoff = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, message.DequeueCount)));
                logger.LogWarning(failure, "{Queue} message failed (delivery {Count} of {Max}); retrying in {Backoff}", logical, message.DequeueCount, options.Value.MaxDequeueCount, backoff);
                await queue.UpdateMessageAsync(message.MessageId, receipt, visibilityTimeout: backoff, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400)
        {
            // The message's visibility ran out and someone else has it now: their handling counts; ours was idempotent.
            logger.LogDebug("Could not settle {Queue} message {Id}: {Error}", logical, message.MessageId, ex.ErrorCode);
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException or HttpRequestException or IOException or OperationCanceledException)
        {
            // Storage away while settling: the message comes back when its visibility runs out, and is handled again
            // (every handler is idempotent); said, not thrown, so the pump goes on.
            logger.LogWarning("Could not settle {Queue} message {Id} ({Error}); it will be delivered again", logical, message.MessageId, ex.Message.Split('\n')[0]);
        }
    }

    private void NoteDeferral(TimeSpan delay)
    {
        // Not drained until the deferred copy is due: from then on it is visible, so counted, until it is handled.
        var due = (time.GetUtcNow() + delay + TimeSpan.FromMilliseconds(200)).UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref deferredUntilTicks);
            if (due <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref deferredUntilTicks, due, current) != current);
    }

    /// <summary>
    /// Extends the message's visibility every half visibility timeout until <paramref name="stop"/>. An update already
    /// sent is not cancelled by <paramref name="stop"/> (only by <paramref name="shutdown"/>): the queue may have applied
    /// it, which changes the pop receipt, and a receipt lost with a cancelled request made the delete that follows fail,
    /// so the handled message stayed invisible until its visibility ran out and was handled again (up to two idle
    /// minutes at the end of a national run, docs/benchmarks.md).
    /// </summary>
    private async Task RenewAsync(Azure.Storage.Queues.QueueClient queue, string id, Func<string> receipt, Action<string> setReceipt, CancellationToken stop, CancellationToken shutdown)
    {
        // Never faults: a renewal that failed and threw out of here used to take the handler's outcome with it (the
        // message was neither deleted nor handed back, and the run sat idle until its visibility ran out). A storage
        // hiccup is retried soon; a receipt the queue no longer knows (the message is someone else's now) ends it.
        var visibility = options.Value.VisibilityTimeout;
        var wait = visibility / 2;
        while (true)
        {
            try
            {
                await Task.Delay(wait, time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                var updated = await queue.UpdateMessageAsync(id, receipt(), visibilityTimeout: visibility, cancellationToken: shutdown).ConfigureAwait(false);
                setReceipt(updated.Value.PopReceipt);
                wait = visibility / 2;
            }
            catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
            {
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 400)
            {
                logger.LogWarning("Could not extend a message's visibility: {Error}", ex.ErrorCode);
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Could not extend a message's visibility ({Error}); trying again", ex.Message.Split('\n')[0]);
                wait = TimeSpan.FromTicks(Math.Min(visibility.Ticks / 8, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    private async Task DelayQuietlyAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, time, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
