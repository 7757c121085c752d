using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Storage;

/// <summary>
/// The queue, table and blob service clients the core uses. The CLI creates them from <see cref="StorageOptions"/>: a
/// connection string (Azurite by default) or an account name with <c>DefaultAzureCredential</c> (no key stored
/// anywhere). A host that configures storage itself (the Azure Functions app, from the queue triggers' own connection
/// setting) passes its clients in, created with <see cref="ConfigureQueueOptions"/> and <see cref="ConfigureRetry"/>.
/// Queue messages are Base64 encoded, as the Azure Functions queue trigger expects by default.
/// </summary>
public sealed class StorageClients
{
    private readonly QueueServiceClient queues;
    private readonly TableServiceClient tables;
    private readonly BlobServiceClient blobs;
    private readonly string description;

    public StorageClients(IOptions<StorageOptions> options)
    {
        var o = options.Value;
        Options = o;
        Names = new StorageNames(o.NamePrefix);
        description = o.Describe();
        var queueOptions = new QueueClientOptions();
        ConfigureQueueOptions(queueOptions);
        var tableOptions = new TableClientOptions();
        ConfigureRetry(tableOptions.Retry);
        var blobOptions = new BlobClientOptions();
        ConfigureRetry(blobOptions.Retry);
        Operations.AttachTo(queueOptions);
        Operations.AttachTo(tableOptions);
        Operations.AttachTo(blobOptions);
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

        Operations.RegisterEndpoints(blobs.Uri, queues.Uri, tables.Uri);
    }

    /// <summary>Storage transactions sent by these clients (not counted for clients the host created).</summary>
    public StorageOperationCounter Operations { get; } = new();

    /// <summary>Clients the host created; <paramref name="description"/> says where they point (safe to print: no keys).</summary>
    public StorageClients(StorageOptions options, QueueServiceClient queues, TableServiceClient tables, BlobServiceClient blobs, string description)
    {
        Options = options;
        Names = new StorageNames(options.NamePrefix);
        this.queues = queues;
        this.tables = tables;
        this.blobs = blobs;
        this.description = description;
    }

    public StorageOptions Options { get; }

    public StorageNames Names { get; }

    public QueueServiceClient QueueService => queues;

    public TableServiceClient TableService => tables;

    /// <summary>Where storage is, as safe to print (account keys and SAS signatures masked), for messages and logs.</summary>
    public string Describe() => description;

    public QueueClient Queue(string logical) => queues.GetQueueClient(Names.Queue(logical));

    public QueueClient PoisonQueue(string logical) => queues.GetQueueClient(Names.Poison(logical));

    public TableClient Table(string name) => tables.GetTableClient(name);

    public BlobContainerClient CrawlStateContainer => blobs.GetBlobContainerClient(Names.CrawlStateContainer);

    public BlobContainerClient ContentPagesContainer => blobs.GetBlobContainerClient(Names.ContentPagesContainer);

    /// <summary>Base64 messages (what the Functions queue trigger reads by default) and <see cref="ConfigureRetry"/>.</summary>
    public static void ConfigureQueueOptions(QueueClientOptions options)
    {
        options.MessageEncoding = QueueMessageEncoding.Base64;
        ConfigureRetry(options.Retry);
    }

    /// <summary>Back off while storage is briefly away (e.g. Azurite restarting): 6 tries over ~1 minute.</summary>
    public static void ConfigureRetry(RetryOptions retry)
    {
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = 6;
        retry.Delay = TimeSpan.FromSeconds(0.5);
        retry.MaxDelay = TimeSpan.FromSeconds(20);
        retry.NetworkTimeout = TimeSpan.FromSeconds(30);
    }
}
