using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Lenkevakt.Crawling;
using Lenkevakt.Sites;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lenkevakt.Tests.Checks;

/// <summary>
/// insecure-link: an http: link whose https: twin works. The twin keeps the port, so the site answers http and https on
/// one loopback port: a small front door reads the first byte of each connection (0x16 = a TLS handshake) and passes
/// it to Kestrel's https or http endpoint. The certificate is made for the test and trusted through
/// <see cref="CrawlOptions.TrustedCertificateFiles"/>.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class InsecureLinkTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Http_Link_With_A_Working_Https_Twin_Is_Reported_And_One_Without_Is_Not()
    {
        using var certificate = CreateCertificate();
        var pem = Path.Combine(Path.GetTempPath(), $"lenkevakt-test-ca-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(pem, certificate.ExportCertificatePem());
        try
        {
            await using var site = await DualSite.StartAsync(certificate);
            var https = new Uri($"https://127.0.0.1:{site.Port}/");
            var definition = SitesCatalog.ForUrl(https, new CrawlScope { AllowPrivateNetworks = true });

            await using (var services = TestServices.Create(azurite.ConnectionString, settings: new Dictionary<string, string?> { ["Lenkevakt:Crawl:TrustedCertificateFiles:0"] = pem }))
            {
                var result = await services.GetRequiredService<SiteCrawler>().CrawlAsync(definition, "r-insecure", null, CancellationToken.None);

                var insecure = Assert.Single(result.Findings, f => f.Kind == "insecure-link");
                Assert.Equal($"http://127.0.0.1:{site.Port}/begge.html", insecure.Target);
                Assert.Equal(https.AbsoluteUri, insecure.PageUrl);
                Assert.Contains($"https://127.0.0.1:{site.Port}/begge.html", insecure.Message, StringComparison.Ordinal);
                Assert.DoesNotContain(result.Findings, f => f.Target?.Contains("bare-http", StringComparison.Ordinal) == true);
                Assert.True(result.Stats.Reachable);
            }

            // Without trusting the test CA, the platform's verdict stands: the https site cannot be checked.
            await using (var services = TestServices.Create(azurite.ConnectionString))
            {
                var result = await services.GetRequiredService<SiteCrawler>().CrawlAsync(definition, "r-insecure-untrusted", null, CancellationToken.None);
                Assert.False(result.Stats.Reachable);
                Assert.DoesNotContain(result.Findings, f => f.Kind == "insecure-link");
            }
        }
        finally
        {
            File.Delete(pem);
        }
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = TimeProvider.System.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    /// <summary>Kestrel on an http and an https port, and one front port that serves both.</summary>
    private sealed class DualSite : IAsyncDisposable
    {
        private readonly WebApplication app;
        private readonly TcpListener front = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stop = new();
        private Task accepting = Task.CompletedTask;
        private int httpPort;
        private int httpsPort;

        private DualSite(WebApplication app) => this.app = app;

        public int Port => ((IPEndPoint)front.LocalEndpoint).Port;

        public static async Task<DualSite> StartAsync(X509Certificate2 certificate)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k =>
            {
                k.Listen(IPAddress.Loopback, 0);
                k.Listen(IPAddress.Loopback, 0, o => o.UseHttps(certificate));
            });
            var app = builder.Build();
            var site = new DualSite(app);
            app.Run(async ctx =>
            {
                var path = ctx.Request.Path.Value ?? "/";
                var port = site.Port;
                ctx.Response.ContentType = "text/html";
                switch (path)
                {
                    case "/":
                        await ctx.Response.WriteAsync($"""
                            <html lang="nb"><head><title>Forside</title></head><body><main>
                            <p><a href="http://127.0.0.1:{port}/begge.html">Finnes på https også</a></p>
                            <p><a href="http://127.0.0.1:{port}/bare-http.html">Bare http</a></p>
                            </main></body></html>
                            """);
                        return;
                    case "/begge.html":
                        await ctx.Response.WriteAsync("""<html lang="nb"><head><title>Begge</title></head><body><p>Side</p></body></html>""");
                        return;
                    case "/bare-http.html" when !ctx.Request.IsHttps:
                        await ctx.Response.WriteAsync("""<html lang="nb"><head><title>Bare http</title></head><body><p>Side</p></body></html>""");
                        return;
                    default:
                        ctx.Response.StatusCode = 404;
                        return;
                }
            });
            await app.StartAsync();
            foreach (var address in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses)
            {
                var uri = new Uri(address);
                if (uri.Scheme == Uri.UriSchemeHttps)
                {
                    site.httpsPort = uri.Port;
                }
                else
                {
                    site.httpPort = uri.Port;
                }
            }

            site.front.Start();
            site.accepting = site.AcceptAsync();
            return site;
        }

        private async Task AcceptAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await front.AcceptTcpClientAsync(stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(() => RelayAsync(client));
            }
        }

        private async Task RelayAsync(TcpClient client)
        {
            using (client)
            {
                var stream = client.GetStream();
                var first = new byte[1];
                if (await stream.ReadAsync(first, stop.Token) == 0)
                {
                    return;
                }

                using var backend = new TcpClient();
                await backend.ConnectAsync(IPAddress.Loopback, first[0] == 0x16 ? httpsPort : httpPort, stop.Token);
                var target = backend.GetStream();
                await target.WriteAsync(first, stop.Token);
                var up = stream.CopyToAsync(target, stop.Token);
                var down = target.CopyToAsync(stream, stop.Token);
                try
                {
                    await Task.WhenAny(up, down);
                }
                catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
                {
                    // One side closed: the relay ends.
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            front.Stop();
            await accepting;
            await app.StopAsync();
            await app.DisposeAsync();
            stop.Dispose();
        }
    }
}
