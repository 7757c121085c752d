using System.Text.Json;
using Azure.Storage.Queues.Models;
using Lenkevakt.Storage;

namespace Lenkevakt.Pipeline;

/// <summary>A message in a poison queue: where it came from, why it failed, and the original body.</summary>
public sealed record PoisonItem(string Queue, string MessageId, DateTimeOffset? InsertedOn, DateTimeOffset? FailedAt, long? DequeueCount, string? ErrorType, string? Error, string Message);

/// <summary>
/// Reads and replays the <c>-poison</c> queues. Messages written by <see cref="QueueMessageProcessor"/> carry a
/// <see cref="PoisonEnvelope"/> with the error; a raw body (moved there by the Functions host after a crash) is shown
/// as is. Replay sends the original message back to its queue and removes it from the poison queue.
/// </summary>
public sealed class PoisonQueues(StorageClients storage)
{
    public async Task<IReadOnlyList<PoisonItem>> ListAsync(string? logicalQueue, CancellationToken ct)
    {
        var items = new List<PoisonItem>();
        foreach (var queue in Select(logicalQueue))
        {
            var held = new List<(string Id, string Receipt)>();
            await foreach (var (message, receipt) in ReceiveAllAsync(queue, TimeSpan.FromSeconds(30), ct).ConfigureAwait(false))
            {
                items.Add(ToItem(queue, message));
                held.Add((message.MessageId, receipt));
            }

            // Listing only looks: make every message visible again at once.
            foreach (var (id, receipt) in held)
            {
                await storage.PoisonQueue(queue).UpdateMessageAsync(id, receipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: ct).ConfigureAwait(false);
            }
        }

        return items;
    }

    /// <summary>Replays all messages of the selected queue(s), or the one with <paramref name="messageId"/>. Returns how many.</summary>
    public async Task<int> ReplayAsync(string? logicalQueue, string? messageId, CancellationToken ct)
    {
        var count = 0;
        foreach (var queue in Select(logicalQueue))
        {
            var poison = storage.PoisonQueue(queue);
            await foreach (var (message, receipt) in ReceiveAllAsync(queue, TimeSpan.FromSeconds(30), ct).ConfigureAwait(false))
            {
                if (messageId is not null && message.MessageId != messageId)
                {
                    continue;
                }

                var item = ToItem(queue, message);
                await storage.Queue(queue).SendMessageAsync(item.Message, cancellationToken: ct).ConfigureAwait(false);
                await poison.DeleteMessageAsync(message.MessageId, receipt, ct).ConfigureAwait(false);
                count++;
            }
        }

        return count;
    }

    private static IEnumerable<string> Select(string? logicalQueue)
    {
        if (logicalQueue is null)
        {
            return StorageNames.PipelineQueues;
        }

        var name = logicalQueue.EndsWith(StorageNames.PoisonSuffix, StringComparison.Ordinal) ? logicalQueue[..^StorageNames.PoisonSuffix.Length] : logicalQueue;
        return StorageNames.PipelineQueues.Contains(name)
            ? [name]
            : throw new ArgumentException($"Unknown queue '{logicalQueue}'. Queues: {string.Join(", ", StorageNames.PipelineQueues)}.");
    }

    /// <summary>Receives every message of a poison queue once (each stays invisible for <paramref name="hold"/>, then reappears unless deleted).</summary>
    private async IAsyncEnumerable<(QueueMessage Message, string Receipt)> ReceiveAllAsync(string logicalQueue, TimeSpan hold, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var poison = storage.PoisonQueue(logicalQueue);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var batch = (await poison.ReceiveMessagesAsync(32, hold, ct).ConfigureAwait(false)).Value;
            var fresh = batch.Where(m => seen.Add(m.MessageId)).ToList();
            if (fresh.Count == 0)
            {
                yield break;
            }

            foreach (var m in fresh)
            {
                yield return (m, m.PopReceipt);
            }
        }
    }

    private PoisonItem ToItem(string logicalQueue, QueueMessage message)
    {
        var body = message.Body.ToString();
        try
        {
            if (JsonSerializer.Deserialize<PoisonEnvelope>(body, MessageSerializer.Options) is { Message: not null } e)
            {
                return new PoisonItem(storage.Names.Poison(logicalQueue), message.MessageId, message.InsertedOn, e.FailedAt, e.DequeueCount, e.ErrorType, e.Error, e.Message);
            }
        }
        catch (JsonException)
        {
            // A raw body (the Functions host moved it after a crash): no envelope.
        }

        return new PoisonItem(storage.Names.Poison(logicalQueue), message.MessageId, message.InsertedOn, null, message.DequeueCount, null, null, body);
    }
}
