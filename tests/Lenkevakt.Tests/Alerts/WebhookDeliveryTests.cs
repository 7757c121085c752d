using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lenkevakt.Alerts;
using Lenkevakt.Cli.Demo;
using Lenkevakt.Findings;
using Lenkevakt.Pipeline;
using Lenkevakt.Sites;
using Lenkevakt.Storage;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Alerts;

/// <summary>The editors' webhook alerts end to end: real cycles over the sample sites on Azurite, a real receiver on loopback.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class WebhookDeliveryTests(AzuriteFixture azurite)
{
    private const string Secret = "test-secret-æøå-123";
    private const string SubscriptionId = "fjordvik-redaksjon";

    [Fact]
    public async Task Cycles_SendNewFindings_ThenTheFixedOne_ThenNothingWhenUnchanged()
    {
        using var samples = new SampleCopy();
        await using var web = await SampleWebServer.StartAsync(samples.Root, CancellationToken.None);
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        var sites = DemoSites.Load(samples.Root, web.Sites)
            .Select(s => s.Id == "kommune-9901" ? s with { Subscriptions = [new AlertSubscription { Id = SubscriptionId, WebhookUrl = receiver.Url("/signed/fjordvik"), Format = "json" }] } : s)
            .ToList();
        await using var services = TestServices.Create(azurite.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Lenkevakt:Alerts:AllowLoopbackWebhooks"] = "true",
            [$"Lenkevakt:Alerts:Secrets:{SubscriptionId}"] = Secret,
            ["Lenkevakt:Alerts:DashboardUrl"] = "https://lenkevakt.example/",
            ["Lenkevakt:Alerts:MaxItemsPerDigest"] = "50",
        });
        var cycle = services.GetRequiredService<LocalCycle>();

        // Run 1: everything is new.
        var first = await cycle.RunAsync(sites, CancellationToken.None);
        Assert.Empty(first.PoisonCounts);
        var d1 = Assert.Single(receiver.Requests);
        AssertSigned(d1);
        Assert.Equal($"{first.RunId}:kommune-9901:{SubscriptionId}", d1.DeliveryId);
        var open = await OpenAsync(services, "kommune-9901");
        var expected = open.Where(f => f.Severity is "error" or "warning").ToList();
        var json = d1.Json;
        Assert.Equal("lenkevakt.digest", json.GetProperty("type").GetString());
        Assert.Equal("kommune-9901", json.GetProperty("siteId").GetString());
        Assert.Equal(first.RunId, json.GetProperty("runId").GetString());
        Assert.Equal($"{expected.Count} nye problemer, 0 rettet", json.GetProperty("summary").GetString());
        Assert.Equal("https://lenkevakt.example/site/kommune-9901", json.GetProperty("fullListUrl").GetString());
        Assert.Equal(expected.Count, json.GetProperty("new").GetProperty("total").GetInt32());
        Assert.Equal(0, json.GetProperty("resolved").GetProperty("total").GetInt32());
        var pages = json.GetProperty("new").GetProperty("pages").EnumerateArray().ToList();
        Assert.Equal(pages.Count, pages.Select(p => p.GetProperty("url").GetString()).Distinct().Count()); // grouped by page
        var listed = pages.SelectMany(p => p.GetProperty("findings").EnumerateArray().Select(f => (Page: p.GetProperty("url").GetString(), Id: f.GetProperty("id").GetString()))).ToList();
        Assert.Equal(expected.Select(f => (f.PageUrl, f.Id)).Order(), listed.Select(l => (l.Page!, l.Id!)).Order());
        var broken = pages.SelectMany(p => p.GetProperty("findings").EnumerateArray()).Single(f => f.GetProperty("target").GetString()!.EndsWith("/psykisk-helse/finnes-ikke/", StringComparison.Ordinal));
        Assert.Equal("broken-link", broken.GetProperty("kind").GetString());
        Assert.Contains("virker ikke", broken.GetProperty("message").GetString(), StringComparison.Ordinal);

        // Run 2: the editors fixed the broken card link on the front page.
        samples.Edit("fjordvik/index.html", "{{site:helsenorge}}/psykisk-helse/finnes-ikke/", "{{site:helsenorge}}/psykisk-helse/");
        var second = await cycle.RunAsync(sites, CancellationToken.None);
        Assert.Equal(2, receiver.Requests.Count);
        var d2 = receiver.Requests.Last();
        AssertSigned(d2);
        var json2 = d2.Json;
        Assert.Equal(second.RunId, json2.GetProperty("runId").GetString());
        Assert.Equal("0 nye problemer, 1 rettet", json2.GetProperty("summary").GetString());
        var fixedPage = Assert.Single(json2.GetProperty("resolved").GetProperty("pages").EnumerateArray().ToList());
        Assert.EndsWith("/", fixedPage.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("Fjordvik kommune", fixedPage.GetProperty("title").GetString());
        var fixedFinding = Assert.Single(fixedPage.GetProperty("findings").EnumerateArray().ToList());
        Assert.Equal(broken.GetProperty("id").GetString(), fixedFinding.GetProperty("id").GetString());
        Assert.Empty(json2.GetProperty("new").GetProperty("pages").EnumerateArray());

        // Run 3: nothing changed, nothing is sent.
        var third = await cycle.RunAsync(sites, CancellationToken.None);
        Assert.Equal(2, receiver.Requests.Count);
        var log = services.GetRequiredService<AlertLogStore>();
        var entries = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var e in log.ForSiteAsync("kommune-9901", CancellationToken.None))
        {
            entries.Add(e);
        }

        Assert.Equal([$"{first.RunId}|{SubscriptionId}", $"{second.RunId}|{SubscriptionId}"], entries.Select(e => e.RowKey).Order());
        Assert.All(entries, e => Assert.Equal("delivered", e.GetString("Result")));
        Assert.DoesNotContain(entries, e => e.RowKey.StartsWith(third.RunId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SameAlertsMessage_ProcessedTwice_IsDeliveredOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        await using var services = await ServicesAsync(new() { ["Lenkevakt:Alerts:AllowLoopbackWebhooks"] = "true", [$"Lenkevakt:Alerts:Secrets:{SubscriptionId}"] = Secret });
        var body = MessageSerializer.Serialize(Message(Subscription(receiver.Url("/signed/a"))));
        var processor = services.GetRequiredService<QueueMessageProcessor>();

        Assert.Equal(ProcessOutcome.Completed, await processor.ProcessAsync(StorageNames.Alerts, body, 1, CancellationToken.None));
        Assert.Equal(ProcessOutcome.Completed, await processor.ProcessAsync(StorageNames.Alerts, body, 1, CancellationToken.None));

        var delivery = Assert.Single(receiver.Requests);
        AssertSigned(delivery);
    }

    [Fact]
    public async Task ReceiverAnswering500_IsRetried_ThenTheMessageEndsInAlertsPoisonWithItsError()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret, _ => 500);
        await using var services = await ServicesAsync(new()
        {
            ["Lenkevakt:Alerts:AllowLoopbackWebhooks"] = "true",
            [$"Lenkevakt:Alerts:Secrets:{SubscriptionId}"] = Secret,
            ["Lenkevakt:Alerts:MaxRetries"] = "1",
            ["Lenkevakt:Queues:MaxDequeueCount"] = "2",
        });
        var body = MessageSerializer.Serialize(Message(Subscription(receiver.Url("/signed/down"))));
        var processor = services.GetRequiredService<QueueMessageProcessor>();

        var error = await Assert.ThrowsAsync<WebhookDeliveryException>(() => processor.ProcessAsync(StorageNames.Alerts, body, 1, CancellationToken.None));
        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, receiver.Requests.Count); // first attempt + 1 retry inside one delivery
        var outcome = await processor.ProcessAsync(StorageNames.Alerts, body, 2, CancellationToken.None);

        Assert.Equal(ProcessOutcome.Poisoned, outcome);
        Assert.Equal(4, receiver.Requests.Count);
        Assert.All(receiver.Requests, AssertSigned);
        var envelope = await PoisonAsync(services);
        Assert.Equal(body, envelope.Message);
        Assert.Equal(2, envelope.DequeueCount);
        Assert.Contains("HTTP 500", envelope.Error, StringComparison.Ordinal);
        Assert.Contains(SubscriptionId, envelope.Error, StringComparison.Ordinal);
        await foreach (var e in services.GetRequiredService<AlertLogStore>().ForSiteAsync("kommune-9901", CancellationToken.None))
        {
            Assert.NotEqual("delivered", e.GetString("Result"));
        }
    }

    [Fact]
    public async Task SlowReceiver_PastTheAttemptTimeout_GetsABoundedNumberOfAttempts_AllWithOneDeliveryId()
    {
        // Answers 200, but only after 2 s: past the 1 s attempt timeout, so every attempt looks failed to the sender.
        await using var receiver = await WebhookReceiver.StartAsync(Secret, delay: _ => TimeSpan.FromSeconds(2));
        await using var services = await ServicesAsync(new()
        {
            ["Lenkevakt:Alerts:AllowLoopbackWebhooks"] = "true",
            [$"Lenkevakt:Alerts:Secrets:{SubscriptionId}"] = Secret,
            ["Lenkevakt:Alerts:AttemptTimeout"] = "00:00:01",
            ["Lenkevakt:Alerts:MaxRetries"] = "2",
            ["Lenkevakt:Alerts:MaxAttemptsPerDigest"] = "4",
            ["Lenkevakt:Queues:MaxDequeueCount"] = "10",
        });
        var body = MessageSerializer.Serialize(Message(Subscription(receiver.Url("/signed/slow"))));
        var processor = services.GetRequiredService<QueueMessageProcessor>();

        // Deliveries of the queue message until it is settled: before the bound, 19 attempts reached the receiver.
        var outcomes = new List<ProcessOutcome>();
        for (var delivery = 1; delivery <= 10 && !outcomes.Contains(ProcessOutcome.Poisoned); delivery++)
        {
            try
            {
                outcomes.Add(await processor.ProcessAsync(StorageNames.Alerts, body, delivery, CancellationToken.None));
            }
            catch (WebhookDeliveryException)
            {
            }
        }

        Assert.Contains(ProcessOutcome.Poisoned, outcomes);
        Assert.Equal(4, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.DeliveryId).Distinct());
        Assert.Contains("4 attempts", (await PoisonAsync(services)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlappingReceiver_DownSlowFailingThenOk_IsDeliveredOnce_WithOneDeliveryId()
    {
        // 503, slow (past the timeout), 500, then 200; the digest is acknowledged once and never sent after that.
        await using var receiver = await WebhookReceiver.StartAsync(Secret, status: n => n switch { 1 => 503, 3 => 500, _ => 200 }, delay: n => n == 2 ? TimeSpan.FromSeconds(2) : TimeSpan.Zero);
        await using var services = await ServicesAsync(new()
        {
            ["Lenkevakt:Alerts:AllowLoopbackWebhooks"] = "true",
            [$"Lenkevakt:Alerts:Secrets:{SubscriptionId}"] = Secret,
            ["Lenkevakt:Alerts:AttemptTimeout"] = "00:00:01",
            ["Lenkevakt:Alerts:MaxRetries"] = "1",
        });
        var body = MessageSerializer.Serialize(Message(Subscription(receiver.Url("/signed/flap"))));
        var processor = services.GetRequiredService<QueueMessageProcessor>();

        await Assert.ThrowsAsync<WebhookDeliveryException>(() => processor.ProcessAsync(StorageNames.Alerts, body, 1, CancellationToken.None));
        Assert.Equal(ProcessOutcome.Completed, await processor.ProcessAsync(StorageNames.Alerts, body, 2, CancellationToken.None));
        Assert.Equal(ProcessOutcome.Completed, await processor.ProcessAsync(StorageNames.Alerts, body, 3, CancellationToken.None));

        Assert.Equal(4, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.DeliveryId).Distinct());
        var logged = new List<string?>();
        await foreach (var e in services.GetRequiredService<AlertLogStore>().ForSiteAsync("kommune-9903", CancellationToken.None))
        {
            logged.Add($"{e.GetString("Result")} {e.GetInt32("Attempts")}");
        }

        Assert.Equal(["delivered 4"], logged);
    }

    [Theory]
    [InlineData("false", "http://127.0.0.1:9/hook")]
    [InlineData("true", "http://lenkevakt-receiver.example/hook")]
    public async Task PlainHttpWebhook_IsRefused_UnlessLoopbackIsAllowedAndUsed(string allowLoopback, string url)
    {
        await using var services = await ServicesAsync(new() { ["Lenkevakt:Alerts:AllowLoopbackWebhooks"] = allowLoopback, [$"Lenkevakt:Alerts:Secrets:{SubscriptionId}"] = Secret });
        var body = MessageSerializer.Serialize(Message(Subscription(new Uri(url))));

        var outcome = await services.GetRequiredService<QueueMessageProcessor>().ProcessAsync(StorageNames.Alerts, body, 1, CancellationToken.None);

        Assert.Equal(ProcessOutcome.Poisoned, outcome);
        var envelope = await PoisonAsync(services);
        Assert.Contains("not https", envelope.Error, StringComparison.Ordinal);
        Assert.Equal(1, envelope.DequeueCount);
    }

    [Fact]
    public async Task OneMisconfiguredSubscription_DoesNotStopTheOthers()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        await using var services = await ServicesAsync(new() { ["Lenkevakt:Alerts:AllowLoopbackWebhooks"] = "true", ["Lenkevakt:Alerts:Secrets:good"] = Secret });
        var message = Message(
            Subscription(new Uri("http://lenkevakt-receiver.example/hook")) with { Id = "plain-http" },
            Subscription(receiver.Url("/signed/no-secret")) with { Id = "no-secret" },
            Subscription(receiver.Url("/signed/good")) with { Id = "good" });

        var outcome = await services.GetRequiredService<QueueMessageProcessor>().ProcessAsync(StorageNames.Alerts, MessageSerializer.Serialize(message), 1, CancellationToken.None);

        var delivered = Assert.Single(receiver.Requests);
        Assert.Equal("/signed/good", delivered.Path);
        AssertSigned(delivered);
        Assert.Equal(ProcessOutcome.Poisoned, outcome); // both failures are configuration errors: retrying cannot help
        var envelope = await PoisonAsync(services);
        Assert.Contains("plain-http", envelope.Error, StringComparison.Ordinal);
        Assert.Contains("no-secret", envelope.Error, StringComparison.Ordinal);
        Assert.Contains("Lenkevakt:Alerts:Secrets:no-secret", envelope.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsAndSlack_AreDeliveredUnsigned_AsWellFormedPayloads()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        await using var services = await ServicesAsync(new() { ["Lenkevakt:Alerts:AllowLoopbackWebhooks"] = "true" });
        var message = Message(
            Subscription(receiver.Url("/teams")) with { Id = "teams", Format = "teams" },
            Subscription(receiver.Url("/slack")) with { Id = "slack", Format = "slack" });

        Assert.Equal(ProcessOutcome.Completed, await services.GetRequiredService<QueueMessageProcessor>().ProcessAsync(StorageNames.Alerts, MessageSerializer.Serialize(message), 1, CancellationToken.None));

        Assert.Equal(2, receiver.Requests.Count);
        Assert.All(receiver.Requests, r =>
        {
            Assert.Null(r.Signature);
            Assert.StartsWith("application/json", r.ContentType, StringComparison.Ordinal);
        });
        DigestPayloadTests.AssertTeamsCard(receiver.Requests.Single(r => r.Path == "/teams").Json);
        DigestPayloadTests.AssertSlackBlocks(receiver.Requests.Single(r => r.Path == "/slack").Json);
    }

    private static void AssertSigned(WebhookReceiver.Delivery d)
    {
        Assert.True(d.SignatureValid, "the receiver could not verify the signature");
        Assert.StartsWith("application/json", d.ContentType, StringComparison.Ordinal);

        // Independently of WebhookSigner: HMAC-SHA256 over "{timestamp}.{body}", hex, "sha256=" prefix.
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(d.Timestamp + "." + d.Body));
        Assert.Equal("sha256=" + Convert.ToHexStringLower(mac), d.Signature);
    }

    private async Task<ServiceProvider> ServicesAsync(Dictionary<string, string?> settings)
    {
        var services = TestServices.Create(azurite.ConnectionString, settings: settings);
        await services.GetRequiredService<StorageProvisioner>().EnsureAsync(CancellationToken.None);
        return services;
    }

    internal static AlertSubscription Subscription(Uri url) => new() { Id = SubscriptionId, WebhookUrl = url, Format = "json", MinSeverity = "warning" };

    /// <summary>An alerts message for Sjøbygd with crawled text that tries to break out of every format.</summary>
    internal static AlertsMessage Message(params AlertSubscription[] subscriptions) => new()
    {
        RunId = "r20261123T020000Z-test",
        SiteId = "kommune-9903",
        Site = new SiteDefinition { Id = "kommune-9903", Name = "Sjøbygd kommune", Kind = SiteKind.Municipality, StartUrls = [new Uri("https://sjobygd.example/")], Subscriptions = subscriptions },
        New = [.. DigestPayloadTests.HostileItems],
        Resolved = [new AlertItem("r1", "redirect", "warning", "https://sjobygd.example/", "Forside", "https://sjobygd.example/gammel", "Lenken er flyttet", "301")],
        NewTotal = DigestPayloadTests.HostileItems.Count,
        ResolvedTotal = 1,
    };

    private static async Task<List<StoredFinding>> OpenAsync(IServiceProvider services, string siteId)
    {
        var list = new List<StoredFinding>();
        await foreach (var f in services.GetRequiredService<FindingStore>().QueryOpenAsync(siteId, CancellationToken.None))
        {
            list.Add(f);
        }

        return list;
    }

    private static async Task<PoisonEnvelope> PoisonAsync(IServiceProvider services)
    {
        var storage = services.GetRequiredService<StorageClients>();
        var only = Assert.Single((await storage.PoisonQueue(StorageNames.Alerts).PeekMessagesAsync(10)).Value);
        return JsonSerializer.Deserialize<PoisonEnvelope>(only.Body.ToString(), MessageSerializer.Options)!;
    }
}
