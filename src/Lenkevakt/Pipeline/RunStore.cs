using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Lenkevakt.Crawling;
using Lenkevakt.Storage;

namespace Lenkevakt.Pipeline;

/// <summary>Result of trying to take a site crawl for a run.</summary>
public enum LeaseResult
{
    Acquired,

    /// <summary>The site is already crawled (or closed) in this run: nothing to do.</summary>
    AlreadyDone,

    /// <summary>Another worker holds a live lease.</summary>
    Busy,
}

/// <summary>
/// Run bookkeeping in the <c>Runs</c> table: a header per run (PK <c>run</c>, RK runId), a row per site and run
/// (PK runId, RK <c>site|{siteId}</c>: status and crawl lease) and a marker per recorded findings batch
/// (RK <c>batch|{siteId}|{n}</c>). Leases use ETags, so two workers never crawl one site in one run at once.
/// </summary>
public sealed class RunStore(StorageClients storage, TimeProvider time)
{
    private TableClient Table => storage.Table(storage.Names.RunsTable);

    public async Task CreateRunAsync(string runId, DateTimeOffset startedAt, int siteCount, string trigger, CancellationToken ct, string? sitesKey = null)
    {
        var entity = new TableEntity("run", runId) { ["StartedAt"] = startedAt, ["SiteCount"] = siteCount, ["Trigger"] = trigger };
        if (sitesKey is not null)
        {
            entity["SitesKey"] = sitesKey;
        }

        await Table.UpsertEntityAsync(entity, TableUpdateMode.Merge, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The newest run of <paramref name="trigger"/> over exactly the same sites (<paramref name="sitesKey"/>) started since
    /// <paramref name="since"/> in which some site is neither closed nor failed: an interrupted run (Ctrl+C, kill -9) that
    /// the next <c>run</c> continues instead of starting over.
    /// </summary>
    public async Task<(string RunId, DateTimeOffset StartedAt)?> FindUnfinishedRunAsync(string trigger, string sitesKey, DateTimeOffset since, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"run"} and Trigger eq {trigger} and SitesKey eq {sitesKey} and StartedAt ge {since}");
        var candidates = new List<(string RunId, DateTimeOffset StartedAt)>();
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            candidates.Add((e.RowKey, e.GetDateTimeOffset("StartedAt") ?? since));
        }

        foreach (var run in candidates.OrderByDescending(c => c.StartedAt))
        {
            var statuses = await GetSiteStatusesAsync(run.RunId, ct).ConfigureAwait(false);
            if (statuses.Values.Any(s => s is not ("closed" or "failed")))
            {
                return run;
            }
        }

        return null;
    }

    /// <summary>Adds the site to the run; false when it was already planned (and possibly crawled).</summary>
    public async Task<bool> AddSiteAsync(string runId, string siteId, CancellationToken ct)
    {
        try
        {
            await Table.AddEntityAsync(new TableEntity(runId, SiteKey(siteId)) { ["Status"] = "planned", ["SiteId"] = siteId }, ct).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Planned but not crawled yet, or being crawled by a process of this machine that is gone (a rerun after
            // kill -9): queue it (again), so it does not wait for the dead process's message to become visible.
            var existing = (await Table.GetEntityAsync<TableEntity>(runId, SiteKey(siteId), cancellationToken: ct).ConfigureAwait(false)).Value;
            return existing.GetString("Status") switch
            {
                "planned" => true,
                "crawling" => LeaseOwner.IsGoneOnThisMachine(existing.GetString("Owner")),
                _ => false,
            };
        }
    }

    public async Task<(LeaseResult Result, DateTimeOffset Until)> TryAcquireCrawlLeaseAsync(string runId, string siteId, TimeSpan lease, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(runId, SiteKey(siteId), cancellationToken: ct).ConfigureAwait(false);
        var until = now + lease;
        if (!row.HasValue || row.Value is null)
        {
            try
            {
                await Table.AddEntityAsync(new TableEntity(runId, SiteKey(siteId)) { ["Status"] = "crawling", ["SiteId"] = siteId, ["LeaseUntil"] = until, ["Owner"] = LeaseOwner.Current }, ct).ConfigureAwait(false);
                return (LeaseResult.Acquired, until);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                return (LeaseResult.Busy, now + TimeSpan.FromSeconds(5));
            }
        }

        var entity = row.Value;
        var status = entity.GetString("Status");
        if (status is "crawled" or "closed")
        {
            return (LeaseResult.AlreadyDone, now);
        }

        if (status == "crawling" && entity.GetDateTimeOffset("LeaseUntil") is { } held && held > now && !LeaseOwner.IsGoneOnThisMachine(entity.GetString("Owner")))
        {
            return (LeaseResult.Busy, held);
        }

        // Planned, failed before (a redelivery), expired, or held by a process of this machine that is gone (kill -9).
        entity["Status"] = "crawling";
        entity["LeaseUntil"] = until;
        entity["Owner"] = LeaseOwner.Current;
        try
        {
            await Table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Merge, ct).ConfigureAwait(false);
            return (LeaseResult.Acquired, until);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return (LeaseResult.Busy, now + TimeSpan.FromSeconds(5));
        }
    }

