using Azure;
using Microsoft.Extensions.Logging;

namespace Lenkevakt.Storage;

/// <summary>Creates every queue (with its poison queue) and table on start, and turns "cannot connect" into one clear error.</summary>
public sealed class StorageProvisioner(StorageClients clients, ILogger<StorageProvisioner> logger)
{
    private int provisioned;

    public async Task EnsureAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref provisioned) == 1)
        {
            return;
        }

        try
        {
            using var probe = CancellationTokenSource.CreateLinkedTokenSource(ct);
            probe.CancelAfter(TimeSpan.FromSeconds(20));
            // One request first, so an unreachable account fails once with one clear error; then the rest together.
            var tables = clients.Names.AllTables.ToList();
            await clients.TableService.CreateTableIfNotExistsAsync(tables[0], probe.Token).ConfigureAwait(false);
            await Task.WhenAll(
                tables.Skip(1).Select(t => (Task)clients.TableService.CreateTableIfNotExistsAsync(t, probe.Token))
                    .Append(clients.CrawlStateContainer.CreateIfNotExistsAsync(cancellationToken: probe.Token))
                    .Append(clients.ContentPagesContainer.CreateIfNotExistsAsync(cancellationToken: probe.Token))
                    .Concat(clients.Names.AllQueues.Select(q => (Task)clients.QueueService.GetQueueClient(q).CreateIfNotExistsAsync(cancellationToken: probe.Token)))).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RequestFailedException { Status: 0 } or AggregateException or HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            throw new StorageUnavailableException(
                $"Får ikke kontakt med Azure Storage ({clients.Describe()}): {FirstLine(ex).TrimEnd('.')}. " +
                "Start Azurite (CLI-en gjør det selv for utviklingslagring, med mindre Lenkevakt:Storage:AutoStartAzurite=false), " +
                "eller sett Lenkevakt__Storage__ConnectionString / Lenkevakt__Storage__AccountName til en lagringskonto som svarer.", ex);
        }
        catch (RequestFailedException ex) when (ex.Status is 401 or 403)
        {
            throw new StorageUnavailableException(
                $"Azure Storage nektet tilgang ({clients.Describe()}): HTTP {ex.Status}{(string.IsNullOrEmpty(ex.ErrorCode) ? "" : " " + ex.ErrorCode)}. " +
                "Sjekk kontonøkkelen eller identitetens rolletildelinger (Storage Queue Data Contributor, Storage Table Data Contributor og Storage Blob Data Contributor).", ex);
        }

        logger.LogDebug("Storage ready: {Connection}", clients.Describe());
        Volatile.Write(ref provisioned, 1);
    }

    private static string FirstLine(Exception ex)
    {
        var inner = ex;
        while (inner.InnerException is not null && inner is AggregateException or RequestFailedException)
        {
            inner = inner.InnerException;
        }

        return inner.Message.Split('\n')[0].Trim();
    }
}
