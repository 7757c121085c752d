using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Lenkevakt.Storage;

namespace Lenkevakt.Pipeline;

/// <summary>
/// <c>lenkevakt forget --site ID</c>: removes everything stored for one site (for a site taken out of the catalogue, or
/// an ad-hoc check): its findings, content results per page and per site, dashboard rows (latest and history), its rows
/// in <c>Runs</c> (status, lease, batch markers), its alert log, its crawl checkpoints, and the link-status cache entries
/// of its start URL's host. Run headers and the coverage report's per-county snapshots (history of the county) are kept.
/// Idempotent: forgetting a forgotten site removes nothing.
/// </summary>
public sealed class ForgetSiteHandler(StorageClients storage)
{
    /// <summary>What <see cref="HandleAsync"/> would remove (for the confirmation prompt).</summary>
    public Task<SiteRows> CountAsync(string siteId, CancellationToken ct) => WalkAsync(siteId, delete: false, ct);

    /// <summary>Removes the site's rows and blobs; returns what was removed.</summary>
    public Task<SiteRows> HandleAsync(string siteId, CancellationToken ct) => WalkAsync(siteId, delete: true, ct);

    private async Task<SiteRows> WalkAsync(string siteId, bool delete, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(siteId);
        var names = storage.Names;
        var dashboard = storage.Table(names.DashboardTable);
        var startHost = await StartHostAsync(dashboard, siteId, ct).ConfigureAwait(false);

        var findings = await ApplyAsync(names.FindingsTable, SitePartitions.Filter(siteId), delete, ct).ConfigureAwait(false);
        var pages = await PageResultsAsync(siteId, delete, ct).ConfigureAwait(false)
            + await ApplyAsync(names.PagesTable, SitePartitions.Filter(siteId), delete, ct).ConfigureAwait(false);
        var siteContent = await ApplyAsync(names.SiteContentTable, TableClient.CreateQueryFilter($"PartitionKey eq {"site"} and RowKey eq {siteId}"), delete, ct).ConfigureAwait(false);
        var runs = await ApplyAsync(names.RunsTable, TableClient.CreateQueryFilter($"RowKey eq {"site|" + siteId} or (RowKey ge {"batch|" + siteId + "|"} and RowKey lt {"batch|" + siteId + "|~"})"), delete, ct).ConfigureAwait(false);
        var alerts = await ApplyAsync(names.AlertLogTable, TableClient.CreateQueryFilter($"PartitionKey eq {siteId}"), delete, ct).ConfigureAwait(false);
        var links = startHost is null ? 0 : await ApplyAsync(names.LinkStatusTable, TableClient.CreateQueryFilter($"PartitionKey eq {startHost}"), delete, ct).ConfigureAwait(false);
        var checkpoints = await CheckpointsAsync(siteId, delete, ct).ConfigureAwait(false);
        // The dashboard last: its latest row names the start host, so an interrupted forget can be run again.
        var history = await ApplyAsync(names.DashboardTable, TableClient.CreateQueryFilter($"PartitionKey eq {siteId}"), delete, ct).ConfigureAwait(false);
        var latest = await ApplyAsync(names.DashboardTable, TableClient.CreateQueryFilter($"PartitionKey eq {"site"} and RowKey eq {siteId}"), delete, ct).ConfigureAwait(false);
        return new SiteRows(findings, pages, history + latest, siteContent, runs, alerts, links, checkpoints);
    }

    private static async Task<string?> StartHostAsync(TableClient dashboard, string siteId, CancellationToken ct)
    {
        try
        {
            var row = await dashboard.GetEntityIfExistsAsync<TableEntity>("site", siteId, select: ["StartUrl"], cancellationToken: ct).ConfigureAwait(false);
            return row.HasValue && Uri.TryCreate(row.Value?.GetString("StartUrl"), UriKind.Absolute, out var start) ? start.Authority.ToLowerInvariant() : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private async Task<int> ApplyAsync(string tableName, string filter, bool delete, CancellationToken ct)
    {
        var table = storage.Table(tableName);
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: ct).ConfigureAwait(false))
            {
                rows.Add(e);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0; // the table does not exist: nothing stored
        }

        if (delete && rows.Count > 0)
        {
            await SitePartitions.SubmitAsync(table, rows, TableTransactionActionType.Delete, ct).ConfigureAwait(false);
        }

        return rows.Count;
    }

    /// <summary>The pages in the site's page-results blob (and the blob deleted).</summary>
    private async Task<int> PageResultsAsync(string siteId, bool delete, CancellationToken ct)
    {
        var blob = storage.ContentPagesContainer.GetBlobClient(Content.Persistence.PageResultsJson.BlobName(siteId));
        var count = 0;
        try
        {
            var stream = await blob.OpenReadAsync(cancellationToken: ct).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                await foreach (var _ in Content.Persistence.PageResultsJson.ReadAsync(stream, ct).ConfigureAwait(false))
                {
                    count++;
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }

        if (delete)
        {
            await blob.DeleteIfExistsAsync(cancellationToken: ct).ConfigureAwait(false);
        }

        return count;
    }

    private async Task<int> CheckpointsAsync(string siteId, bool delete, CancellationToken ct)
    {
        var container = storage.CrawlStateContainer;
        var count = 0;
        try
        {
            await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, siteId + "/", ct).ConfigureAwait(false))
            {
                count++;
                if (delete)
                {
                    await container.DeleteBlobIfExistsAsync(item.Name, cancellationToken: ct).ConfigureAwait(false);
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }

        return count;
    }
}
