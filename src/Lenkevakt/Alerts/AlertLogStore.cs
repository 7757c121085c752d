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

    public Task RecordAsync(string siteId, string runId, string subscriptionId, string result, int? httpStatus, int items, CancellationToken ct) =>
        Table.UpsertEntityAsync(
            new TableEntity(siteId, Key(runId, subscriptionId)) { ["Result"] = result, ["HttpStatus"] = httpStatus, ["Items"] = items, ["At"] = time.GetUtcNow() },
            TableUpdateMode.Replace,
            ct);

    public IAsyncEnumerable<TableEntity> ForSiteAsync(string siteId, CancellationToken ct) =>
        Table.QueryAsync<TableEntity>(e => e.PartitionKey == siteId, cancellationToken: ct);

    private static string Key(string runId, string subscriptionId) => $"{runId}|{subscriptionId}";
}
