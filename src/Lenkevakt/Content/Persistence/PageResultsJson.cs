using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lenkevakt.Content.Persistence;

/// <summary>
/// The stored format of a site's page results: one gzip blob per site (<c>contentpages/{siteId}.jsonl.gz</c>), a
/// <see cref="PageExportRow"/> per line, camelCase, outcomes as <c>met</c>/<c>not-met</c>/<c>not-applicable</c>, nulls
/// left out. Its own options, not the queue's or the export's, so changing either cannot silently change stored data.
/// </summary>
public static class PageResultsJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        WriteIndented = false,
    };

    private static readonly byte[] NewLine = [(byte)'\n'];

    public static string BlobName(string siteId) => siteId + ".jsonl.gz";

    public static BinaryData Write(IEnumerable<PageExportRow> rows)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            foreach (var row in rows)
            {
                JsonSerializer.Serialize(gzip, row, Options);
                gzip.Write(NewLine);
            }
        }

        return new BinaryData(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    public static async IAsyncEnumerable<PageExportRow> ReadAsync(Stream blob, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var gzip = new GZipStream(blob, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
        {
            if (line.Length > 0 && JsonSerializer.Deserialize<PageExportRow>(line, Options) is { } row)
            {
                yield return row;
            }
        }
    }
}
