using System.Text.Json;
using Lenkevakt.Findings;

namespace Lenkevakt.Reports;

/// <summary>One open finding as exported for scripts and CI (<c>lenkevakt export findings</c>). Field names are a contract.</summary>
public sealed record FindingExportRow(
    string SiteId,
    string PageUrl,
    string Kind,
    string Target,
    string? Status,
    int? StatusCode,
    string Severity,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    string? Scope,
    string? Location,
    string Message,
    string Id);

/// <summary>Reads open findings and writes them as JSON (an array) or CSV (<see cref="ExportCsv"/>: camelCase header as in the JSON, UTC timestamps, formula cells escaped).</summary>
public sealed class FindingExport(FindingStore store)
{
    public async Task<IReadOnlyList<FindingExportRow>> ReadAsync(string? siteId, string? runId, CancellationToken ct)
    {
        var rows = new List<FindingExportRow>();
        await foreach (var f in store.QueryOpenAsync(siteId, ct).ConfigureAwait(false))
        {
            if (runId is not null && f.LastRunId != runId)
            {
                continue;
            }

            rows.Add(new FindingExportRow(f.SiteId, f.PageUrl, f.Kind, f.Target, f.Status, f.StatusCode, f.Severity, f.FirstSeen, f.LastSeen, f.Scope, f.Location, f.Message, f.Id));
        }

        return rows.OrderBy(r => r.SiteId, StringComparer.Ordinal).ThenBy(r => r.PageUrl, StringComparer.Ordinal).ThenBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Target, StringComparer.Ordinal).ToList();
    }

    public static async Task WriteAsync(IReadOnlyList<FindingExportRow> rows, string format, TextWriter output, CancellationToken ct)
    {
        switch (format)
        {
            case "json":
                await output.WriteAsync(JsonSerializer.Serialize(rows, ExportJson.Options).AsMemory(), ct).ConfigureAwait(false);
                await output.WriteLineAsync().ConfigureAwait(false);
                break;
            case "csv":
                await ExportCsv.WriteRecordsAsync(rows, output, ct).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentException($"Unknown format '{format}' (json or csv).", nameof(format));
        }
    }
}
