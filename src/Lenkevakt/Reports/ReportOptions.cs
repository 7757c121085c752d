using System.ComponentModel.DataAnnotations;

namespace Lenkevakt.Reports;

/// <summary>The coverage report. Bound from <c>Lenkevakt:Reports</c>.</summary>
public sealed class ReportOptions
{
    public const string Section = "Lenkevakt:Reports";

    /// <summary>
    /// The national list of municipalities and counties (<c>kommuner.csv</c>), relative to the current directory; every
    /// municipality in it appears in the report, as "ikke sjekket" until it has been crawled. Default
    /// <c>config/kommuner.csv</c>. Empty: only the municipalities of the sites catalogue and the dashboard.
    /// </summary>
    public string? MunicipalitiesCsv { get; set; } = "config/kommuner.csv";

    /// <summary>Broken links listed per municipality in the HTML report (the count is always complete). Default 5.</summary>
    [Range(0, 1000)]
    public int BrokenLinksListed { get; set; } = 5;
}
