using Azure.Storage.Queues.Models;
using Lenkevakt.Pipeline;
using Lenkevakt.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Lenkevakt.Functions;

/// <summary>
/// Queue <c>findings</c>: records one batch of a site's findings.
/// <see cref="QueueMessageProcessor"/> deserialises and handles the message; on the last allowed delivery it writes the
/// message and its error to the -poison queue itself and returns, other failures throw so the host retries.
/// </summary>
public sealed class RecordFindings(QueueMessageProcessor processor)
{
    [Function(nameof(RecordFindings))]
    public Task RunAsync(
        [QueueTrigger(StorageNames.Findings, Connection = LenkevaktFunctionsApp.StorageConnectionName)] QueueMessage message,
        FunctionContext context)
        => processor.ProcessAsync(StorageNames.Findings, message.Body.ToString(), message.DequeueCount, context.CancellationToken);
}
