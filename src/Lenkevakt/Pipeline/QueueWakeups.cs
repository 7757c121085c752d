using System.Collections.Concurrent;

namespace Lenkevakt.Pipeline;

/// <summary>
/// In-process nudges between the publisher and the pump: a message sent by this process wakes this process's idle
/// poller of that queue at once instead of after its back-off (up to <see cref="QueueOptions.MaxPollInterval"/>).
/// Messages from other processes are still found by polling; a nudge never replaces a receive.
/// </summary>
public sealed class QueueWakeups
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> waits = new(StringComparer.Ordinal);

    /// <summary>Wakes the poller of <paramref name="queue"/> (now, or on its next wait if it is receiving).</summary>
    public void Signal(string queue) => Current(queue).TrySetResult();

    /// <summary>
    /// The wake-up of the poller's next idle wait; take it before receiving, so a message sent during the receive is
    /// not slept through.
    /// </summary>
    public Task Next(string queue)
    {
        var tcs = Current(queue);
        if (tcs.Task.IsCompleted)
        {
            // Consumed: the next wait needs a fresh one (the signal that set it is answered by the coming receive).
            waits.TryUpdate(queue, NewSource(), tcs);
            return Current(queue).Task;
        }

        return tcs.Task;
    }

    private TaskCompletionSource Current(string queue) => waits.GetOrAdd(queue, _ => NewSource());

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
