using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Lenkevakt.Cli.Demo;

/// <summary>
/// Serves a folder of static sites on loopback with Kestrel, one port per site (each sub-folder is a site), like a
/// small web host: <c>index.html</c> for folders, a 404 page, and per-site <c>_redirects</c> rules
/// (<c>/from /to 301</c>, <c>/gone 410</c>, <c>/broken 500</c>; <c>*</c> at the end of <c>from</c> matches a prefix).
/// A site with a <c>_soft404.html</c> answers missing paths with 200 and that page, as some CMSes do.
/// In HTML and XML files, <c>{{site:NAME}}</c> is replaced by the base URL of site NAME (no trailing slash), so the sample
/// sites can link to each other whatever ports they get; the bytes around it are kept (Latin-1 pages stay Latin-1).
/// Used by <c>lenkevakt demo</c> and by the integration tests. Binds 127.0.0.1 only.
/// </summary>
public sealed class SampleWebServer : IAsyncDisposable
{
    private readonly List<WebApplication> apps = [];
    private int notModified;

    private SampleWebServer()
    {
    }

    /// <summary>Every request served: (site, method, path). Tests use it to check that each page is fetched once.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(string Site, string Method, string Path)> RequestLog { get; } = new();

    /// <summary>How many conditional GETs were answered 304 Not Modified (files carry an ETag of their served bytes).</summary>
    public int NotModifiedResponses => Volatile.Read(ref notModified);

    /// <summary>Site name (folder) → base URL, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public IReadOnlyDictionary<string, Uri> Sites { get; private set; } = new Dictionary<string, Uri>();

    /// <summary>Sites whose preferred port was busy: (site, preferred port); they were served on a free port instead.</summary>
    public IReadOnlyList<(string Site, int PreferredPort)> PortFallbacks { get; private set; } = [];

    /// <summary>
    /// Starts one server per site folder. With <paramref name="preferredPorts"/> (site name → port), a site is served on
    /// its port when that is free, else on any free port (listed in <see cref="PortFallbacks"/>); without, on free ports.
    /// </summary>
    public static async Task<SampleWebServer> StartAsync(string root, CancellationToken ct, IReadOnlyDictionary<string, int>? preferredPorts = null)
    {
        var server = new SampleWebServer();
        var sites = new Dictionary<string, Uri>(StringComparer.Ordinal);
        var fallbacks = new List<(string, int)>();
        foreach (var dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            var preferred = preferredPorts?.GetValueOrDefault(name) ?? 0;
            var app = Build(dir, preferred, () => server.Sites, (method, path) => server.RequestLog.Enqueue((name, method, path)), server);
            try
            {
                await app.StartAsync(ct).ConfigureAwait(false);
            }
            catch (IOException) when (preferred != 0)
            {
                // The port is taken (another demo, another program): any free port. Finding ids of loopback URLs do not
                // contain the port (Finding.ComputeId), so the findings stay the same findings.
                await app.DisposeAsync().ConfigureAwait(false);
                fallbacks.Add((name, preferred));
                app = Build(dir, 0, () => server.Sites, (method, path) => server.RequestLog.Enqueue((name, method, path)), server);
                await app.StartAsync(ct).ConfigureAwait(false);
            }

            server.apps.Add(app);
            var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            sites[Path.GetFileName(dir)] = new Uri(address.TrimEnd('/') + "/");
        }

        server.Sites = sites;
        server.PortFallbacks = fallbacks;
        return server;
    }

    private static WebApplication Build(string siteRoot, int port, Func<IReadOnlyDictionary<string, Uri>> sites, Action<string, string> log, SampleWebServer server)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        var app = builder.Build();
        var rules = RedirectRule.Load(Path.Combine(siteRoot, "_redirects"));
        var files = new PhysicalFileProvider(Path.GetFullPath(siteRoot));
        var types = new FileExtensionContentTypeProvider();
        app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            log(context.Request.Method, path);
            var rule = rules.FirstOrDefault(r => r.Matches(path));
            if (rule is not null)
            {
                context.Response.StatusCode = rule.Status;
                if (rule.Status is >= 300 and < 400)
                {
                    context.Response.Headers.Location = rule.Target(path);
                    return;
                }

                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync($"<!doctype html><html lang=\"nb\"><title>{rule.Status}</title><h1>Feil {rule.Status}</h1></html>", context.RequestAborted).ConfigureAwait(false);
                return;
            }

            var relative = Uri.UnescapeDataString(path);
            if (relative.EndsWith('/'))
            {
                relative += "index.html";
            }

            var file = files.GetFileInfo(relative);
            if (file.IsDirectory || (!file.Exists && files.GetDirectoryContents(relative).Exists))
            {
                context.Response.StatusCode = 301;
                context.Response.Headers.Location = path + "/";
                return;
            }

            if (!file.Exists || Path.GetFileName(relative).StartsWith('_'))
            {
                var soft = files.GetFileInfo("_soft404.html");
                if (soft.Exists)
                {
                    // This site's CMS answers 200 with a "not found" page: a soft 404.
                    context.Response.ContentType = "text/html; charset=utf-8";
                    await using var softStream = soft.CreateReadStream();
                    await softStream.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
                    return;
                }

                context.Response.StatusCode = 404;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync("<!doctype html><html lang=\"nb\"><head><title>Fant ikke siden</title></head><body><h1>Fant ikke siden</h1></body></html>", context.RequestAborted).ConfigureAwait(false);
                return;
            }

            context.Response.ContentType = types.TryGetContentType(file.Name, out var type) ? type : "application/octet-stream";
            byte[] body;
            await using (var stream = file.CreateReadStream())
            {
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
                body = buffer.ToArray();
            }

            if (file.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || file.Name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            {
                body = ReplaceSiteTokens(body, sites());
            }

            var etag = "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body))[..16] + "\"";
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.Contains(etag))
            {
                context.Response.StatusCode = 304;
                Interlocked.Increment(ref server.notModified);
                return;
            }

            context.Response.ContentLength = body.Length;
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
            }
        });
        return app;
    }

    private static byte[] ReplaceSiteTokens(byte[] body, IReadOnlyDictionary<string, Uri> sites)
    {
        // Latin-1 maps every byte to one char and back, so the page's own encoding is untouched.
        var text = System.Text.Encoding.Latin1.GetString(body);
        if (!text.Contains("{{site:", StringComparison.Ordinal))
        {
            return body;
        }

        foreach (var (name, uri) in sites)
        {
            text = text.Replace("{{site:" + name + "}}", uri.AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal);
        }

        return System.Text.Encoding.Latin1.GetBytes(text);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in apps)
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed record RedirectRule(string From, string? To, int Status)
    {
        public bool Matches(string path) => From.EndsWith('*') ? path.StartsWith(From[..^1], StringComparison.Ordinal) : path == From;

        public string Target(string path) => To is null ? "/" : To.EndsWith('*') && From.EndsWith('*') ? To[..^1] + path[(From.Length - 1)..] : To;

        public static List<RedirectRule> Load(string file)
        {
            if (!File.Exists(file))
            {
                return [];
            }

            var rules = new List<RedirectRule>();
            foreach (var line in File.ReadAllLines(file))
            {
                var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 0 || parts[0].StartsWith('#'))
                {
                    continue;
                }

                rules.Add(parts.Length == 2
                    ? new RedirectRule(parts[0], null, int.Parse(parts[1], CultureInfo.InvariantCulture))
                    : new RedirectRule(parts[0], parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture)));
            }

            return rules;
        }
    }
}
