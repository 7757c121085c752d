using Lenkevakt.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Lenkevakt.Functions;

/// <summary>
/// GET /api/dashboard?fylke=&amp;kind=&amp;site=: the dashboard page. Anonymous: it shows only what the public pages
/// themselves show (broken links on public help pages), is opened by editors in a browser, where a key in the URL
/// would leak through history and referrers, and reads one precomputed table. Change to Function if that changes.
/// </summary>
public sealed class Dashboard(DashboardPageHandler handler)
{
    [Function(nameof(Dashboard))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard")] HttpRequest request,
        FunctionContext context)
    {
        string? fylke = request.Query["fylke"];
        string? kind = request.Query["kind"];
        string? site = request.Query["site"];
        var document = await handler.HandleAsync(new DashboardPageRequest(fylke, kind, site), context.CancellationToken);
        return document.ToActionResult();
    }
}
