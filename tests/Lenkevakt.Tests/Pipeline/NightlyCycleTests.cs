using Azure.Data.Tables;
using Lenkevakt.Cli.Demo;
using Lenkevakt.Dashboard;
using Lenkevakt.Findings;
using Lenkevakt.Pipeline;
using Lenkevakt.Sites;
using Lenkevakt.Storage;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Pipeline;

/// <summary>The whole cycle on real Azurite against the bundled sample web served by Kestrel on loopback.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class NightlyCycleTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly string[] LinkKinds =
    [
        "broken-link", "gone-link", "server-error", "connection-error", "dns-error", "connection-refused", "tls-error", "insecure-link", "soft-404", "timeout", "redirect", "temporary-redirect", "redirect-chain", "redirect-loop",
        "fragment-missing", "file-link", "mailto-invalid", "tel-invalid", "blocked-address", "unsupported-link", "site-unreachable", "page-too-large",
    ];

    /// <summary>Every defect planted in samples/demo: (site, page path, kind, target without host).</summary>
    private static readonly (string Site, string Page, string Kind, string Target)[] Expected =
    [
        ("helsenorge-psykisk-helse", "/psykisk-helse/", "fragment-missing", "/psykisk-helse/her-far-du-hjelp/#kriselinjer"),
        ("helsenorge-psykisk-helse", "/psykisk-helse/", "gone-link", "/koronavirus/gammel-side"),
        ("helsenorge-psykisk-helse", "/psykisk-helse/", "redirect", "/psykisk-helse/isolasjon-og-ensomhet/"),
        ("kommune-9901", "/", "broken-link", "/psykisk-helse/finnes-ikke/"),
        ("kommune-9901", "/legevakt.html", "file-link", "file:///C:/Users/saksbehandler/Documents/Egenerkl%C3%A6ring.docx"),
        ("kommune-9901", "/legevakt.html", "server-error", "/tjenester/timebestilling"),
        ("kommune-9901", "/psykisk-helse.html", "broken-link", "/helse/koronavaksine.html"),
        ("kommune-9901", "/psykisk-helse.html", "mailto-invalid", "mailto:psykisk.helse@fjordvik"),
        ("kommune-9901", "/psykisk-helse.html", "redirect-chain", "/gammel/psykisk-helse"),
        ("kommune-9901", "/psykisk-helse.html", "tel-invalid", "tel:+47 57 12 3x 00"),
        ("kommune-9902", "/", "connection-refused", "/"),
        ("kommune-9902", "/", "soft-404", "/helse/psykisk-helse-gamal.html"),
        ("kommune-9901", "/helse-og-omsorg/hjemmesykepleie.html", "broken-link", "/skjema/hjemmesykepleie.pdf"),
        ("kommune-9902", "/", "redirect-loop", "/sloyfe/a"),
        ("kommune-9903", "/", "broken-link", "/tjenester/r%F8ntgen.html"),
        ("kommune-9903", "/", "broken-link", "/logo.gif"), // <img src="logo.gif"> of the old table layout: found since images are checked (issue 11)
        ("kommune-9903", "/tjenester/%C3%A5pningstider.html", "broken-link", "/finnes-ikke.html"),
    ];

    private SampleWebServer web = null!;
    private IReadOnlyList<SiteDefinition> sites = null!;

    public async Task InitializeAsync()
    {
        web = await SampleWebServer.StartAsync(TestServices.SamplesRoot(), CancellationToken.None);
        sites = DemoSites.Load(TestServices.SamplesRoot(), web.Sites);
    }

    public async Task DisposeAsync() => await web.DisposeAsync();

    [Fact]
    public async Task Cycle_OverSampleSites_RecordsExactlyThePlantedLinkDefects_AndTheDashboard()
    {
        await using var services = TestServices.Create(azurite.ConnectionString);
        var summary = await services.GetRequiredService<LocalCycle>().RunAsync(sites, CancellationToken.None);

        Assert.All(summary.Sites, s => Assert.Equal("closed", s.Status));
        Assert.Empty(summary.PoisonCounts);
        var findings = await ReadFindingsAsync(services);
        var actual = findings.Where(f => LinkKinds.Contains(f.Kind)).Select(Key).Order().ToList();
        Assert.Equal(Expected.Select(e => $"{e.Site} {e.Page} {e.Kind} {e.Target}").Order().ToList(), actual);
        Assert.All(findings, f => Assert.Equal("open", f.State));

        var dashboard = await ReadDashboardAsync(services);
        Assert.Equal(4, dashboard.Count);
        var fjordvik = dashboard.Single(d => d.SiteId == "kommune-9901");
        Assert.True(fjordvik.Reachable);
        Assert.Equal(5, fjordvik.PagesCrawled); // index, legevakt, psykisk-helse, helse-og-omsorg + hjemmesykepleie (only in sitemap.xml); /intern/ is robots-excluded
        Assert.Equal(findings.Count(f => f.SiteId == "kommune-9901"), fjordvik.OpenFindings);
        Assert.Equal(summary.RunId, fjordvik.LastRunId);
        Assert.InRange(fjordvik.HealthScore, 0, 99);
    }

    [Fact]
    public async Task SecondRun_OverUnchangedSites_ChangesNoFinding()
    {
        await using var services = TestServices.Create(azurite.ConnectionString);
        var cycle = services.GetRequiredService<LocalCycle>();
        var first = await cycle.RunAsync(sites, CancellationToken.None);
        // Ids are unique per site (the table key is site partition + id; on loopback, ports are not part of the id).
        var before = (await ReadFindingsAsync(services)).ToDictionary(f => (f.SiteId, f.RowKey));

        var notModifiedBefore = web.NotModifiedResponses;
        var second = await cycle.RunAsync(sites, CancellationToken.None);
        var after = (await ReadFindingsAsync(services)).ToDictionary(f => (f.SiteId, f.RowKey));

        // Unchanged pages were fetched conditionally (304) and their links and content results reused.
        Assert.True(web.NotModifiedResponses - notModifiedBefore >= 10, $"{web.NotModifiedResponses - notModifiedBefore} pages answered 304");

        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (id, f) in after)
        {
            Assert.Equal("open", f.State);
            Assert.Equal(before[id].FirstSeen, f.FirstSeen);
            Assert.Equal(first.RunId, f.FirstRunId);
            Assert.Equal(second.RunId, f.LastRunId);
            Assert.Equal(before[id].Message, f.Message);
        }

        Assert.All(second.Sites, s => Assert.Equal(0, s.Health!.NewFindings));
        Assert.All(second.Sites, s => Assert.Equal(0, s.Health!.ResolvedFindings));
    }

    [Fact]
    public async Task FindingsBatch_DeliveredTwice_YieldsOneFindingWithTheSameValues()
    {
        await using var services = TestServices.Create(azurite.ConnectionString);
        await services.GetRequiredService<StorageProvisioner>().EnsureAsync(CancellationToken.None);
        var handler = services.GetRequiredService<RecordFindingsHandler>();
        var finding = new Finding { Kind = "broken-link", Severity = Severity.Error, PageUrl = "https://x.example/a", Target = "https://x.example/b", StatusCode = 404, Message = "Lenken virker ikke" };
        var message = new FindingsMessage { RunId = "r1", SiteId = "site-a", RunStartedAt = DateTimeOffset.Parse("2026-11-23T01:00:00Z"), Batch = 0, Findings = [finding, finding] };

        await handler.HandleAsync(message, CancellationToken.None);
        var once = (await ReadFindingsAsync(services)).Single();
        await handler.HandleAsync(message, CancellationToken.None);
        var twice = (await ReadFindingsAsync(services)).Single();

        Assert.Equal(finding.Id, twice.RowKey);
        Assert.Equal(once.FirstSeen, twice.FirstSeen);
        Assert.Equal(once.LastSeen, twice.LastSeen);
        Assert.Equal(1, await services.GetRequiredService<RunStore>().CountBatchesAsync("r1", "site-a", CancellationToken.None));
    }

    [Fact]
    public async Task CrawlSiteMessage_DeliveredTwice_CrawlsOnce_AndRecordsEachFindingOnce()
    {
        await using var services = TestServices.Create(azurite.ConnectionString);
        var site = sites.Single(s => s.Id == "kommune-9901");
        var planner = services.GetRequiredService<PlanRunHandler>();
        var runId = await planner.PlanAsync("r-dup", DateTimeOffset.Parse("2026-11-23T01:00:00Z"), [site], "test", CancellationToken.None);
        var storage = services.GetRequiredService<StorageClients>();
        var original = (await storage.Queue(StorageNames.CrawlSite).PeekMessagesAsync(1)).Value.Single().Body.ToString();
        await storage.Queue(StorageNames.CrawlSite).SendMessageAsync(original); // the duplicate delivery

        await services.GetRequiredService<LocalCycle>().DrainAsync(CancellationToken.None);

        var findings = await ReadFindingsAsync(services);
        Assert.Equal(findings.Count, findings.Select(f => f.RowKey).Distinct().Count());
        Assert.Equal(Expected.Count(e => e.Site == "kommune-9901"), findings.Count(f => LinkKinds.Contains(f.Kind)));
        var statuses = await services.GetRequiredService<RunStore>().GetSiteStatusesAsync(runId, CancellationToken.None);
        Assert.Equal("closed", statuses["kommune-9901"]);
    }

    [Fact]
    public async Task FixedLink_IsResolved_AndComesBackAsReopened()
    {
        await using var services = TestServices.Create(azurite.ConnectionString);
        var findings = services.GetRequiredService<FindingStore>();
        await services.GetRequiredService<StorageProvisioner>().EnsureAsync(CancellationToken.None);
        var t0 = DateTimeOffset.Parse("2026-11-20T01:00:00Z");
        var a = new Finding { Kind = "broken-link", Severity = Severity.Error, PageUrl = "https://k.example/", Target = "https://k.example/a", Message = "a" };
        var b = new Finding { Kind = "broken-link", Severity = Severity.Error, PageUrl = "https://k.example/", Target = "https://k.example/b", Message = "b" };

        await findings.RecordAsync("s", "r1", t0, [a, b], CancellationToken.None);
        var first = await findings.CloseRunAsync("s", "r1", t0, reachable: true, CancellationToken.None);
        await findings.RecordAsync("s", "r2", t0.AddDays(1), [b], CancellationToken.None);
        var unreachable = await findings.CloseRunAsync("s", "r2-down", t0.AddDays(1), reachable: false, CancellationToken.None);
        var second = await findings.CloseRunAsync("s", "r2", t0.AddDays(1), reachable: true, CancellationToken.None);
        await findings.RecordAsync("s", "r3", t0.AddDays(2), [a, b], CancellationToken.None);
        var third = await findings.CloseRunAsync("s", "r3", t0.AddDays(2), reachable: true, CancellationToken.None);

        Assert.Equal(2, first.New.Count);
        Assert.Empty(unreachable.Resolved);
        Assert.Equal([a.Id], second.Resolved.Select(f => f.Id));
        Assert.Empty(second.New);
        Assert.Equal([a.Id], third.New.Select(f => f.Id));
        Assert.Equal("r3", third.New.Single().ReopenedRunId);
        Assert.Equal(t0, third.New.Single().FirstSeen);
    }

    private static string Key(FindingEntity f)
    {
        static string Path(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme.StartsWith("http", StringComparison.Ordinal) ? u.PathAndQuery + u.Fragment : url;
        var target = f.Target.Contains('#', StringComparison.Ordinal) ? Path(f.Target.Split('#')[0]) + "#" + f.Target.Split('#')[1] : Path(f.Target);
        return $"{f.SiteId} {Path(f.PageUrl)} {f.Kind} {target}";
    }

    private static async Task<List<FindingEntity>> ReadFindingsAsync(IServiceProvider services)
    {
        var storage = services.GetRequiredService<StorageClients>();
        var list = new List<FindingEntity>();
        await foreach (var f in storage.Table(storage.Names.FindingsTable).QueryAsync<FindingEntity>())
        {
            list.Add(f);
        }

        return list;
    }

    private static async Task<List<SiteHealthEntity>> ReadDashboardAsync(IServiceProvider services)
    {
        var list = new List<SiteHealthEntity>();
        await foreach (var e in services.GetRequiredService<DashboardStore>().GetLatestAsync(CancellationToken.None))
        {
            list.Add(e);
        }

        return list;
    }
}