    public async Task RenewCrawlLeaseAsync(string runId, string siteId, TimeSpan lease, CancellationToken ct)
    {
        var entity = new TableEntity(runId, SiteKey(siteId)) { ["LeaseUntil"] = time.GetUtcNow() + lease };
        await Table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, ct).ConfigureAwait(false);
    }

    /// <summary>Gives the site back (a continuation or a deferral follows): another worker may take it at once.</summary>
    public Task ReleaseCrawlLeaseAsync(string runId, string siteId, CancellationToken ct) =>
        Table.UpsertEntityAsync(new TableEntity(runId, SiteKey(siteId)) { ["Status"] = "planned", ["LeaseUntil"] = time.GetUtcNow() }, TableUpdateMode.Merge, ct);

    /// <summary>
    /// A crawl attempt failed: gives the site back at once (so the redelivery is not deferred behind its own dead lease)
    /// and counts the failure on the site's row, across deferrals and continuations (each a new queue message with its
    /// own delivery count). Returns the number of failed attempts so far; at <paramref name="maxFailures"/> the site is
    /// marked failed (not closed) and the caller poisons the message.
    /// </summary>
    public async Task<int> RecordCrawlFailureAsync(string runId, string siteId, string error, int maxFailures, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(runId, SiteKey(siteId), cancellationToken: ct).ConfigureAwait(false);
            var entity = row.HasValue && row.Value is not null ? row.Value : new TableEntity(runId, SiteKey(siteId)) { ["SiteId"] = siteId };
            var failures = (entity.GetInt32("Failures") ?? 0) + 1;
            entity["Failures"] = failures;
            entity["LastError"] = error.Length <= 4000 ? error : error[..4000];
            entity["Status"] = failures >= maxFailures ? "failed" : "planned";
            entity["LeaseUntil"] = time.GetUtcNow();
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

                return failures;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < 5)
            {
                // Renewed or changed meanwhile: read again.
            }
        }
    }

    /// <summary>Failed crawl attempts of the site in the run so far.</summary>
    public async Task<int> GetCrawlFailuresAsync(string runId, string siteId, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(runId, SiteKey(siteId), select: ["Failures"], cancellationToken: ct).ConfigureAwait(false);
        return row.HasValue ? row.Value?.GetInt32("Failures") ?? 0 : 0;
    }

    /// <summary>
    /// One site crawl per host at a time across all workers (PK <c>hostlease</c>, RK host): per-host politeness then
    /// holds across processes. The holder re-acquires to renew; a crashed holder's lease runs out.
    /// </summary>
    public async Task<(LeaseResult Result, DateTimeOffset Until)> TryAcquireHostLeaseAsync(string host, string owner, TimeSpan lease, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var key = HostKey(host);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(HostLeasePartition, key, cancellationToken: ct).ConfigureAwait(false);
        var entity = new TableEntity(HostLeasePartition, key) { ["Owner"] = owner, ["LeaseUntil"] = now + lease, ["Host"] = host };
        try
        {
            if (!row.HasValue || row.Value is null)
            {
                await Table.AddEntityAsync(entity, ct).ConfigureAwait(false);
                return (LeaseResult.Acquired, now + lease);
            }

            var current = row.Value;
            if (current.GetString("Owner") != owner && current.GetDateTimeOffset("LeaseUntil") is { } until && until > now)
            {
                return (LeaseResult.Busy, until);
            }

            await Table.UpdateEntityAsync(entity, current.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            return (LeaseResult.Acquired, now + lease);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return (LeaseResult.Busy, now + TimeSpan.FromSeconds(2));
        }
    }

    public async Task ReleaseHostLeaseAsync(string host, string owner, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(HostLeasePartition, HostKey(host), cancellationToken: ct).ConfigureAwait(false);
        if (row.HasValue && row.Value?.GetString("Owner") == owner)
        {
            try
            {
                await Table.DeleteEntityAsync(row.Value, row.Value.ETag, ct).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Taken over or gone already.
            }
        }
    }

    private const string HostLeasePartition = "hostlease";

    private static string HostKey(string host) => host.ToLowerInvariant().Replace('/', '_').Replace('\\', '_').Replace('#', '_').Replace('?', '_');

    public Task MarkCrawledAsync(string runId, string siteId, CrawlStats stats, int batches, CancellationToken ct) =>
        Table.UpsertEntityAsync(
            new TableEntity(runId, SiteKey(siteId))
            {
                ["Status"] = "crawled", ["Stats"] = JsonSerializer.Serialize(stats, MessageSerializer.Options), ["FindingBatches"] = batches, ["CrawledAt"] = time.GetUtcNow(),
            },
            TableUpdateMode.Merge,
            ct);

    public Task MarkBatchRecordedAsync(string runId, string siteId, int batch, CancellationToken ct) =>
        Table.UpsertEntityAsync(new TableEntity(runId, $"batch|{siteId}|{batch:D6}"), TableUpdateMode.Replace, ct);

    public async Task<int> CountBatchesAsync(string runId, string siteId, CancellationToken ct)
    {
        var prefix = $"batch|{siteId}|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {runId} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        var count = 0;
        await foreach (var _ in Table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    public async Task<bool> IsClosedAsync(string runId, string siteId, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(runId, SiteKey(siteId), cancellationToken: ct).ConfigureAwait(false);
        return row.HasValue && row.Value?.GetString("Status") == "closed";
    }

    public Task MarkClosedAsync(string runId, string siteId, CancellationToken ct) =>
        Table.UpsertEntityAsync(new TableEntity(runId, SiteKey(siteId)) { ["Status"] = "closed", ["ClosedAt"] = time.GetUtcNow() }, TableUpdateMode.Merge, ct);

    /// <summary>Status per site of a run (planned, crawling, crawled, closed).</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetSiteStatusesAsync(string runId, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {runId} and RowKey ge {"site|"} and RowKey lt {"site|~"}");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            result[e.GetString("SiteId") ?? e.RowKey[5..]] = e.GetString("Status") ?? "planned";
        }

        return result;
    }

    private static string SiteKey(string siteId) => "site|" + siteId;
}
