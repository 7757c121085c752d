using Azure.Storage.Queues.Models;
using Lenkevakt.Pipeline;
using Lenkevakt.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Lenkevakt.Functions;

/// <summary>
/// Queue <c>crawl-site</c>: crawls and checks one site for one run. One message per site, so sites are crawled
/// independently and in parallel across instances.
/// <see cref="QueueMessageProcessor"/> deserialises and handles the message; on the last allowed delivery it writes the
/// message and its error to the -poison queue itself and returns, other failures throw so the host retries.
/// </summary>
public sealed class CrawlSite(QueueMessageProcessor processor)
{
    [Function(nameof(CrawlSite))]
    public Task RunAsync(
        [QueueTrigger(StorageNames.CrawlSite, Connection = LenkevaktFunctionsApp.StorageConnectionName)] QueueMessage message,
        FunctionContext context)
        => processor.ProcessAsync(StorageNames.CrawlSite, message.Body.ToString(), message.DequeueCount, context.CancellationToken);
}
