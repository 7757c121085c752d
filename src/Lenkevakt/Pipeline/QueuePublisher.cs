using System.Text.Json;
using Lenkevakt.Storage;

namespace Lenkevakt.Pipeline;

/// <summary>A failed message as kept in a <c>-poison</c> queue: the original body plus why and when it failed.</summary>
public sealed record PoisonEnvelope(string Queue, DateTimeOffset FailedAt, long DequeueCount, string ErrorType, string Error, string Message);

/// <summary>Sends pipeline messages (JSON, Base64 on the wire) and poison envelopes.</summary>
public sealed class QueuePublisher(StorageClients storage, TimeProvider time, QueueWakeups wakeups)
{
    /// <summary>Azure queue messages are at most 64 KiB after Base64: keep JSON bodies under this.</summary>
    public const int MaxBodyBytes = 46 * 1024;

    public Task SendAsync<T>(string logicalQueue, T message, CancellationToken ct, TimeSpan? delay = null) where T : IPipelineMessage =>
        SendRawAsync(logicalQueue, MessageSerializer.Serialize(message), delay, ct);

    public async Task SendRawAsync(string logicalQueue, string body, TimeSpan? delay, CancellationToken ct)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(body) > MaxBodyBytes)
        {
            throw new InvalidOperationException($"Message for {logicalQueue} is {body.Length} chars; the limit is {MaxBodyBytes} bytes.");
        }

        await storage.Queue(logicalQueue).SendMessageAsync(body, visibilityTimeout: delay, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: ct).ConfigureAwait(false);
        if (delay is null || delay <= TimeSpan.Zero)
        {
            wakeups.Signal(logicalQueue);
        }
    }

    public async Task SendPoisonAsync(string logicalQueue, string body, Exception error, long dequeueCount, CancellationToken ct)
    {
        var envelope = new PoisonEnvelope(storage.Names.Queue(logicalQueue), time.GetUtcNow(), dequeueCount, error.GetType().Name, Truncate(error.ToString(), 8000), body);
        var json = JsonSerializer.Serialize(envelope, MessageSerializer.Options);
        if (System.Text.Encoding.UTF8.GetByteCount(json) > MaxBodyBytes)
        {
            json = JsonSerializer.Serialize(envelope with { Error = Truncate(error.Message, 2000) }, MessageSerializer.Options);
        }

        await storage.PoisonQueue(logicalQueue).SendMessageAsync(json, visibilityTimeout: null, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: ct).ConfigureAwait(false);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
