using Lenkevakt.Findings;

namespace Lenkevakt.Dashboard;

/// <summary>What the dashboard page shows: every site's latest health and, for one site, its open findings and history.</summary>
public sealed record DashboardPageData(
    DashboardPageRequest Request,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<SiteHealthEntity> Sites,
    SiteHealthEntity? Site,
    IReadOnlyList<FindingEntity> Findings,
    IReadOnlyList<SiteHealthEntity> History);
