using System.ComponentModel.DataAnnotations;

namespace Lenkevakt.Dashboard;

/// <summary>How the dashboard presents findings. Bound from <c>Lenkevakt:Dashboard</c>.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Lenkevakt:Dashboard";

    /// <summary>
    /// An open finding whose page was not fetched in this many consecutive runs (<see cref="Findings.StoredFinding.UncheckedRuns"/>)
    /// is shown as <i>ikke sjekket i siste kjøring</i>: it stays open (not checked is not fixed), but editors see that
    /// Lenkevakt has not looked at it lately. Default 1 (the last run did not check it); 1–365.
    /// </summary>
    [Range(1, 365, ErrorMessage = "UncheckedAfterRuns: må være mellom 1 og 365")]
    public int UncheckedAfterRuns { get; set; } = 1;
}
