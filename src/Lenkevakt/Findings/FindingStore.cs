using System.Collections.Concurrent;
using Azure.Data.Tables;
using Lenkevakt.Storage;

namespace Lenkevakt.Findings;

/// <summary>
/// The <c>Findings</c> table. Recording is idempotent: values are derived from the run (its id and start time), not
/// from the clock, so a batch delivered twice writes the same entity twice. First-seen is kept, last-seen moves on,
/// a resolved finding that returns is reopened. The store's boundary: rows are read and written as
/// <see cref="FindingEntity"/> and handed out as <see cref="StoredFinding"/>.
/// </summary>
public sealed class FindingStore(StorageClients storage)
{
    private const int MaxText = 4000;

    // Sites whose priors stay cached: more than a process has in flight (Crawl:MaxSitesInFlight, default 64, and as many
    // stepped aside), so a site's later findings batches do not load them again. With 8, the 357-site bench evicted them
    // between a site's batches and loaded them again for almost every batch: 1 332 range queries, each of which the
    // emulator answers by scanning the whole table. An entry is dropped when its site's run closes.
    private const int CachedRuns = 512;

    // The state of each site's findings before (or early in) a run, loaded once per site and run with one range query
    // instead of one read per finding. Correct at any moment of the run: a finding id is in exactly one batch, so a
    // batch only ever needs the state its own ids had before this run, or the state a redelivery of it wrote.
    private readonly ConcurrentDictionary<(string Site, string Run), Lazy<Task<Dictionary<string, Prior>>>> priors = new();
    private readonly ConcurrentQueue<(string Site, string Run)> priorOrder = new();

    private TableClient Table => storage.Table(storage.Names.FindingsTable);

    public async Task RecordAsync(string siteId, string runId, DateTimeOffset runStartedAt, IReadOnlyList<Finding> findings, CancellationToken ct)
    {
        var existing = await PriorsAsync(siteId, runId, ct).ConfigureAwait(false);
        var entities = new Dictionary<string, FindingEntity>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            var id = f.Id;
            existing.TryGetValue(id, out var old);
            var reopened = old is { IsOpen: false } && old.ResolvedRunId != runId ? runId : old?.ReopenedRunId;
            entities[id] = new FindingEntity
            {
                PartitionKey = SitePartitions.For(siteId, id),
                RowKey = id,
                SiteId = siteId,
                Kind = f.Kind,
                Severity = f.Severity.ToString().ToLowerInvariant(),
                PageUrl = Cap(f.PageUrl)!,
                PageTitle = Cap(f.PageTitle),
                Target = Cap(f.Target)!,
                StatusCode = f.StatusCode,
                Status = Cap(f.Status),
                Message = Cap(f.Message)!,
                Evidence = Cap(f.Evidence),
                Scope = f.Scope,
                Location = f.Location,
                State = FindingEntity.Open,
                FirstSeen = old?.FirstSeen ?? runStartedAt,
                FirstRunId = old?.FirstRunId ?? runId,
                LastSeen = runStartedAt,
                LastRunId = runId,
                ResolvedAt = null,
                ResolvedRunId = null,
                ReopenedRunId = reopened,
            };
        }

