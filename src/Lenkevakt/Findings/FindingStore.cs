using Azure.Data.Tables;
using Lenkevakt.Storage;

namespace Lenkevakt.Findings;

/// <summary>What closing a site's run changed.</summary>
public sealed record RunChanges(IReadOnlyList<FindingEntity> Open, IReadOnlyList<FindingEntity> New, IReadOnlyList<FindingEntity> Resolved);

/// <summary>
/// The <c>Findings</c> table. Recording is idempotent: values are derived from the run (its id and start time), not
/// from the clock, so a batch delivered twice writes the same entity twice. First-seen is kept, last-seen moves on,
/// a resolved finding that returns is reopened.
/// </summary>
public sealed class FindingStore(StorageClients storage)
{
    private const int MaxText = 4000;

    private TableClient Table => storage.Table(storage.Names.FindingsTable);

    public async Task RecordAsync(string siteId, string runId, DateTimeOffset runStartedAt, IReadOnlyList<Finding> findings, CancellationToken ct)
    {
        var existing = new Dictionary<string, FindingEntity>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(findings.Select(f => f.Id).Distinct(), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (id, token) =>
        {
            var e = await Table.GetEntityIfExistsAsync<FindingEntity>(siteId, id, cancellationToken: token).ConfigureAwait(false);
            if (e.HasValue && e.Value is not null)
            {
                lock (existing)
                {
                    existing[id] = e.Value;
                }
            }
        }).ConfigureAwait(false);

        var entities = new Dictionary<string, FindingEntity>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            var id = f.Id;
            existing.TryGetValue(id, out var old);
            var reopened = old is { IsOpen: false } && old.ResolvedRunId != runId ? runId : old?.ReopenedRunId;
            entities[id] = new FindingEntity
            {
                PartitionKey = siteId,
                RowKey = id,
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
                State = "open",
                FirstSeen = old?.FirstSeen ?? runStartedAt,
                FirstRunId = old?.FirstRunId ?? runId,
                LastSeen = runStartedAt,
                LastRunId = runId,
                ResolvedAt = null,
                ResolvedRunId = null,
                ReopenedRunId = reopened,
            };
        }

        foreach (var chunk in entities.Values.Chunk(100))
        {
            var actions = chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e));
            await Table.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Closes a site's run: open findings not seen in this run become resolved (only when the site was reachable, so
    /// an outage never "fixes" everything). Idempotent: a second call reports the same changes.
    /// </summary>
    public async Task<RunChanges> CloseRunAsync(string siteId, string runId, DateTimeOffset runStartedAt, bool reachable, CancellationToken ct)
    {
        var open = new List<FindingEntity>();
        var fresh = new List<FindingEntity>();
        var resolved = new List<FindingEntity>();
        var toResolve = new List<FindingEntity>();
        await foreach (var e in Table.QueryAsync<FindingEntity>(x => x.PartitionKey == siteId, cancellationToken: ct).ConfigureAwait(false))
        {
            if (e.IsOpen && e.LastRunId != runId && reachable)
            {
                e.State = "resolved";
                e.ResolvedAt = runStartedAt;
                e.ResolvedRunId = runId;
                toResolve.Add(e);
            }

            if (e.IsOpen)
            {
                open.Add(e);
                if (e.IsNewIn(runId))
                {
                    fresh.Add(e);
                }
            }
            else if (e.ResolvedRunId == runId)
            {
                resolved.Add(e);
            }
        }

        foreach (var chunk in toResolve.Chunk(100))
        {
            await Table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpdateMerge, e, e.ETag)), ct).ConfigureAwait(false);
        }

        return new RunChanges(open, fresh, resolved);
    }

    /// <summary>Open findings, of one site or all.</summary>
    public IAsyncEnumerable<FindingEntity> QueryOpenAsync(string? siteId, CancellationToken ct) =>
        siteId is null
            ? Table.QueryAsync<FindingEntity>(x => x.State == "open", cancellationToken: ct)
            : Table.QueryAsync<FindingEntity>(x => x.PartitionKey == siteId && x.State == "open", cancellationToken: ct);

    /// <summary>Open findings of one severity (<c>error</c>, <c>warning</c>, <c>info</c>), of one site or all.</summary>
    public IAsyncEnumerable<FindingEntity> QueryOpenAsync(string? siteId, string severity, CancellationToken ct) =>
        siteId is null
            ? Table.QueryAsync<FindingEntity>(x => x.State == "open" && x.Severity == severity, cancellationToken: ct)
            : Table.QueryAsync<FindingEntity>(x => x.PartitionKey == siteId && x.State == "open" && x.Severity == severity, cancellationToken: ct);

    private static string? Cap(string? s) => s is null || s.Length <= MaxText ? s : s[..MaxText] + "…";
}
