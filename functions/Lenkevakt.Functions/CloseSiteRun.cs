using Azure.Storage.Queues.Models;
using Lenkevakt.Pipeline;
using Lenkevakt.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Lenkevakt.Functions;

/// <summary>
/// Queue <c>site-crawled</c>: closes a site's part of the run after its crawl.
/// <see cref="QueueMessageProcessor"/> deserialises and handles the message; on the last allowed delivery it writes the
/// message and its error to the -poison queue itself and returns, other failures throw so the host retries.
/// </summary>
public sealed class CloseSiteRun(QueueMessageProcessor processor)
{
    [Function(nameof(CloseSiteRun))]
    public Task RunAsync(
        [QueueTrigger(StorageNames.SiteCrawled, Connection = LenkevaktFunctionsApp.StorageConnectionName)] QueueMessage message,
        FunctionContext context)
        => processor.ProcessAsync(StorageNames.SiteCrawled, message.Body.ToString(), message.DequeueCount, context.CancellationToken);
}
