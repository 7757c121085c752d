using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace Lenkevakt.Reports;

/// <summary>
/// The one way every CSV export is written (findings, pages, sites, <c>run --export</c>, the coverage report): RFC 4180,
/// invariant culture, header names in camelCase as in the JSON and the README, timestamps as ISO 8601 UTC, and cells that
/// a spreadsheet would run as a formula (starting with <c>=</c>, <c>@</c>, <c>+</c>, <c>-</c>, tab or carriage return:
/// crawled titles and URLs are not ours) escaped with CsvHelper's <see cref="InjectionOptions.Escape"/>.
/// </summary>
public static class ExportCsv
{
    public static CsvConfiguration Configuration() => new(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };

    /// <summary>ISO 8601 UTC to the second: <c>2026-12-01T21:13:04Z</c>.</summary>
    public static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A writer with the shared configuration and timestamp format; <paramref name="output"/> stays open.</summary>
    public static CsvWriter CreateWriter(TextWriter output)
    {
        var csv = new CsvWriter(output, Configuration(), leaveOpen: true);
        var timestamps = new UtcTimestampConverter();
        csv.Context.TypeConverterCache.AddConverter<DateTimeOffset>(timestamps);
        csv.Context.TypeConverterCache.AddConverter<DateTimeOffset?>(timestamps);
        csv.Context.TypeConverterCache.AddConverter<DateTime>(timestamps);
        csv.Context.TypeConverterCache.AddConverter<DateTime?>(timestamps);
        return csv;
    }

    /// <summary>Records with a header row of their property names in camelCase.</summary>
    public static async Task WriteRecordsAsync<T>(IEnumerable<T> rows, TextWriter output, CancellationToken ct)
    {
        await using var csv = CreateWriter(output);
        var map = csv.Context.AutoMap<T>();
        foreach (var member in map.MemberMaps)
        {
            if (member.Data.Member is { } property)
            {
                member.Name(JsonNamingPolicy.CamelCase.ConvertName(property.Name));
            }
        }

        csv.Context.RegisterClassMap(map);
        await csv.WriteRecordsAsync(rows, ct).ConfigureAwait(false);
        await csv.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Rows of named cells (the rule and language columns vary with the rule set): the union of all columns, in first-seen order.</summary>
    public static async Task WriteColumnsAsync(IReadOnlyList<IReadOnlyList<KeyValuePair<string, string>>> rows, TextWriter output, CancellationToken ct)
    {
        var header = rows.SelectMany(r => r.Select(c => c.Key)).Distinct(StringComparer.Ordinal).ToList();
        await using var csv = CreateWriter(output);
        foreach (var h in header)
        {
            csv.WriteField(h);
        }

        await csv.NextRecordAsync().ConfigureAwait(false);
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in row)
            {
                values.TryAdd(key, value);
            }

            foreach (var h in header)
            {
                csv.WriteField(values.GetValueOrDefault(h, ""));
            }

            await csv.NextRecordAsync().ConfigureAwait(false);
        }

        await csv.FlushAsync().ConfigureAwait(false);
    }
}
