using System.Diagnostics;
using Lenkevakt.Checks;
using Lenkevakt.Crawling;
using Lenkevakt.Findings;
using Lenkevakt.Sites;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Crawling;

/// <summary>Issue 11: the verdicts the established checkers agree with, each on its own loopback site.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class LinkVerdictCrawlTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TextFragment_IsNeverFragmentMissing_ButTheIdBeforeItIsChecked()
    {
        var findings = await CrawlAsync(
            """<p id="legevakt">Legevakt</p><a href="#:~:text=Legevakt">a</a><a href="/side.html#:~:text=ikke%20her">b</a><a href="/side.html#finnes:~:text=x">c</a><a href="/side.html#mangler:~:text=x">d</a>""",
            extra: ("/side.html", """<html lang="nb"><title>Side</title><body><h2 id="finnes">Finnes</h2></body></html>"""));

        var finding = Assert.Single(findings);
        Assert.Equal(FindingKind.FragmentMissing.Name, finding.Kind);
        Assert.EndsWith("/side.html#mangler:~:text=x", finding.Target, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Always429_IsARateLimitedWarning_NotBroken_AndRetriedLaterInTheRun()
    {
        var hits = 0;
        var findings = await CrawlAsync("""<a href="/travel">Travel</a>""", handler: ctx =>
        {
            if (ctx.Request.Path == "/travel")
            {
                Interlocked.Increment(ref hits);
                ctx.Response.StatusCode = 429;
                ctx.Response.Headers.RetryAfter = "0";
                return true;
            }

            return false;
        });

        var finding = Assert.Single(findings);
        Assert.Equal(FindingKind.RateLimited.Name, finding.Kind);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("begrenser antall forespørsler", finding.Message, StringComparison.Ordinal);
        Assert.True(hits >= 3, $"checked once and re-checked later in the run ({hits} requests)");
    }

    [Fact]
    public async Task Once429_WithRetryAfter_IsHonoured_AndTheLinkIsFine()
    {
        var times = new List<long>();
        var findings = await CrawlAsync("""<a href="/travel">Travel</a>""", handler: ctx =>
        {
            if (ctx.Request.Path == "/travel")
            {
                lock (times)
                {
                    times.Add(Stopwatch.GetTimestamp());
                    if (times.Count == 1)
                    {
                        ctx.Response.StatusCode = 429;
                        ctx.Response.Headers.RetryAfter = "1";
                    }
                }

                return true;
            }

            return false;
        });

        Assert.Empty(findings);
        Assert.True(times.Count >= 2);
        Assert.True(Stopwatch.GetElapsedTime(times[0], times[1]) >= TimeSpan.FromMilliseconds(900), "the retry waits for Retry-After");
    }

    [Theory]
    [InlineData(302)]
    [InlineData(301)]
    [InlineData(307)]
    [InlineData(304)]
    public async Task RedirectWithoutLocation_IsRedirectWithoutTarget(int code)
    {
        var findings = await CrawlAsync("""<a href="/flyttet">Flyttet</a>""", handler: ctx =>
        {
            if (ctx.Request.Path == "/flyttet")
            {
                ctx.Response.StatusCode = code;
                return true;
            }

            return false;
        });

        var finding = Assert.Single(findings);
        Assert.Equal(FindingKind.RedirectWithoutTarget.Name, finding.Kind);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(code, finding.StatusCode);
    }

    [Fact]
    public async Task MalformedUrls_AreMalformedLinkErrors_OtherSchemesStayUnsupported()
    {
        var findings = await CrawlAsync("""<a href="//////">a</a><a href="http://localhost]">b</a><a href="http://.example.org/">c</a><a href="http://host:____/">d</a><img src="http://[::1">""" +
            """<a href="ftp://ftp.fjordvik.no/fil.txt">ftp</a>""");

        Assert.Equal(
            ["//////", "http://.example.org/", "http://[::1", "http://host:____/", "http://localhost]"],
            findings.Where(f => f.Kind == FindingKind.MalformedLink.Name).Select(f => f.Target).Order(StringComparer.Ordinal));
        Assert.All(findings.Where(f => f.Kind == FindingKind.MalformedLink.Name), f => Assert.Equal(Severity.Error, f.Severity));
        Assert.Single(findings, f => f.Kind == FindingKind.UnsupportedLink.Name);
        Assert.Equal(6, findings.Count);
    }

    [Fact]
    public async Task RedirectToFtp_IsAnError()
    {
        var findings = await CrawlAsync("""<a href="/til-ftp">Fil</a>""", handler: ctx =>
        {
            if (ctx.Request.Path == "/til-ftp")
            {
                ctx.Response.StatusCode = 302;
                ctx.Response.Headers.Location = "ftp://ftp.fjordvik.no/fil.txt";
                return true;
            }

            return false;
        });

        var finding = Assert.Single(findings);
        Assert.Equal(FindingKind.RedirectInvalid.Name, finding.Kind);
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Fact]
    public async Task MailtoAndTel_FollowTheRfcs_OnAPage()
    {
        var findings = await CrawlAsync("""
            <a href="mailto:post@fjordvik.no?subject=Hei&amp;cc=leder@fjordvik.no">ok</a>
            <a href="mailto:a.@fjordvik.no">prikk</a>
            <a href="mailto:post@fjord_vik.no">understrek</a>
            <a href="tel:+47-57-12-34-00;ext=12">ok</a>
            <a href="tel:57123400,,2">ok</a>
            <a href="tel:57123400w3">ok</a>
            <a href="tel:5712">kort</a>
            """);

        Assert.Equal(["mailto:a.@fjordvik.no", "mailto:post@fjord_vik.no"], findings.Where(f => f.Kind == FindingKind.MailtoInvalid.Name).Select(f => f.Target).Order(StringComparer.Ordinal));
        Assert.Equal("tel:5712", Assert.Single(findings, f => f.Kind == FindingKind.TelInvalid.Name).Target);
        Assert.Equal(3, findings.Count);
    }

    [Fact]
    public async Task ExternalFragments_AreCheckedOnlyWhenAskedFor()
    {
        await using var external = await LoopbackServer.StartAsync((ctx, _) =>
        {
            ctx.Response.ContentType = "text/html";
            return ctx.Response.WriteAsync("""<html lang="nb"><title>Ekstern</title><body><h2 id="finnes">Finnes</h2></body></html>""");
        });
        var links = $"""<a href="{external.BaseUri}side#finnes">a</a><a href="{external.BaseUri}side#mangler">b</a><a href="{external.BaseUri}side#:~:text=Finnes">c</a>""";

        Assert.Empty(await CrawlAsync(links));
        var requestsWhenOff = external.Requests;
        var findings = await CrawlAsync(links, settings: new Dictionary<string, string?> { ["Lenkevakt:Crawl:CheckExternalFragments"] = "true" });

        var finding = Assert.Single(findings);
        Assert.Equal(FindingKind.FragmentMissing.Name, finding.Kind);
        Assert.EndsWith("/side#mangler", finding.Target, StringComparison.Ordinal);
        Assert.Equal("external", finding.Scope);
        Assert.Equal(requestsWhenOff + 2, external.Requests); // HEAD for the status, one GET for the anchors
    }

    [Fact]
    public async Task LinkChecker_CancelledFirstCaller_DoesNotPoisonTheUrlForOthers()
    {
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            await Task.Delay(300);
            await ctx.Response.WriteAsync("ok");
        });
        await using var services = TestServices.Create(azurite.ConnectionString);
        await services.GetRequiredService<Lenkevakt.Storage.StorageProvisioner>().EnsureAsync(CancellationToken.None);
        var checker = services.GetRequiredService<LinkChecker>();
        var url = new Uri(server.BaseUri, "treg").AbsoluteUri;
        using var cancel = new CancellationTokenSource();

        var first = checker.CheckAsync("r-avbrutt", url, AddressPolicy.AllowingPrivate([]), cancel.Token, external: true);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        var second = await checker.CheckAsync("r-avbrutt", url, AddressPolicy.AllowingPrivate([]), CancellationToken.None, external: true);

        Assert.Equal(LinkState.Ok, second.State);
        Assert.Equal(1, server.Requests);
    }

    internal async Task<IReadOnlyList<Finding>> CrawlAsync(
        string body, Func<HttpContext, bool>? handler = null, (string Path, string Html)? extra = null, IDictionary<string, string?>? settings = null)
    {
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            if (handler?.Invoke(ctx) == true)
            {
                return;
            }

            var path = ctx.Request.Path.Value!;
            if (path == "/" || path == extra?.Path)
            {
                ctx.Response.ContentType = "text/html";
                await ctx.Response.WriteAsync(path == "/" ? $"<!doctype html><html lang=\"nb\"><head><title>Forside</title></head><body>{body}</body></html>" : extra!.Value.Html);
                return;
            }

            ctx.Response.StatusCode = 404;
        });
        await using var services = TestServices.Create(azurite.ConnectionString, settings: settings);
        var site = SitesCatalog.ForUrl(server.BaseUri, new CrawlScope { AllowPrivateNetworks = true, MaxPages = 5 });

        var result = await services.GetRequiredService<SiteCrawler>().CrawlAsync(site, "r-" + Guid.NewGuid().ToString("N")[..8], null, CancellationToken.None);
        return CrawlFindings.Only(result.Findings);
    }
}
