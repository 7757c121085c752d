using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.Configuration.Attributes;

namespace Lenkevakt.Sites;

/// <summary>One row of <c>kommuner.csv</c>: a municipality and its county (2024 structure).</summary>
public sealed record Municipality
{
    [Name("kommunenummer")] public required string Kommunenummer { get; init; }
    [Name("kommune")] public required string Kommune { get; init; }
    [Name("fylkesnummer")] public required string Fylkesnummer { get; init; }
    [Name("fylke")] public required string Fylke { get; init; }
    [Name("nettside")] public required string Nettside { get; init; }

    /// <summary>Reads <c>kommuner.csv</c> (UTF-8, header row). Bad rows raise <see cref="SitesFileException"/> with the row number.</summary>
    public static IReadOnlyList<Municipality> ReadCsv(string path)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, DetectDelimiter = false };
        try
        {
            using var reader = new StreamReader(path);
            using var csv = new CsvReader(reader, config);
            var rows = csv.GetRecords<Municipality>().ToList();
            foreach (var (row, index) in rows.Select((r, i) => (r, i)))
            {
                if (row.Kommunenummer.Length != 4 || !row.Kommunenummer.All(char.IsAsciiDigit))
                {
                    throw new SitesFileException(path, $"row {index + 2}", $"kommunenummer '{row.Kommunenummer}' is not four digits");
                }
            }

            return rows;
        }
        catch (CsvHelperException ex)
        {
            var row = ex.Context?.Parser?.Row ?? 0;
            throw new SitesFileException(path, $"row {row}", ex.Message.Split('\n')[0], ex);
        }
    }
}
