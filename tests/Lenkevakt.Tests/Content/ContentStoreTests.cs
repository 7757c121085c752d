using Lenkevakt.Cli.Hosting;
using Lenkevakt.Content;
using Lenkevakt.Content.Persistence;
using Lenkevakt.Content.Rules;
using Lenkevakt.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace Lenkevakt.Tests.Content;

/// <summary>Stores content results in the real storage emulator (Azurite, in memory, own ports) and reads them back as export rows.</summary>
[Trait("Category", "Integration")]
public sealed class ContentStoreTests : IAsyncLifetime
{
    private readonly string location = Path.Combine(Path.GetTempPath(), "lenkevakt-content-tests", Guid.NewGuid().ToString("N"));
    private AzuriteProcess? azurite;
    private StorageClients? clients;

    public async Task InitializeAsync()
    {
        // AzuriteLauncher passes --location, which Azurite refuses together with --inMemoryPersistence: use a throw-away folder.
        azurite = await AzuriteLauncher.StartAsync(0, 0, 0, location, inMemory: false, NullLogger.Instance, CancellationToken.None);
        clients = new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, NamePrefix = "ct" }));
    }

    public async Task DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }

        try
        {
            Directory.Delete(location, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static PageContentResult Page(string url, string evidence = "«ring 116 117»", string siteId = "kommune-test") => new()
    {
        SiteId = siteId,
        Url = url,
        Title = "Legevakt",
        DeclaredLang = "nb",
        DetectedLang = "nb",
        LangConfidence = 0.93,
        Words = 120,
        IsHelpPage = true,
        HelpScore = 21.5,
        HelpReasons = ["url: legevakt", "nummer: 116 117"],
        Lix = 38.2,
        Rules =
        [
            new RuleResult("legevakt-116117", RuleOutcome.Met, evidence, "hovedinnhold (avsnitt)"),
            new RuleResult("e-post", RuleOutcome.NotMet, Missing: "Siden oppgir ikke en e-postadresse til tjenesten."),
        ],
        Alternates = [new AlternateLink("en", "/en/", "https://www.test.kommune.no/en/")],
        LanguageOffers = [new LanguageOffer("en", "hreflang", "<link …>", url)],
    };

    private static SiteContentResult Site(string runId) => new()
    {
        SiteId = "kommune-test",
        SiteName = "Test kommune",
        SiteKind = "municipality",
        RunId = runId,
        RuleSet = "required-fields@1.0.0",
        CheckedAt = new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero),
        Pages = 2,
        HelpPages = 2,
        MedianLix = 38.2,
        Rules = [new RuleResult("legevakt-116117", RuleOutcome.Met, "«ring 116 117»", "hovedinnhold", PageUrl: "https://www.test.kommune.no/legevakt/"), new RuleResult("nodnummer-113", RuleOutcome.NotMet, Missing: "Fant ikke 113.")],
        LanguagesOffered = [new LanguageOffer("en", "hreflang", "<link …>", "https://www.test.kommune.no/legevakt/")],
        PageRules = [new PageRuleSummary("e-post", 0, 2)],
    };

    [Fact]
    public async Task Saves_Latest_Run_And_Reads_Export_Rows()
    {
        var store = new StorageContentResultStore(clients!);
        var export = new ContentExport(clients!);
        var a = Page("https://www.test.kommune.no/legevakt/");
        var b = Page("https://www.test.kommune.no/fastlege/", evidence: new string('x', 100_000));

        await store.SaveAsync(Site("run-1"), [a, b], CancellationToken.None);
        await store.SaveAsync(Site("run-1"), [a, b], CancellationToken.None); // idempotent

        var rows = new List<PageExportRow>();
        await foreach (var row in export.ReadPagesAsync("kommune-test", CancellationToken.None))
        {
            rows.Add(row);
        }

        Assert.Equal(2, rows.Count);
        var legevakt = rows.Single(r => r.Url == a.Url);
        Assert.Equal(("nb", "nb", true, 38.2), (legevakt.DeclaredLang, legevakt.DetectedLang, legevakt.IsHelpPage, legevakt.Lix));
        Assert.Equal(RuleOutcome.Met, legevakt.Rules.Single(r => r.RuleId == "legevakt-116117").Outcome);
        Assert.Equal("«ring 116 117»", legevakt.Rules.Single(r => r.RuleId == "legevakt-116117").Evidence);
        Assert.Equal(["url: legevakt", "nummer: 116 117"], legevakt.HelpReasons);
        Assert.Contains(new KeyValuePair<string, string>("rule:e-post", "not-met"), legevakt.ToColumns());
        var truncated = rows.Single(r => r.Url == b.Url).Rules.Single(r => r.RuleId == "legevakt-116117").Evidence!;
        Assert.True(truncated.Length <= 300, $"evidence kept {truncated.Length} chars");

        // The next run saw one page only: the other row goes.
        await store.SaveAsync(Site("run-2"), [a], CancellationToken.None);
        rows.Clear();
        await foreach (var row in export.ReadPagesAsync(null, CancellationToken.None))
        {
            rows.Add(row);
        }

        Assert.Equal([a.Url], rows.Select(r => r.Url));
        Assert.Equal("run-2", rows[0].RunId);

        var sites = new List<SiteExportRow>();
        await foreach (var s in export.ReadSitesAsync(CancellationToken.None))
        {
            sites.Add(s);
        }

        var site = Assert.Single(sites);
        Assert.Equal(("kommune-test", "run-2", 38.2), (site.SiteId, site.RunId, site.MedianLix));
        Assert.Equal(["en"], site.LanguagesOffered);
        Assert.Contains("pl", site.PriorityLanguagesMissing);
        Assert.Equal("https://www.test.kommune.no/legevakt/", site.Rules.Single(r => r.RuleId == "legevakt-116117").PageUrl);
        Assert.Contains(new KeyValuePair<string, string>("lang:en", "yes"), site.ToColumns());
        Assert.Contains(new KeyValuePair<string, string>("rule:nodnummer-113", "not-met"), site.ToColumns());
    }

    [Fact]
    public async Task Pages_Of_A_New_Run_Replace_The_Previous_Runs_Pages()
    {
        var store = new StorageContentResultStore(clients!);
        var export = new ContentExport(clients!);
        var old = Page("https://www.test.kommune.no/gammel/");
        await store.SaveAsync(Site("run-1"), [old], CancellationToken.None);

        var early = Enumerable.Range(0, 130).Select(i => Page($"https://www.test.kommune.no/side-{i}/")).ToList();
        var late = Page("https://www.test.kommune.no/legevakt/");
        await store.SaveAsync(Site("run-2"), [.. early, late], CancellationToken.None);

        var rows = new List<PageExportRow>();
        await foreach (var row in export.ReadPagesAsync("kommune-test", CancellationToken.None))
        {
            rows.Add(row);
        }

        Assert.Equal(early.Select(p => p.Url).Append(late.Url).Order(StringComparer.Ordinal), rows.Select(r => r.Url).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(("run-2", "kommune-test"), (r.RunId, r.SiteId)));
        Assert.All(rows, r => Assert.Equal(RuleOutcome.Met, r.Rules.Single(x => x.RuleId == "legevakt-116117").Outcome));
    }

    [Fact]
    public async Task PageResults_AreOneBlobPerSite_AndNoTableRows()
    {
        var store = new StorageContentResultStore(clients!);
        var pages = Enumerable.Range(0, 40).Select(i => Page($"https://www.test.kommune.no/side-{i:00}/")).ToList();
        await store.SaveAsync(Site("run-1"), pages, CancellationToken.None);

        var blobs = new List<string>();
        await foreach (var item in clients!.ContentPagesContainer.GetBlobsAsync())
        {
            blobs.Add(item.Name);
        }

        Assert.Equal(["kommune-test.jsonl.gz"], blobs);
        Assert.False(await TableExistsAsync(clients.Names.PagesTable), "the page rows table is no longer created");
    }

    [Fact]
    public async Task OldPagesTableRows_AreReadUntilTheSiteIsSavedAgain_ThenRemoved()
    {
        // A storage account written by a version before the page results became blobs: rows in the Pages table.
        var legacy = clients!.Table(clients.Names.PagesTable);
        await legacy.CreateIfNotExistsAsync();
        var old = Page("https://www.test.kommune.no/gammel/");
        await legacy.UpsertEntityAsync(StorageContentResultStore.ToEntity(old, "run-0", "required-fields@1.0.0", new DateTimeOffset(2026, 2, 1, 2, 0, 0, TimeSpan.Zero)));
        var other = Page("https://www.annen.kommune.no/legevakt/", siteId: "kommune-annen");
        await legacy.UpsertEntityAsync(StorageContentResultStore.ToEntity(other, "run-0", "required-fields@1.0.0", new DateTimeOffset(2026, 2, 1, 2, 0, 0, TimeSpan.Zero)));
        var export = new ContentExport(clients);

        var before = await ReadAsync(export, null);
        Assert.Equal([(other.Url, "run-0"), (old.Url, "run-0")], before.Select(r => (r.Url, r.RunId)).OrderBy(r => r.Url, StringComparer.Ordinal));

        var store = new StorageContentResultStore(clients);
        var fresh = Page("https://www.test.kommune.no/legevakt/");
        await store.SaveAsync(Site("run-1"), [fresh], CancellationToken.None);

        Assert.Equal([fresh.Url], (await ReadAsync(export, "kommune-test")).Select(r => r.Url));
        var all = await ReadAsync(export, null);
        Assert.Equal([(fresh.Url, "run-1"), (other.Url, "run-0")], all.Select(r => (r.Url, r.RunId)));
        var left = new List<string>();
        await foreach (var row in legacy.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            left.Add(row.GetString("Url"));
        }

        Assert.Equal([other.Url], left);
    }

    [Fact]
    public void StoredPageResults_ReadBack_AsTheSameExportRows()
    {
        var rows = new[] { "https://www.test.kommune.no/a/", "https://www.test.kommune.no/b/" }
            .Select(u => ContentExport.ToPageRow(StorageContentResultStore.ToEntity(Page(u), Site("run-1"))))
            .ToList();

        using var stream = PageResultsJson.Write(rows).ToStream();
        var back = PageResultsJson.ReadAsync(stream, CancellationToken.None).ToBlockingEnumerable().ToList();

        Assert.Equal(rows.Select(r => r.ToColumns().ToList()), back.Select(r => r.ToColumns().ToList()));
        Assert.Equal(rows.Select(r => r.Rules.Select(x => (x.RuleId, x.Outcome, x.Evidence, x.Where))), back.Select(r => r.Rules.Select(x => (x.RuleId, x.Outcome, x.Evidence, x.Where))));
        Assert.Equal(rows.Select(r => r.CheckedAt), back.Select(r => r.CheckedAt));
    }

    private static async Task<List<PageExportRow>> ReadAsync(ContentExport export, string? siteId)
    {
        var rows = new List<PageExportRow>();
        await foreach (var row in export.ReadPagesAsync(siteId, CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }

    private async Task<bool> TableExistsAsync(string name)
    {
        await foreach (var _ in clients!.TableService.QueryAsync(t => t.Name == name))
        {
            return true;
        }

        return false;
    }

    [Fact]
    public async Task Export_Of_Missing_Tables_Is_Empty()
    {
        var export = new ContentExport(new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite!.ConnectionString, NamePrefix = "empty" })));
        await foreach (var _ in export.ReadPagesAsync(null, CancellationToken.None))
        {
            Assert.Fail("expected no rows");
        }

        await foreach (var _ in export.ReadSitesAsync(CancellationToken.None))
        {
            Assert.Fail("expected no rows");
        }
    }
}
