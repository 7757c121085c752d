namespace Lenkevakt.Reports;

/// <summary>Whether a municipality's help pages have been checked (wire names in CSV and JSON).</summary>
public static class MunicipalityStatus
{
    /// <summary>Crawled and its content checked.</summary>
    public const string Checked = "checked";

    /// <summary>Never crawled (or crawled without content checks): "ikke sjekket".</summary>
    public const string NotChecked = "not-checked";

    /// <summary>The last crawl could not reach the site: "ikke nådd".</summary>
    public const string Unreachable = "unreachable";

    public static string Nb(string status) => status switch
    {
        Checked => "sjekket",
        Unreachable => "ikke nådd",
        _ => "ikke sjekket",
    };
}
