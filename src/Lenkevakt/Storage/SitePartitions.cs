using Azure.Data.Tables;

namespace Lenkevakt.Storage;

/// <summary>
/// Partition keys for tables with one row per page or finding of a site (Findings, Pages): the site's rows are spread
/// over 16 partitions, <c>{siteId}|{first hex digit of the row key}</c>. One partition per site made every write a scan
/// of the whole site on the emulator (Azurite looks a row up by partition first, then row by row) and puts a hot
/// partition on Azure; 16 keeps a site's rows together in one key range, read with one range query.
/// Site ids are lower-case letters, digits and '-', so '|' never occurs in them.
/// </summary>
public static class SitePartitions
{
    public const char Separator = '|';

    /// <summary>The partition of a row: the site and the first character of its (hex) row key.</summary>
    public static string For(string siteId, string rowKey) => $"{siteId}{Separator}{(rowKey.Length > 0 ? char.ToLowerInvariant(rowKey[0]) : '0')}";

    /// <summary>The site of a partition key (a key without the separator is a site id as it stands).</summary>
    public static string SiteOf(string partitionKey)
    {
        var at = partitionKey.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? partitionKey : partitionKey[..at];
    }

    /// <summary>An OData filter for every partition of a site: '|' + 1 = '}', so the range holds exactly <c>{siteId}|*</c>.</summary>
    public static string Filter(string siteId) =>
        TableClient.CreateQueryFilter($"PartitionKey ge {siteId + Separator} and PartitionKey lt {siteId + (char)(Separator + 1)}");

    /// <summary>
    /// Writes rows as entity group transactions: at most 100 rows, all of one partition, partitions in parallel. An
    /// update carries the row's ETag (optimistic), a delete matches any version.
    /// </summary>
    public static async Task SubmitAsync<T>(TableClient table, IEnumerable<T> rows, TableTransactionActionType action, CancellationToken ct)
        where T : ITableEntity
    {
        var chunks = rows.GroupBy(e => e.PartitionKey, StringComparer.Ordinal).SelectMany(g => g.Chunk(100)).ToList();
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (chunk, token) =>
            await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(action, e, action switch
            {
                TableTransactionActionType.Delete => Azure.ETag.All,
                TableTransactionActionType.UpdateMerge or TableTransactionActionType.UpdateReplace => e.ETag,
                _ => default,
            })), token).ConfigureAwait(false)).ConfigureAwait(false);
    }
}
