using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Lenkevakt.Pipeline;
using Lenkevakt.Sites;
using Lenkevakt.Storage;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Tests.Pipeline;

/// <summary>
/// Issue 14: a national run sat idle for about 90 s after its last crawl. A visibility renewal that failed with a
/// storage error other than <c>RequestFailedException</c> (the SDK's retries give up with an aggregate of transport
/// errors) faulted the renewal, and with it the handler's outcome: the message was neither deleted nor handed back,
/// came back when its visibility ran out and was delivered a second time. The renewal now retries and never faults.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class VisibilityRenewalTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Crawl_WhoseFirstVisibilityRenewalFails_IsDeliveredOnce_AndTheRunEnds()
    {
        // The site's only page takes longer than the message's visibility: the crawl lives only by its renewals.
        var faults = new RenewalFaults();

        var summary = await RunOneSlowPageSiteAsync(faults, TimeSpan.FromSeconds(9));

        Assert.Equal("closed", Assert.Single(summary.Sites).Status);
        Assert.True(faults.Failed >= 1, "no renewal was made to fail: the test did not exercise the renewal");
        Assert.Equal(1, faults.CrawlDeliveries);
        Assert.True(faults.Renewed >= 1, "the renewal was not tried again after its failure");
    }

    [Fact]
    public async Task Crawl_ThatEndsWhileARenewalIsInFlight_IsDeliveredOnce()
    {
        // The crawl outlives half the visibility (one renewal is sent) and ends while the emulator has applied that
        // renewal but not answered yet. Cancelling the renewal then lost the new pop receipt: the delete failed, the
        // message stayed invisible until its visibility ran out, and it was delivered again (the idle end of a national
        // run, docs/benchmarks.md). The renewal in flight is now awaited, so the delete uses the current receipt.
        var slow = new SlowRenewalAnswer();

        var summary = await RunOneSlowPageSiteAsync(slow, TimeSpan.FromSeconds(3));

        Assert.Equal("closed", Assert.Single(summary.Sites).Status);
        Assert.True(slow.HeldRenewals >= 1, "no renewal was in flight when the crawl ended: the test did not exercise the race");
        Assert.Equal(1, slow.Deliveries);
    }

    /// <summary>A whole local cycle over one site whose only page answers after <paramref name="pageDelay"/>, with a 4 s message visibility and <paramref name="policy"/> on the queue clients.</summary>
    private async Task<RunSummary> RunOneSlowPageSiteAsync(HttpPipelinePolicy policy, TimeSpan pageDelay)
    {
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            if (ctx.Request.Path == "/")
            {
                await Task.Delay(pageDelay);
            }

            ctx.Response.ContentType = "text/html";
            await ctx.Response.WriteAsync("<html lang=\"nb\"><title>Legevakt</title><p>Ring 116 117.</p></html>");
        });
        IReadOnlyList<SiteDefinition> sites = [SitesCatalog.ForUrl(server.BaseUri, new CrawlScope { AllowPrivateNetworks = true, MaxPages = 1 })];
        var settings = new Dictionary<string, string?>
        {
            ["Lenkevakt:Queues:VisibilityTimeout"] = "00:00:04",
            ["Lenkevakt:Crawl:AttemptTimeout"] = "00:00:30",
        };
        await using var services = TestServices.Create(azurite.ConnectionString, settings: settings, configure: s => s.AddSingleton(sp => ClientsWith(policy, sp.GetRequiredService<IOptions<StorageOptions>>().Value)));
        await services.GetRequiredService<StorageProvisioner>().EnsureAsync(CancellationToken.None);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        return await services.GetRequiredService<LocalCycle>().RunAsync(sites, timeout.Token);
    }

    private static StorageClients ClientsWith(HttpPipelinePolicy policy, StorageOptions options)
    {
        var queueOptions = new QueueClientOptions();
        StorageClients.ConfigureQueueOptions(queueOptions);
        queueOptions.Retry.MaxRetries = 0; // the policy below stands for the SDK having given up its retries
        queueOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        var tableOptions = new TableClientOptions();
        StorageClients.ConfigureRetry(tableOptions.Retry);
        var blobOptions = new BlobClientOptions();
        StorageClients.ConfigureRetry(blobOptions.Retry);
        return new StorageClients(
            options,
            new QueueServiceClient(options.ConnectionString, queueOptions),
            new TableServiceClient(options.ConnectionString, tableOptions),
            new BlobServiceClient(options.ConnectionString, blobOptions),
            "Azurite (test, failing renewals)");
    }

    /// <summary>Fails the first visibility renewal of a crawl message at the transport; counts crawl deliveries and renewals.</summary>
    private sealed class RenewalFaults : HttpPipelinePolicy
    {
        private int failed;
        private int renewed;
        private int deliveries;

        public int Failed => Volatile.Read(ref failed);

        public int Renewed => Volatile.Read(ref renewed);

        public int CrawlDeliveries => Volatile.Read(ref deliveries);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("the queue clients are used asynchronously");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var uri = message.Request.Uri.ToUri();
            var crawlQueue = uri.AbsolutePath.Contains(StorageNames.CrawlSite, StringComparison.Ordinal);
            var isRenewal = crawlQueue && message.Request.Method == RequestMethod.Put && uri.Query.Contains("popreceipt=", StringComparison.OrdinalIgnoreCase)
                && !uri.Query.Contains("visibilitytimeout=0", StringComparison.OrdinalIgnoreCase);
            if (isRenewal)
            {
                if (Interlocked.CompareExchange(ref failed, 1, 0) == 0)
                {
                    throw new AggregateException("Retry failed after 7 tries.", new IOException("connection reset by the storage emulator (injected)"));
                }

                Interlocked.Increment(ref renewed);
            }

            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            if (crawlQueue && message.Request.Method == RequestMethod.Get && message.Response.Status == 200 && message.Response.ContentStream is { CanSeek: true } body)
            {
                using var reader = new StreamReader(body, Encoding.UTF8, leaveOpen: true);
                var xml = await reader.ReadToEndAsync().ConfigureAwait(false);
                body.Position = 0;
                var received = xml.Split("<QueueMessage>").Length - 1;
                if (!uri.Query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase))
                {
                    Interlocked.Add(ref deliveries, received);
                }
            }
        }
    }

    /// <summary>
    /// Lets the first visibility renewal of a crawl message reach the emulator, then holds its answer until the crawl has
    /// sent its site-crawled message and a moment more (or until the caller cancels it); counts crawl deliveries.
    /// </summary>
    private sealed class SlowRenewalAnswer : HttpPipelinePolicy
    {
        private readonly TaskCompletionSource crawled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int held;
        private int deliveries;

        public int HeldRenewals => Volatile.Read(ref held);

        public int Deliveries => Volatile.Read(ref deliveries);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("the queue clients are used asynchronously");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var uri = message.Request.Uri.ToUri();
            var crawlQueue = uri.AbsolutePath.Contains(StorageNames.CrawlSite + "/messages", StringComparison.Ordinal);
            var isRenewal = crawlQueue && message.Request.Method == RequestMethod.Put && uri.Query.Contains("popreceipt=", StringComparison.OrdinalIgnoreCase)
                && !uri.Query.Contains("visibilitytimeout=0", StringComparison.OrdinalIgnoreCase);
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            if (message.Request.Method == RequestMethod.Post && uri.AbsolutePath.Contains(StorageNames.SiteCrawled, StringComparison.Ordinal))
            {
                crawled.TrySetResult();
            }

            if (isRenewal && Interlocked.CompareExchange(ref held, 1, 0) == 0)
            {
                // Applied by the emulator; the answer comes after the handler has finished (unless the caller gives up).
                await crawled.Task.WaitAsync(TimeSpan.FromSeconds(30), message.CancellationToken).ConfigureAwait(false);
                await Task.Delay(TimeSpan.FromSeconds(1.5), message.CancellationToken).ConfigureAwait(false);
            }

            if (crawlQueue && message.Request.Method == RequestMethod.Get && message.Response.Status == 200 && message.Response.ContentStream is { CanSeek: true } body
                && !uri.Query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase))
            {
                using var reader = new StreamReader(body, Encoding.UTF8, leaveOpen: true);
                var xml = await reader.ReadToEndAsync().ConfigureAwait(false);
                body.Position = 0;
                Interlocked.Add(ref deliveries, xml.Split("<QueueMessage>").Length - 1);
            }
        }
    }
}
