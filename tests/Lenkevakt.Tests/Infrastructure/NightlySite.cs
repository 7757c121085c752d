using Microsoft.AspNetCore.Http;

namespace Lenkevakt.Tests.Infrastructure;

/// <summary>
/// A small loopback site whose defects the test changes between nights: a start page linking to <c>/side-001.html</c> …,
/// and on each page in <see cref="Broken"/> one link to <c>/brutt-N</c> (404). Everything else answers 404 (robots.txt,
/// sitemap.xml). Each page waits <c>delay</c> before it answers, so a crawl can be interrupted half-way.
/// </summary>
public sealed class NightlySite : IAsyncDisposable
{
    private readonly LoopbackServer server;
    private int pageRequests;

    private NightlySite(LoopbackServer server) => this.server = server;

    public Uri BaseUri => server.BaseUri;

    /// <summary>The pages (1-based) that carry a broken link tonight.</summary>
    public IReadOnlySet<int> Broken { get; set; } = new HashSet<int>();

    /// <summary>GETs of the start page and the topic pages so far.</summary>
    public int PageRequests => Volatile.Read(ref pageRequests);

    public static async Task<NightlySite> StartAsync(int pages, TimeSpan? delay = null)
    {
        NightlySite? site = null;
        var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            var path = ctx.Request.Path.Value ?? "/";
            var page = path.StartsWith("/side-", StringComparison.Ordinal) && path.EndsWith(".html", StringComparison.Ordinal)
                && int.TryParse(path["/side-".Length..^".html".Length], System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= pages ? n : (int?)null;
            if (path != "/" && page is null)
            {
                ctx.Response.StatusCode = 404;
                return;
            }

            if (HttpMethods.IsGet(ctx.Request.Method))
            {
                Interlocked.Increment(ref site!.pageRequests);
            }

            if (delay is { } wait)
            {
                await Task.Delay(wait, CancellationToken.None);
            }

            var body = page is { } p
                ? $"<p>Informasjon om tema {p}.</p>" + (site!.Broken.Contains(p) ? $"<a href=\"/brutt-{p}\">Skjema {p}</a>" : "")
                : string.Concat(Enumerable.Range(1, pages).Select(i => $"<a href=\"/side-{i:D3}.html\">Tema {i}</a> "));
            ctx.Response.ContentType = "text/html; charset=utf-8";
            await ctx.Response.WriteAsync($"<!doctype html><html lang=\"nb\"><head><title>Tema {page}</title></head><body>{body}</body></html>");
        });
        site = new NightlySite(server);
        return site;
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
