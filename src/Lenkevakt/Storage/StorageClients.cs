using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Storage;

/// <summary>
/// Creates the queue and table clients from <see cref="StorageOptions"/>: a connection string (Azurite by default)
/// or an account name with <c>DefaultAzureCredential</c> (no key stored anywhere).
/// Queue messages are Base64 encoded, as the Azure Functions queue trigger expects by default.
/// </summary>
public sealed class StorageClients
{
    private readonly QueueServiceClient queues;
    private readonly TableServiceClient tables;
    private readonly BlobServiceClient blobs;

    public StorageClients(IOptions<StorageOptions> options)
    {
        var o = options.Value;
        Options = o;
        Names = new StorageNames(o.NamePrefix);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        ConfigureRetry(queueOptions.Retry);
        var tableOptions = new TableClientOptions();
        ConfigureRetry(tableOptions.Retry);
        var blobOptions = new BlobClientOptions();
        ConfigureRetry(blobOptions.Retry);
        if (!string.IsNullOrWhiteSpace(o.AccountName))
        {
            TokenCredential credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = o.ManagedIdentityClientId });
            queues = new QueueServiceClient(new Uri($"https://{o.AccountName}.queue.core.windows.net"), credential, queueOptions);
            tables = new TableServiceClient(new Uri($"https://{o.AccountName}.table.core.windows.net"), credential, tableOptions);
            blobs = new BlobServiceClient(new Uri($"https://{o.AccountName}.blob.core.windows.net"), credential, blobOptions);
        }
        else
        {
            queues = new QueueServiceClient(o.ConnectionString, queueOptions);
            tables = new TableServiceClient(o.ConnectionString, tableOptions);
            blobs = new BlobServiceClient(o.ConnectionString, blobOptions);
        }
    }

    public StorageOptions Options { get; }

    public StorageNames Names { get; }

    public QueueServiceClient QueueService => queues;

    public TableServiceClient TableService => tables;

    public QueueClient Queue(string logical) => queues.GetQueueClient(Names.Queue(logical));

    public QueueClient PoisonQueue(string logical) => queues.GetQueueClient(Names.Poison(logical));

    public TableClient Table(string name) => tables.GetTableClient(name);

    public BlobContainerClient CrawlStateContainer => blobs.GetBlobContainerClient(Names.CrawlStateContainer);

    private static void ConfigureRetry(RetryOptions retry)
    {
        // Back off while storage is briefly away (e.g. Azurite restarting): 6 tries over ~1 minute.
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = 6;
        retry.Delay = TimeSpan.FromSeconds(0.5);
        retry.MaxDelay = TimeSpan.FromSeconds(20);
        retry.NetworkTimeout = TimeSpan.FromSeconds(30);
    }
}
