using Lenkevakt.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Lenkevakt.Functions;

/// <summary>
/// GET /api/report?fylke=&amp;format=html|csv|json: the coverage report, optionally for one county.
/// Function-level authorization (a function or host key in <c>code=</c> or <c>x-functions-key</c>): the report is a
/// bulk export of every site's findings meant for people and scripts that were given a key, and each call reads many
/// table rows, so it is not left open to anonymous scraping. A key needs no sign-in flow for scripts; the host keeps
/// keys in its own storage, and they are rotated in the portal or with the Azure CLI.
/// </summary>
public sealed class CoverageReport(CoverageReportHandler handler)
{
    [Function(nameof(CoverageReport))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "report")] HttpRequest request,
        FunctionContext context)
    {
        string? fylke = request.Query["fylke"];
        string? format = request.Query["format"];
        try
        {
            var document = await handler.HandleAsync(new CoverageReportRequest(fylke, format ?? "html"), context.CancellationToken);
            return document.ToActionResult();
        }
        catch (ArgumentException ex)
        {
            // Unknown county or format: the message (Norwegian) names the valid values.
            return new BadRequestObjectResult(ex.Message);
        }
    }
}
