using Azure.Data.Tables;
using Lenkevakt.Storage;

namespace Lenkevakt.Alerts;

/// <summary>The <c>AlertLog</c> table: PK siteId, RK <c>{runId}|{subscriptionId}</c>. A delivered digest is never sent again.</summary>
public sealed class AlertLogStore(StorageClients storage, TimeProvider time)
{
    private TableClient Table => storage.Table(storage.Names.AlertLogTable);

    public async Task<bool> WasDeliveredAsync(string siteId, string runId, string subscriptionId, CancellationToken ct)
    {
        var e = await Table.GetEntityIfExistsAsync<TableEntity>(siteId, Key(runId, subscriptionId), cancellationToken: ct).ConfigureAwait(false);
        return e.HasValue && e.Value?.GetString("Result") is "delivered" or "nothing";
    }

    public Task RecordAsync(string siteId, string runId, string subscriptionId, string result, int? httpStatus, int items, CancellationToken ct, string? error = null) =>
        Table.UpsertEntityAsync(
            new TableEntity(siteId, Key(runId, subscriptionId)) { ["Result"] = result, ["HttpStatus"] = httpStatus, ["Items"] = items, ["At"] = time.GetUtcNow(), ["Error"] = error },
            TableUpdateMode.Merge,
            ct);

    /// <summary>
    /// Counts one more delivery attempt of the digest (before it is sent) and returns the attempts so far, this one
    /// included, or null when the digest was already delivered meanwhile. Optimistic concurrency, so two workers
    /// handling the same message cannot both take the same attempt number.
    /// </summary>
    public async Task<int?> BeginAttemptAsync(string siteId, string runId, string subscriptionId, CancellationToken ct)
    {
        for (var round = 0; ; round++)
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(siteId, Key(runId, subscriptionId), cancellationToken: ct).ConfigureAwait(false);
            var entity = row.HasValue && row.Value is not null ? row.Value : new TableEntity(siteId, Key(runId, subscriptionId));
            if (entity.GetString("Result") is "delivered" or "nothing")
            {
                return null;
            }

            var attempts = (entity.GetInt32("Attempts") ?? 0) + 1;
            entity["Attempts"] = attempts;
            entity["Result"] = "attempting";
            entity["At"] = time.GetUtcNow();
            try
            {
                if (entity.ETag == default)
                {
                    await Table.AddEntityAsync(entity, ct).ConfigureAwait(false);
                }
                else
                {
                    await Table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Merge, ct).ConfigureAwait(false);
                }

                return attempts;
            }
            catch (Azure.RequestFailedException ex) when (ex.Status is 409 or 412 && round < 10)
            {
                // Another worker counted an attempt meanwhile: read again.
            }
        }
    }

    public IAsyncEnumerable<TableEntity> ForSiteAsync(string siteId, CancellationToken ct) =>
        Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {siteId}"), cancellationToken: ct);

    private static string Key(string runId, string subscriptionId) => $"{runId}|{subscriptionId}";
}
