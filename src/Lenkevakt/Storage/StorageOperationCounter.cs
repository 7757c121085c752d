using Azure.Core;
using Azure.Core.Pipeline;

namespace Lenkevakt.Storage;

/// <summary>
/// Counts the storage transactions this process sends, per service (every attempt, as Azure bills them), so a run can
/// say what a night costs in storage (docs/operations.md, "Cost per night"). Attached to the clients
/// <see cref="StorageClients"/> creates itself; the Functions host's own clients are measured by Azure Monitor instead.
/// </summary>
public sealed class StorageOperationCounter : HttpPipelinePolicy
{
    private long tables;
    private long queues;
    private long blobs;
    private int blobPort = -1;
    private int queuePort = -1;
    private int tablePort = -1;

    public long Tables => Interlocked.Read(ref tables);

    public long Queues => Interlocked.Read(ref queues);

    public long Blobs => Interlocked.Read(ref blobs);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        return ProcessNextAsync(message, pipeline);
    }

    /// <summary>Attaches the counter to a client's options (per retry: each attempt is a billed transaction).</summary>
    public void AttachTo(ClientOptions options) => options.AddPolicy(this, HttpPipelinePosition.PerRetry);

    private void Count(HttpMessage message)
    {
        // The service from the endpoint: Azure's host names (x.table.core.windows.net), the emulator's ports.
        var uri = message.Request.Uri.ToUri();
        var host = uri.Host;
        if (host.Contains(".table.", StringComparison.OrdinalIgnoreCase) || uri.Port == tablePort)
        {
            Interlocked.Increment(ref tables);
        }
        else if (host.Contains(".queue.", StringComparison.OrdinalIgnoreCase) || uri.Port == queuePort)
        {
            Interlocked.Increment(ref queues);
        }
        else
        {
            Interlocked.Increment(ref blobs);
        }
    }

    /// <summary>For emulator endpoints (127.0.0.1:port/devstoreaccount1): which port is which service.</summary>
    internal void RegisterEndpoints(Uri blob, Uri queue, Uri table)
    {
        if (blob.Port != queue.Port && queue.Port != table.Port && blob.Port != table.Port)
        {
            (blobPort, queuePort, tablePort) = (blob.Port, queue.Port, table.Port); // Azure itself: all on 443, told apart by host
        }
    }
}
