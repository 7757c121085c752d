using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Lenkevakt.Storage;

namespace Lenkevakt.Reports;

/// <summary>
/// The <c>Reports</c> table: every generated coverage report stores one row per county, PK fylkesnummer (or the county
/// name when it has no number), RK the inverted report date (<c>99999999 − yyyyMMdd</c>, so the newest comes first),
/// with the municipalities' numbers as JSON. A report compares itself with the newest row from before its own date;
/// generating the report again the same day replaces that day's row. Content results are kept for the latest run only,
/// so the trend of rule coverage cannot be derived from the dashboard history; this table is what makes it possible.
/// </summary>
public sealed class ReportSnapshotStore(StorageClients storage)
{
    private int tableReady;

    private TableClient Table => storage.Table(storage.Names.ReportsTable);

    public async Task SaveAsync(string reportDate, DateTimeOffset generatedAt, IEnumerable<CountyCoverage> counties, CancellationToken ct)
    {
        await EnsureTableAsync(ct).ConfigureAwait(false);
        foreach (var county in counties)
        {
            var rows = county.Municipalities.Select(m => new MunicipalitySnapshot(m.Kommunenummer, m.Status, m.RulesMet, m.RulesAssessed, m.BrokenLinks)).ToList();
            var entity = new TableEntity(PartitionKey(county), InvertedKey(reportDate))
            {
                ["Fylke"] = county.Fylke,
                ["ReportDate"] = reportDate,
                ["GeneratedAt"] = generatedAt,
                ["MunicipalitiesJson"] = JsonSerializer.Serialize(rows, ExportJson.Options),
            };
            await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The newest stored numbers of <paramref name="county"/> from before <paramref name="reportDate"/>, with their date; null when none.</summary>
    public async Task<(string Date, IReadOnlyList<MunicipalitySnapshot> Municipalities)?> GetPreviousAsync(CountyCoverage county, string reportDate, CancellationToken ct)
    {
        await EnsureTableAsync(ct).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey(county)} and RowKey gt {InvertedKey(reportDate)}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: ct).ConfigureAwait(false))
        {
            var rows = JsonSerializer.Deserialize<List<MunicipalitySnapshot>>(e.GetString("MunicipalitiesJson") ?? "[]", ExportJson.Options) ?? [];
            return (e.GetString("ReportDate") ?? "", rows);
        }

        return null;
    }

    private async Task EnsureTableAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref tableReady, 1) == 0)
        {
            try
            {
                await Table.CreateIfNotExistsAsync(ct).ConfigureAwait(false);
            }
            catch (RequestFailedException)
            {
                Volatile.Write(ref tableReady, 0);
                throw;
            }
        }
    }

    private static string PartitionKey(CountyCoverage county) => string.IsNullOrEmpty(county.Fylkesnummer) ? "fylke-" + county.Fylke : county.Fylkesnummer;

    internal static string InvertedKey(string isoDate)
    {
        var date = DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var number = (date.Year * 10000) + (date.Month * 100) + date.Day;
        return (99_999_999 - number).ToString("D8", CultureInfo.InvariantCulture);
    }
}