        await SitePartitions.SubmitAsync(Table, entities.Values, TableTransactionActionType.UpsertReplace, ct).ConfigureAwait(false);
    }

    private async Task<Dictionary<string, Prior>> PriorsAsync(string siteId, string runId, CancellationToken ct)
    {
        var key = (siteId, runId);
        var lazy = priors.GetOrAdd(key, k => new Lazy<Task<Dictionary<string, Prior>>>(() => LoadPriorsAsync(k.Site, CancellationToken.None)));
        if (!priorOrder.Contains(key))
        {
            priorOrder.Enqueue(key);
            while (priorOrder.Count > CachedRuns && priorOrder.TryDequeue(out var old))
            {
                priors.TryRemove(old, out _);
            }
        }

        try
        {
            return await lazy.Value.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Storage away: forget the failed load so the next delivery tries again.
            priors.TryRemove(new KeyValuePair<(string, string), Lazy<Task<Dictionary<string, Prior>>>>(key, lazy));
            throw;
        }
    }

    private async Task<Dictionary<string, Prior>> LoadPriorsAsync(string siteId, CancellationToken ct)
    {
        var map = new Dictionary<string, Prior>(StringComparer.Ordinal);
        string[] columns = ["RowKey", nameof(FindingEntity.State), nameof(FindingEntity.FirstSeen), nameof(FindingEntity.FirstRunId), nameof(FindingEntity.ResolvedRunId), nameof(FindingEntity.ReopenedRunId)];
        await foreach (var e in Table.QueryAsync<FindingEntity>(SitePartitions.Filter(siteId), select: columns, cancellationToken: ct).ConfigureAwait(false))
        {
            map[e.RowKey] = new Prior(e.IsOpen, e.FirstSeen, e.FirstRunId, e.ResolvedRunId, e.ReopenedRunId);
        }

        return map;
    }

    private sealed record Prior(bool IsOpen, DateTimeOffset FirstSeen, string FirstRunId, string? ResolvedRunId, string? ReopenedRunId);

    /// <summary>
    /// Closes a site's run: an open finding not seen in this run is resolved only when this run checked its page again
    /// (<paramref name="pageChecks"/>: fetched, so the problem is gone — or the page itself is gone, resolved with that
    /// reason) and the site was reachable, so neither an outage nor a smaller sample "fixes" anything. A finding on a
    /// page that was not checked stays open with its last-seen run unchanged, and counts
    /// <see cref="StoredFinding.UncheckedRuns"/>. Without <paramref name="pageChecks"/> every page counts as checked.
    /// Idempotent: a second call reports the same changes.
    /// </summary>
    public async Task<RunChanges> CloseRunAsync(string siteId, string runId, DateTimeOffset runStartedAt, bool reachable, CancellationToken ct, Func<string, PageCheck>? pageChecks = null)
    {
        priors.TryRemove((siteId, runId), out _);
        var open = new List<StoredFinding>();
        var fresh = new List<StoredFinding>();
        var resolved = new List<StoredFinding>();
        var toResolve = new List<FindingEntity>();
        await foreach (var e in Table.QueryAsync<FindingEntity>(SitePartitions.Filter(siteId), cancellationToken: ct).ConfigureAwait(false))
        {
            if (e.IsOpen && e.LastRunId != runId && reachable)
            {
                var check = pageChecks?.Invoke(e.PageUrl) ?? PageCheck.Checked;
                if (check == PageCheck.NotChecked)
                {
                    if (e.UncheckedRunId != runId)
                    {
                        e.UncheckedRuns++;
                        e.UncheckedRunId = runId;
                        toResolve.Add(e);
                    }
                }
                else
                {
                    e.State = FindingEntity.Resolved;
                    e.ResolvedAt = runStartedAt;
                    e.ResolvedRunId = runId;
                    e.ResolvedReason = check == PageCheck.Gone ? "page-gone" : "rechecked";
                    toResolve.Add(e);
                }
            }
            else if (e.IsOpen && e.LastRunId == runId && e.UncheckedRuns != 0)
            {
                e.UncheckedRuns = 0;
                toResolve.Add(e);
            }

            if (e.IsOpen)
            {
                var f = ToStored(e);
                open.Add(f);
                if (f.IsNewIn(runId))
                {
                    fresh.Add(f);
                }
            }
            else if (e.ResolvedRunId == runId)
            {
                resolved.Add(ToStored(e));
            }
        }

        await SitePartitions.SubmitAsync(Table, toResolve, TableTransactionActionType.UpdateMerge, ct).ConfigureAwait(false);

        return new RunChanges(open, fresh, resolved);
    }

    /// <summary>Open findings, of one site or all.</summary>
    public IAsyncEnumerable<StoredFinding> QueryOpenAsync(string? siteId, CancellationToken ct) =>
        Stored(siteId is null
            ? Table.QueryAsync<FindingEntity>("State eq 'open'", cancellationToken: ct)
            : Table.QueryAsync<FindingEntity>($"({SitePartitions.Filter(siteId)}) and State eq 'open'", cancellationToken: ct));

    /// <summary>Open findings of one severity (<c>error</c>, <c>warning</c>, <c>info</c>), of one site or all.</summary>
    public IAsyncEnumerable<StoredFinding> QueryOpenAsync(string? siteId, string severity, CancellationToken ct) =>
        Stored(siteId is null
            ? Table.QueryAsync<FindingEntity>($"State eq 'open' and {TableClient.CreateQueryFilter($"Severity eq {severity}")}", cancellationToken: ct)
            : Table.QueryAsync<FindingEntity>($"({SitePartitions.Filter(siteId)}) and State eq 'open' and {TableClient.CreateQueryFilter($"Severity eq {severity}")}", cancellationToken: ct));

    /// <summary>
    /// Open findings of one severity with only the given fields read (<paramref name="select"/>, names of
    /// <see cref="StoredFinding"/> properties; the others keep their defaults): for reports over every site, which need a
    /// few fields of each row, not the whole entity.
    /// </summary>
    public IAsyncEnumerable<StoredFinding> QueryOpenAsync(string? siteId, string severity, IEnumerable<string> select, CancellationToken ct) =>
        Stored(Table.QueryAsync<FindingEntity>(
            (siteId is null ? "" : $"({SitePartitions.Filter(siteId)}) and ") + $"State eq 'open' and {TableClient.CreateQueryFilter($"Severity eq {severity}")}",
            select: Columns(select),
            cancellationToken: ct));

    /// <summary>
    /// The table's columns for <see cref="StoredFinding"/> property names: the same names, except the id (the row key);
    /// the site id also reads the partition key, its fallback for rows written before the site was stored. The state
    /// need not be read: these queries are of open findings, and a row read without it counts as open.
    /// </summary>
    private static List<string> Columns(IEnumerable<string> select)
    {
        var columns = new List<string>();
        foreach (var name in select)
        {
            switch (name)
            {
                case nameof(StoredFinding.Id):
                    columns.Add(nameof(FindingEntity.RowKey));
                    break;
                case nameof(StoredFinding.SiteId):
                    columns.Add(nameof(FindingEntity.PartitionKey));
                    columns.Add(nameof(FindingEntity.SiteId));
                    break;
                default:
                    columns.Add(name);
                    break;
            }
        }

        return columns.Distinct(StringComparer.Ordinal).ToList();
    }

    private static async IAsyncEnumerable<StoredFinding> Stored(IAsyncEnumerable<FindingEntity> rows)
    {
        await foreach (var e in rows.ConfigureAwait(false))
        {
            yield return ToStored(e);
        }
    }

    /// <summary>Entity → domain record: the same values, the state as <see cref="FindingState"/>.</summary>
    private static StoredFinding ToStored(FindingEntity e) => new()
    {
        Id = e.RowKey,
        SiteId = e.SiteId,
        Kind = e.Kind,
        Severity = e.Severity,
        PageUrl = e.PageUrl,
        PageTitle = e.PageTitle,
        Target = e.Target,
        StatusCode = e.StatusCode,
        Status = e.Status,
        Message = e.Message,
        Evidence = e.Evidence,
        Scope = e.Scope,
        Location = e.Location,
        State = e.IsOpen ? FindingState.Open : FindingState.Resolved,
        FirstSeen = e.FirstSeen,
        FirstRunId = e.FirstRunId,
        LastSeen = e.LastSeen,
        LastRunId = e.LastRunId,
        ResolvedAt = e.ResolvedAt,
        ResolvedRunId = e.ResolvedRunId,
        ResolvedReason = e.ResolvedReason,
        UncheckedRuns = e.UncheckedRuns,
        ReopenedRunId = e.ReopenedRunId,
    };

    private static string? Cap(string? s) => s is null || s.Length <= MaxText ? s : s[..MaxText] + "…";
}
