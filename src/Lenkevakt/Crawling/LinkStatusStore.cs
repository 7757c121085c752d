using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using Azure.Data.Tables;
using Azure;
using Lenkevakt.Checks;
using Lenkevakt.Storage;

namespace Lenkevakt.Crawling;

/// <summary>A link's last known status as shared between processes.</summary>
public sealed record SharedLinkStatus(string RunId, LinkStatus? Status, DateTimeOffset? CheckedAt, string? ClaimedBy, DateTimeOffset? ClaimUntil, ETag ETag);

/// <summary>
/// The <c>LinkStatus</c> table (PK host, RK 32 hex of SHA-256 over the URL): the link-status cache shared by every
/// worker. A worker claims a URL before checking it (ETag-guarded), so parallel workers do not check the same URL
/// twice in a run; the result is stored for the others and, for successful external links, reused by later runs
/// within <see cref="Crawling.CrawlOptions.ExternalLinkTtl"/>. Failures are never reused across runs.
/// </summary>
public sealed class LinkStatusStore(StorageClients storage, TimeProvider time)
{
    private TableClient Table => storage.Table(storage.Names.LinkStatusTable);

    public async Task<SharedLinkStatus?> GetAsync(string url, string policyKey, CancellationToken ct)
    {
        var (pk, rk) = Keys(url, policyKey);
        var e = await Table.GetEntityIfExistsAsync<TableEntity>(pk, rk, cancellationToken: ct).ConfigureAwait(false);
        if (!e.HasValue || e.Value is null)
        {
            return null;
        }

        var v = e.Value;
        var json = v.GetString("Status");
        return new SharedLinkStatus(
            v.GetString("RunId") ?? "",
            json is null ? null : JsonSerializer.Deserialize<LinkStatus>(json, LinkStatusJson.Options),
            v.GetDateTimeOffset("CheckedAt"),
            v.GetString("ClaimedBy"),
            v.GetDateTimeOffset("ClaimUntil"),
            v.ETag);
    }

    /// <summary>Claims the URL for checking in <paramref name="runId"/>; false when someone else got there first.</summary>
    public async Task<bool> TryClaimAsync(string url, string policyKey, string runId, string owner, TimeSpan hold, SharedLinkStatus? seen, CancellationToken ct)
    {
        var (pk, rk) = Keys(url, policyKey);
        var entity = new TableEntity(pk, rk) { ["Url"] = url, ["RunId"] = runId, ["ClaimedBy"] = owner, ["ClaimUntil"] = time.GetUtcNow() + hold };
        if (seen?.Status is { } previous)
        {
            // Keep the last result visible to others while we recheck it.
            entity["Status"] = JsonSerializer.Serialize(previous, LinkStatusJson.Options);
            entity["CheckedAt"] = seen.CheckedAt;
        }

        try
        {
            if (seen is null)
            {
                await Table.AddEntityAsync(entity, ct).ConfigureAwait(false);
            }
            else
            {
                await Table.UpdateEntityAsync(entity, seen.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public Task SaveAsync(string url, string policyKey, string runId, LinkStatus status, CancellationToken ct)
    {
        var (pk, rk) = Keys(url, policyKey);
        return Table.UpsertEntityAsync(
            new TableEntity(pk, rk)
            {
                ["Url"] = url, ["RunId"] = runId, ["Status"] = JsonSerializer.Serialize(status, LinkStatusJson.Options), ["CheckedAt"] = time.GetUtcNow(),
                ["ClaimedBy"] = null, ["ClaimUntil"] = null,
            },
            TableUpdateMode.Replace,
            ct);
    }

    /// <summary>
    /// Results are kept apart per <see cref="Crawling.AddressPolicy.KeyFor"/> (<c>g</c>, <c>p</c>, <c>p:…</c>): a guarded
    /// site must see "blocked", not the result of a check that allow-private or another site's own hosts permitted.
    /// </summary>
    private static (string Pk, string Rk) Keys(string url, string policyKey)
    {
        var host = Uri.TryCreate(url, UriKind.Absolute, out var u) ? HostKey.Of(u) : "invalid";
        foreach (var bad in new[] { '/', '\\', '#', '?' })
        {
            host = host.Replace(bad, '_');
        }

        return (host, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(policyKey + "|" + url)).AsSpan(0, 16)));
    }
}
