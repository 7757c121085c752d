using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.TypeConversion;

namespace Lenkevakt.Reports;

/// <summary>CSV cells for <see cref="DateTimeOffset"/>: ISO 8601 in UTC, e.g. <c>2026-12-01T21:13:04Z</c> (see <see cref="ExportCsv.Timestamp"/>).</summary>
public sealed class UtcTimestampConverter : DefaultTypeConverter
{
    public override string? ConvertToString(object? value, IWriterRow row, MemberMapData memberMapData) => value switch
    {
        DateTimeOffset t => ExportCsv.Timestamp(t),
        DateTime t => ExportCsv.Timestamp(new DateTimeOffset(t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t)),
        null => "",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
