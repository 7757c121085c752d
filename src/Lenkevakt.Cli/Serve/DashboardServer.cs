using System.Net;
using System.Text;
using Lenkevakt.Dashboard;
using Lenkevakt.Html;
using Lenkevakt.Reports;
using Lenkevakt.Sites;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lenkevakt.Cli.Serve;

/// <summary>
/// <c>lenkevakt serve</c>: a Kestrel minimal API on 127.0.0.1 only, over the handlers of an existing Lenkevakt service
/// provider. Routes (GET and HEAD): <c>/</c> (dashboard; <c>?fylke=&amp;kind=&amp;site=</c>; an unknown site is a 404
/// page), <c>/site/{id}</c> (the address digests link to: a redirect to <c>/?site={id}</c>, kept because the pages'
/// links are relative, <c>?site=…</c> and <c>report?…</c>, so that the same HTML works under Functions' <c>/api/dashboard</c>)
/// and <c>/report?fylke=&amp;format=html|csv|json</c>. Every response
/// carries a script-free Content-Security-Policy, <c>nosniff</c> and <c>frame-ancestors 'none'</c>.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private static readonly string[] Filters = ["fylke", "kind"];

    /// <summary>Every page answers HEAD as well as GET (Kestrel sends the headers without the body).</summary>
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    private readonly WebApplication app;

    private DashboardServer(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    /// <summary>The base address, e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri Url { get; }

    public static async Task<DashboardServer> StartAsync(IServiceProvider services, int port, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("lenkevakt.serve");

        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = HtmlPage.ContentSecurityPolicy + "; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.CacheControl = "no-store";
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ArgumentException or SitesFileException && !context.Response.HasStarted)
            {
                context.Response.StatusCode = ex is ArgumentException ? StatusCodes.Status400BadRequest : StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(ex.Message, context.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !context.Response.HasStarted)
            {
                log.LogError(ex, "Request {Path} failed", context.Request.Path);
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("Intern feil: " + ex.Message, context.RequestAborted).ConfigureAwait(false);
            }
        });

        app.MapMethods("/", GetAndHead, async (HttpContext context) =>
        {
            var q = context.Request.Query;
            var page = await services.GetRequiredService<DashboardPageHandler>()
                .HandleAsync(new DashboardPageRequest(q["fylke"], q["kind"], q["site"]), context.RequestAborted).ConfigureAwait(false);
            return ToResult(page);
        });
        app.MapMethods("/site/{id}", GetAndHead, (string id, HttpContext context) =>
        {
            var q = context.Request.Query;
            var query = new StringBuilder("/?site=").Append(Uri.EscapeDataString(id));
            foreach (var name in Filters)
            {
                if (q[name].ToString() is { Length: > 0 } value)
                {
                    query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
                }
            }

            return Results.Redirect(query.ToString());
        });
        app.MapMethods("/report", GetAndHead, async (HttpContext context) =>
        {
            var q = context.Request.Query;
            var format = q["format"].ToString() is { Length: > 0 } f ? f : "html";
            var report = await services.GetRequiredService<CoverageReportHandler>()
                .HandleAsync(new CoverageReportRequest(q["fylke"], format), context.RequestAborted).ConfigureAwait(false);
            return ToResult(report);
        });

        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DashboardServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private static IResult ToResult(RenderedDocument document) => document.FileName is null
        ? Results.Text(document.Body, document.ContentType, Encoding.UTF8, document.StatusCode)
        : Results.File(Encoding.UTF8.GetBytes(document.Body), document.ContentType, document.FileName);
}
