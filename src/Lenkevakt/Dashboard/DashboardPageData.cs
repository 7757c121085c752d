using Lenkevakt.Findings;

namespace Lenkevakt.Dashboard;

/// <summary>What the dashboard page shows: every site's latest health and, for one site, its open findings and history; the rules' Norwegian titles by id.</summary>
public sealed record DashboardPageData(
    DashboardPageRequest Request,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<SiteHealthEntity> Sites,
    SiteHealthEntity? Site,
    IReadOnlyList<FindingEntity> Findings,
    IReadOnlyList<SiteHealthEntity> History,
    IReadOnlyDictionary<string, string>? RuleTitles = null)
{
    /// <summary>True when one site was asked for and it is not on the dashboard (served as 404).</summary>
    public bool SiteNotFound => !string.IsNullOrWhiteSpace(Request.SiteId) && Site is null;
}
