using Lenkevakt.Content.Rules;
using Lenkevakt.Findings;
using Lenkevakt.Html;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Dashboard;

/// <summary>
/// The dashboard page (<c>lenkevakt serve</c>: <c>/</c> and <c>/site/{id}</c>; Functions: <c>GET /api/dashboard</c>):
/// sites sorted by health, worst first, filtered by county and finding kind; for one site its open findings, grouped by
/// page, with links, and its health over the last runs. Server-rendered HTML without scripts or external files.
/// </summary>
public sealed class DashboardPageHandler(DashboardStore dashboard, FindingStore findings, DisplayTimeZone timeZone, IOptions<DashboardOptions> options, TimeProvider time, RuleSet rules)
{
    private readonly Dictionary<string, string> ruleTitles = rules.Rules.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().TitleNb, StringComparer.Ordinal);

    /// <summary>Findings shown on one site's page (the export has them all).</summary>
    public const int MaxFindingsShown = 1000;

    public async Task<RenderedDocument> HandleAsync(DashboardPageRequest request, CancellationToken ct)
    {
        var sites = new List<SiteHealthEntity>();
        await foreach (var row in dashboard.GetLatestAsync(ct).ConfigureAwait(false))
        {
            sites.Add(row);
        }

        SiteHealthEntity? site = null;
        var open = new List<StoredFinding>();
        var history = new List<SiteHealthEntity>();
        if (!string.IsNullOrWhiteSpace(request.SiteId))
        {
            site = sites.FirstOrDefault(s => s.SiteId == request.SiteId);
            if (site is not null)
            {
                await foreach (var f in findings.QueryOpenAsync(site.SiteId, ct).ConfigureAwait(false))
                {
                    open.Add(f);
                }

                await foreach (var h in dashboard.GetHistoryAsync(site.SiteId, ct).ConfigureAwait(false))
                {
                    history.Add(h);
                }
            }
        }

        var zone = timeZone.Find();
        var data = new DashboardPageData(request, time.GetUtcNow(), sites, site, open, history.OrderBy(h => h.LastCrawlAt).ToList(), ruleTitles, options.Value.UncheckedAfterRuns);
        return new RenderedDocument("text/html; charset=utf-8", DashboardPageRenderer.Render(data, zone), null, data.SiteNotFound ? 404 : 200);
    }
}
