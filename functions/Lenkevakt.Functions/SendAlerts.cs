using Azure.Storage.Queues.Models;
using Lenkevakt.Pipeline;
using Lenkevakt.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Lenkevakt.Functions;

/// <summary>
/// Queue <c>alerts</c>: sends the alerts of a run.
/// <see cref="QueueMessageProcessor"/> deserialises and handles the message; on the last allowed delivery it writes the
/// message and its error to the -poison queue itself and returns, other failures throw so the host retries.
/// </summary>
public sealed class SendAlerts(QueueMessageProcessor processor)
{
    [Function(nameof(SendAlerts))]
    public Task RunAsync(
        [QueueTrigger(StorageNames.Alerts, Connection = LenkevaktFunctionsApp.StorageConnectionName)] QueueMessage message,
        FunctionContext context)
        => processor.ProcessAsync(StorageNames.Alerts, message.Body.ToString(), message.DequeueCount, context.CancellationToken);
}
