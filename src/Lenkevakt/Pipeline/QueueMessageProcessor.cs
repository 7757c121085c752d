using Lenkevakt.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Pipeline;

/// <summary>What happened to a message.</summary>
public enum ProcessOutcome
{
    /// <summary>Handled; delete it.</summary>
    Completed,

    /// <summary>Re-sent with a delay (the handler was not ready); delete this copy.</summary>
    Deferred,

    /// <summary>Moved to the poison queue with its error; delete it.</summary>
    Poisoned,
}

/// <summary>
/// The one place that runs a stage handler for a queue message, used by both hosts (the CLI worker's
/// <see cref="QueuePump"/> and the Azure Functions queue triggers). Unknown schema or bad JSON goes to the poison
/// queue at once; other failures are rethrown so the message is retried, until the last allowed delivery, when
/// it is written to <c>&lt;queue&gt;-poison</c> with its error and the caller deletes it. Nothing is dropped.
/// </summary>
public sealed class QueueMessageProcessor(IServiceProvider services, QueuePublisher publisher, IOptions<QueueOptions> options, ILogger<QueueMessageProcessor> logger)
{
    /// <param name="onDeferred">Told the delay when the message is re-sent for later (the local pump uses it to know the cycle is not done).</param>
    public async Task<ProcessOutcome> ProcessAsync(string logicalQueue, string body, long dequeueCount, CancellationToken ct, Action<TimeSpan>? onDeferred = null)
    {
        try
        {
            await DispatchAsync(logicalQueue, body, ct).ConfigureAwait(false);
            return ProcessOutcome.Completed;
        }
        catch (RetryLaterException later)
        {
            logger.LogDebug("Deferring {Queue} message by {Delay}: {Reason}", logicalQueue, later.Delay, later.Message);
            await publisher.SendRawAsync(logicalQueue, later.ReplacementMessage ?? body, later.Delay, ct).ConfigureAwait(false);
            onDeferred?.Invoke(later.Delay);
            return ProcessOutcome.Deferred;
        }
        catch (PoisonMessageException poison)
        {
            logger.LogError("Poison message on {Queue}: {Error}", logicalQueue, poison.Message);
            await publisher.SendPoisonAsync(logicalQueue, body, poison, dequeueCount, CancellationToken.None).ConfigureAwait(false);
            return ProcessOutcome.Poisoned;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && dequeueCount >= options.Value.MaxDequeueCount)
        {
            logger.LogError(ex, "Message on {Queue} failed {Count} times; moving it to the poison queue", logicalQueue, dequeueCount);
            await publisher.SendPoisonAsync(logicalQueue, body, ex, dequeueCount, CancellationToken.None).ConfigureAwait(false);
            return ProcessOutcome.Poisoned;
        }
    }

    private Task DispatchAsync(string logicalQueue, string body, CancellationToken ct) => logicalQueue switch
    {
        StorageNames.CrawlSite => services.GetRequiredService<CrawlSiteHandler>()
            .HandleAsync(MessageSerializer.Deserialize<CrawlSiteMessage>(body, CrawlSiteMessage.CurrentSchema), ct),
        StorageNames.Findings => services.GetRequiredService<RecordFindingsHandler>()
            .HandleAsync(MessageSerializer.Deserialize<FindingsMessage>(body, FindingsMessage.CurrentSchema), ct),
        StorageNames.SiteCrawled => services.GetRequiredService<CloseSiteRunHandler>()
            .HandleAsync(MessageSerializer.Deserialize<SiteCrawledMessage>(body, SiteCrawledMessage.CurrentSchema), ct),
        StorageNames.Alerts => services.GetRequiredService<IAlertsHandler>()
            .HandleAsync(MessageSerializer.Deserialize<AlertsMessage>(body, AlertsMessage.CurrentSchema), ct),
        _ => throw new PoisonMessageException($"No handler for queue '{logicalQueue}'."),
    };
}
