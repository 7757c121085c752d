using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Lenkevakt.Crawling;
using Lenkevakt.Dashboard;
using Lenkevakt.Findings;
using Lenkevakt.Functions.Tests.Infrastructure;
using Lenkevakt.Pipeline;
using Lenkevakt.Sites;
using Lenkevakt.Storage;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Lenkevakt.Functions.Tests;

/// <summary>
/// Each function invoked the way the host invokes it — an instance from the worker's activator, a real message
/// received from Azurite (its body and dequeue count), a FunctionContext — against loopback sites. The app uses the
/// unprefixed queue names, so every test starts from empty queues (the tests of this collection run one at a time).
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class FunctionInvocationTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public static TheoryData<string> QueueNames => new(StorageNames.PipelineQueues);

    [Fact]
    public async Task CrawlSiteMessage_CrawlsTheLoopbackSite_AndEachStageFunctionHandlesTheNext()
    {
        var hooks = new ConcurrentQueue<string>();
        await using var site = await LoopbackServer.StartAsync(SiteAsync);
        await using var receiver = await LoopbackServer.StartAsync(async (context, _) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            hooks.Enqueue(await reader.ReadToEndAsync());
            context.Response.StatusCode = 200;
        });
        var definition = Site(site.BaseUri, new AlertSubscription { Id = "redaksjonen", WebhookUrl = new Uri(receiver.BaseUri, "hook"), Format = "slack" });
        using var host = await StartAsync(services => services.Replace(ServiceDescriptor.Singleton<ISiteCatalog>(new FixedSiteCatalog([definition]))));
        var storage = host.Services.GetRequiredService<StorageClients>();
        var runId = await host.Services.GetRequiredService<PlanRunHandler>().PlanAsync("r-functions", DateTimeOffset.Parse("2026-12-01T01:00:00Z"), [definition], "test", CancellationToken.None);

        await InvokeAsync<CrawlSite>(host, StorageNames.CrawlSite, (f, m, c) => f.RunAsync(m, c));
        var findingMessages = 0;
        while (await TryInvokeAsync<RecordFindings>(host, StorageNames.Findings, (f, m, c) => f.RunAsync(m, c)))
        {
            findingMessages++;
        }

        await InvokeAsync<CloseSiteRun>(host, StorageNames.SiteCrawled, (f, m, c) => f.RunAsync(m, c));
        await InvokeAsync<SendAlerts>(host, StorageNames.Alerts, (f, m, c) => f.RunAsync(m, c));

        Assert.True(findingMessages >= 1);
        var findings = new List<StoredFinding>();
        await foreach (var f in host.Services.GetRequiredService<FindingStore>().QueryOpenAsync(null, CancellationToken.None))
        {
            findings.Add(f);
        }

        var broken = Assert.Single(findings, f => f.Kind == "broken-link");
        Assert.Equal(new Uri(site.BaseUri, "finnes-ikke").AbsoluteUri, broken.Target);
        Assert.Equal(runId, broken.FirstRunId);
        var health = new List<SiteHealthEntity>();
        await foreach (var e in host.Services.GetRequiredService<DashboardStore>().GetLatestAsync(CancellationToken.None))
        {
            health.Add(e);
        }

        var row = Assert.Single(health, h => h.SiteId == definition.Id);
        Assert.True(row.Reachable);
        Assert.Equal(2, row.PagesCrawled);
        Assert.Equal(runId, row.LastRunId);
        var hook = Assert.Single(hooks);
        Assert.Contains("finnes-ikke", hook, StringComparison.Ordinal);
        foreach (var queue in storage.Names.AllQueues)
        {
            Assert.Equal(0, (await storage.QueueService.GetQueueClient(queue).GetPropertiesAsync()).Value.ApproximateMessagesCount);
        }
    }

    [Theory]
    [MemberData(nameof(QueueNames))]
    public async Task UnreadableMessage_GoesToItsPoisonQueue_WithTheError_OnTheFirstDelivery(string queue)
    {
        using var host = await StartAsync();
        var storage = host.Services.GetRequiredService<StorageClients>();
        await storage.Queue(queue).SendMessageAsync("{not json");

        var handled = queue switch
        {
            StorageNames.CrawlSite => await TryInvokeAsync<CrawlSite>(host, queue, (f, m, c) => f.RunAsync(m, c)),
            StorageNames.Findings => await TryInvokeAsync<RecordFindings>(host, queue, (f, m, c) => f.RunAsync(m, c)),
            StorageNames.SiteCrawled => await TryInvokeAsync<CloseSiteRun>(host, queue, (f, m, c) => f.RunAsync(m, c)),
            _ => await TryInvokeAsync<SendAlerts>(host, queue, (f, m, c) => f.RunAsync(m, c)),
        };

        Assert.True(handled);
        var envelope = await ReadPoisonAsync(storage, queue);
        Assert.Equal("{not json", envelope.Message);
        Assert.Equal(1, envelope.DequeueCount);
        Assert.Contains("Not a valid", envelope.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingMessage_IsRetriedByTheHost_AndReachesThePoisonQueue_OnHostJsonsLastDelivery()
    {
        using var host = await StartAsync();
        var storage = host.Services.GetRequiredService<StorageClients>();
        // A site-crawled message at its final deferral that says a findings batch exists while none was recorded: it fails every time.
        var body = MessageSerializer.Serialize(new SiteCrawledMessage
        {
            RunId = "r-poison", SiteId = "s", RunStartedAt = DateTimeOffset.Parse("2026-12-01T01:00:00Z"), FindingBatches = 1, Attempt = CloseSiteRunHandler.MaxAttempts,
            Stats = new CrawlStats(), Site = new SiteDefinition { Id = "s", Name = "S", StartUrls = [new Uri("https://s.example/")] },
        });
        await storage.Queue(StorageNames.SiteCrawled).SendMessageAsync(body);
        var queue = storage.Queue(StorageNames.SiteCrawled);

        // What the host does: deliver, and on an exception make the message visible again (here at once), up to maxDequeueCount (host.json: 5).
        for (var delivery = 1; delivery < 5; delivery++)
        {
            var message = await ReceiveAsync(queue);
            Assert.Equal(delivery, message.DequeueCount);
            var function = FunctionsTestApp.Activate<CloseSiteRun>(host, new TestFunctionContext(host.Services, nameof(CloseSiteRun)));
            await Assert.ThrowsAsync<InvalidOperationException>(() => function.RunAsync(message, new TestFunctionContext(host.Services, nameof(CloseSiteRun))));
            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        }

        Assert.True(await TryInvokeAsync<CloseSiteRun>(host, StorageNames.SiteCrawled, (f, m, c) => f.RunAsync(m, c)));

        var envelope = await ReadPoisonAsync(storage, StorageNames.SiteCrawled);
        Assert.Equal(5, envelope.DequeueCount);
        Assert.Equal(body, envelope.Message);
        Assert.Contains("findings batches", envelope.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task PlanRun_PastDueTickAfterARestart_PlansTheMissedNight_FromTheLastRecordedOccurrence()
    {
        // Down from 23:00 UTC until 09:30 the next morning: the 02:00 Oslo run (01:00 UTC in winter) was missed.
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-02T09:30:05Z"));
        var definition = Site(new Uri("https://kommune.example/"));
        using var host = await StartAsync(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<ISiteCatalog>(new FixedSiteCatalog([definition])));
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
        });
        var storage = host.Services.GetRequiredService<StorageClients>();
        var pastDue = new TimerInfo { IsPastDue = true, ScheduleStatus = new ScheduleStatus { Last = new DateTime(2026, 12, 1, 23, 0, 0, DateTimeKind.Utc), Next = new DateTime(2026, 12, 2, 0, 0, 0, DateTimeKind.Utc) } };

        // Without the schedule status the tick looks back one hour only and the night is skipped.
        await Activate<PlanRun>(host).RunAsync(new TimerInfo { IsPastDue = true }, Context<PlanRun>(host));
        Assert.Empty((await storage.Queue(StorageNames.CrawlSite).PeekMessagesAsync(10)).Value);

        await Activate<PlanRun>(host).RunAsync(pastDue, Context<PlanRun>(host));

        var planned = Assert.Single((await storage.Queue(StorageNames.CrawlSite).PeekMessagesAsync(10)).Value);
        var message = MessageSerializer.Deserialize<CrawlSiteMessage>(planned.Body.ToString(), CrawlSiteMessage.CurrentSchema);
        // The run of the missed occurrence, so a repeated tick plans the same run (and a repeated crawl-site message is a no-op).
        Assert.Equal("r20261202T0100Z", message.RunId);
        Assert.Equal(DateTimeOffset.Parse("2026-12-02T01:00:00Z"), message.RunStartedAt);
        Assert.Equal(definition.Id, message.SiteId);
        // On the wire Base64, as host.json's messageEncoding tells the host to read it.
        var raw = new QueueClient(azurite.ConnectionString, StorageNames.CrawlSite);
        var wire = Assert.Single((await raw.PeekMessagesAsync(10)).Value).Body.ToString();
        Assert.Equal(planned.Body.ToString(), System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(wire)));
    }

    [Fact]
    public async Task PlanRun_OnTheHourlyTick_PlansTheNightAtItsOccurrence_AndNotOnOtherTicks()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-02T00:00:00.120Z"));
        var definition = Site(new Uri("https://kommune.example/"));
        using var host = await StartAsync(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<ISiteCatalog>(new FixedSiteCatalog([definition])));
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
        });
        var queue = host.Services.GetRequiredService<StorageClients>().Queue(StorageNames.CrawlSite);

        await Activate<PlanRun>(host).RunAsync(Tick("2026-12-01T23:00:00"), Context<PlanRun>(host));
        Assert.Empty((await queue.PeekMessagesAsync(10)).Value);

        time.Advance(TimeSpan.FromHours(1));
        await Activate<PlanRun>(host).RunAsync(Tick("2026-12-02T00:00:00"), Context<PlanRun>(host));

        var planned = Assert.Single((await queue.PeekMessagesAsync(10)).Value);
        Assert.Equal("r20261202T0100Z", MessageSerializer.Deserialize<CrawlSiteMessage>(planned.Body.ToString(), CrawlSiteMessage.CurrentSchema).RunId);

        static TimerInfo Tick(string last) => new() { ScheduleStatus = new ScheduleStatus { Last = DateTime.SpecifyKind(DateTime.Parse(last, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc) } };
    }

    [Fact]
    public async Task HttpFunctions_ServeTheDashboardAndTheReport_AndRefuseAnUnknownFormat()
    {
        using var host = await StartAsync();

        var dashboard = Assert.IsType<Microsoft.AspNetCore.Mvc.ContentResult>(await Activate<Dashboard>(host).RunAsync(Request(host, ""), Context<Dashboard>(host)));
        Assert.Equal(200, dashboard.StatusCode);
        Assert.StartsWith("text/html", dashboard.ContentType, StringComparison.Ordinal);

        var csv = Assert.IsType<Microsoft.AspNetCore.Mvc.FileContentResult>(await Activate<CoverageReport>(host).RunAsync(Request(host, "?format=csv"), Context<CoverageReport>(host)));
        Assert.StartsWith("text/csv", csv.ContentType, StringComparison.Ordinal);
        Assert.EndsWith(".csv", csv.FileDownloadName, StringComparison.Ordinal);
        // Every municipality of the national list (config/kommuner.csv, resolved against the content root) is in it.
        Assert.Contains("Oslo", System.Text.Encoding.UTF8.GetString(csv.FileContents), StringComparison.Ordinal);

        var bad = Assert.IsType<Microsoft.AspNetCore.Mvc.BadRequestObjectResult>(await Activate<CoverageReport>(host).RunAsync(Request(host, "?format=xml"), Context<CoverageReport>(host)));
        Assert.Contains("xml", (string)bad.Value!, StringComparison.Ordinal);

        static HttpRequest Request(IHost host, string query) => new DefaultHttpContext { RequestServices = host.Services, Request = { Method = "GET", QueryString = new QueryString(query) } }.Request;
    }

    private static SiteDefinition Site(Uri start, params AlertSubscription[] subscriptions) => new()
    {
        Id = "kommune-9990",
        Name = "Testvik kommune",
        Kind = SiteKind.Municipality,
        StartUrls = [start],
        Scope = new CrawlScope { AllowPrivateNetworks = true, MaxPages = 10 },
        Subscriptions = subscriptions,
    };

    private static async Task SiteAsync(HttpContext context, int request)
    {
        switch (context.Request.Path.Value)
        {
            case "/":
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync("<!doctype html><html lang=\"nb\"><head><title>Helse</title></head><body><h1>Helse</h1><a href=\"/legevakt\">Legevakt</a> <a href=\"/finnes-ikke\">Gammel side</a></body></html>");
                break;
            case "/legevakt":
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync("<!doctype html><html lang=\"nb\"><head><title>Legevakt</title></head><body><p>Ring 116 117.</p><a href=\"/\">Forsiden</a></body></html>");
                break;
            default:
                context.Response.StatusCode = 404;
                break;
        }
    }

    private async Task<IHost> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var host = FunctionsTestApp.Build(FunctionsTestApp.Settings(azurite.ConnectionString), configure);
        host.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        await FunctionsTestApp.ResetQueuesAsync(host);
        return host;
    }

    private static T Activate<T>(IHost host) where T : class => FunctionsTestApp.Activate<T>(host, Context<T>(host));

    private static TestFunctionContext Context<T>(IHost host) => new(host.Services, typeof(T).Name);

    private static async Task InvokeAsync<T>(IHost host, string queue, Func<T, QueueMessage, FunctionContext, Task> run) where T : class =>
        Assert.True(await TryInvokeAsync(host, queue, run), $"no message on {queue}");

    /// <summary>Receives one message from the queue, runs the function on it and, when it returns, deletes it (as the host does).</summary>
    private static async Task<bool> TryInvokeAsync<T>(IHost host, string queue, Func<T, QueueMessage, FunctionContext, Task> run) where T : class
    {
        var client = host.Services.GetRequiredService<StorageClients>().Queue(queue);
        var message = (await client.ReceiveMessageAsync(TimeSpan.FromMinutes(1))).Value;
        if (message is null)
        {
            return false;
        }

        using var cancel = new CancellationTokenSource(Wait * 4);
        await run(Activate<T>(host), message, new TestFunctionContext(host.Services, typeof(T).Name, cancel.Token));
        await client.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        return true;
    }

    private static async Task<QueueMessage> ReceiveAsync(QueueClient queue)
    {
        var message = (await queue.ReceiveMessageAsync(TimeSpan.FromMinutes(1))).Value;
        Assert.NotNull(message);
        return message;
    }

    private static async Task<PoisonEnvelope> ReadPoisonAsync(StorageClients storage, string queue)
    {
        var only = Assert.Single((await storage.PoisonQueue(queue).PeekMessagesAsync(10)).Value);
        return JsonSerializer.Deserialize<PoisonEnvelope>(only.Body.ToString(), MessageSerializer.Options)!;
    }
}
