using Lenkevakt.Findings;

namespace Lenkevakt.Dashboard;

/// <summary>What the dashboard page shows: every site's latest health and, for one site, its open findings and history; the rules' Norwegian titles by id.</summary>
public sealed record DashboardPageData(
    DashboardPageRequest Request,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<SiteHealthEntity> Sites,
    SiteHealthEntity? Site,
    IReadOnlyList<StoredFinding> Findings,
    IReadOnlyList<SiteHealthEntity> History,
    IReadOnlyDictionary<string, string>? RuleTitles = null,
    int UncheckedAfterRuns = 1)
{
    /// <summary>True when the finding is open but its page was not fetched in the last <see cref="UncheckedAfterRuns"/> runs.</summary>
    public bool IsUnchecked(StoredFinding finding) => finding.UncheckedRuns >= UncheckedAfterRuns;

    /// <summary>True when one site was asked for and it is not on the dashboard (served as 404).</summary>
    public bool SiteNotFound => !string.IsNullOrWhiteSpace(Request.SiteId) && Site is null;
}
