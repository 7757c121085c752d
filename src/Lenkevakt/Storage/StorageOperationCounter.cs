using System.Collections.Concurrent;
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
    private readonly ConcurrentDictionary<string, long> byResource = new(StringComparer.Ordinal);

    public long Tables => Interlocked.Read(ref tables);

    public long Queues => Interlocked.Read(ref queues);

    public long Blobs => Interlocked.Read(ref blobs);

    /// <summary>
    /// Transactions per method, service and table/queue/container (e.g. <c>GET table Findings</c>), most first: where the
    /// storage work of a run goes (docs/benchmarks.md, "National bench").
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, long>> Breakdown() =>
        byResource.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();

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
        string service;
        if (host.Contains(".table.", StringComparison.OrdinalIgnoreCase) || uri.Port == tablePort)
        {
            Interlocked.Increment(ref tables);
            service = "table";
        }
        else if (host.Contains(".queue.", StringComparison.OrdinalIgnoreCase) || uri.Port == queuePort)
        {
            Interlocked.Increment(ref queues);
            service = "queue";
        }
        else
        {
            Interlocked.Increment(ref blobs);
            service = "blob";
        }

        byResource.AddOrUpdate($"{message.Request.Method} {service} {ResourceName(uri)}", 1, (_, n) => n + 1);
    }

    /// <summary>The table, queue or container a request addresses (the emulator puts the account first in the path).</summary>
    private static string ResourceName(Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var index = segments.Length > 1 && segments[0].StartsWith("devstoreaccount", StringComparison.Ordinal) ? 1 : 0;
        if (segments.Length <= index)
        {
            return "(account)";
        }

        var name = segments[index];
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0)
        {
            // Tables: "Findings()" is a query, "Findings(PartitionKey='…',RowKey='…')" one entity.
            return name[..paren] + (name.EndsWith("()", StringComparison.Ordinal) ? " query" : " entity");
        }

        // Queues: "name/messages[/id]"; blobs: "container/blob…" (the blob's own name would make every key unique).
        return index + 1 < segments.Length && segments[index + 1] == "messages"
            ? name + (index + 2 < segments.Length ? "/messages/id" : "/messages")
            : name;
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
