namespace Lenkevakt.Dashboard;

/// <summary>The dashboard page: filters by county (name or number) and finding kind; one site's findings when <see cref="SiteId"/> is set.</summary>
public sealed record DashboardPageRequest(string? Fylke, string? Kind, string? SiteId);
