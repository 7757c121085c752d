using Lenkevakt.Pipeline;
using Lenkevakt.Sites;
using Lenkevakt.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lenkevakt.Tests.Alerts;

/// <summary>Issue 12: an alert is a real change. Three nights after a first one: unchanged, one link broken, that link fixed.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class AlertNightsTests(AzuriteFixture azurite)
{
    private const string Secret = "netter-hemmelig-123";
    private const string SubscriptionId = "redaksjonen";

    [Fact]
    public async Task ThreeNights_UnchangedThenOneLinkBrokenThenFixed_SendExactlyOneDigestWithTheNewFinding_ThenOneWithItResolved()
    {
        await using var web = await NightlySite.StartAsync(pages: 30);
        web.Broken = new HashSet<int> { 4 }; // an old, known defect: it is on every night and never alerted again
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        var site = SitesCatalog.ForUrl(web.BaseUri, new CrawlScope { AllowPrivateNetworks = true, MaxPages = 20 }) with
        {
            Id = "netter",
            Subscriptions = [new AlertSubscription { Id = SubscriptionId, WebhookUrl = receiver.Url("/signed/netter"), Format = "json" }],
        };
        await using var services = TestServices.Create(azurite.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Lenkevakt:Alerts:AllowLoopbackWebhooks"] = "true",
            [$"Lenkevakt:Alerts:Secrets:{SubscriptionId}"] = Secret,
        });
        var cycle = services.GetRequiredService<LocalCycle>();
        await cycle.RunAsync([site], CancellationToken.None);
        var before = receiver.Requests.Count;

        // Night 1: unchanged. Nothing is sent.
        var night1 = await cycle.RunAsync([site], CancellationToken.None);
        Assert.Equal((0, 0), (night1.Sites[0].Health!.NewFindings, night1.Sites[0].Health!.ResolvedFindings));
        Assert.Equal(before, receiver.Requests.Count);

        // Night 2: one link breaks. Exactly one digest, with that one new finding.
        web.Broken = new HashSet<int> { 4, 9 };
        var night2 = await cycle.RunAsync([site], CancellationToken.None);
        Assert.Equal(before + 1, receiver.Requests.Count);
        var d2 = receiver.Requests.Last();
        Assert.True(d2.SignatureValid);
        Assert.Equal(night2.RunId, d2.Json.GetProperty("runId").GetString());
        Assert.Equal(1, d2.Json.GetProperty("new").GetProperty("total").GetInt32());
        Assert.Equal(0, d2.Json.GetProperty("resolved").GetProperty("total").GetInt32());
        var added = Assert.Single(d2.Json.GetProperty("new").GetProperty("pages").EnumerateArray().SelectMany(p => p.GetProperty("findings").EnumerateArray()).ToList());
        Assert.EndsWith("/brutt-9", added.GetProperty("target").GetString(), StringComparison.Ordinal);

        // Night 3: it is fixed. Exactly one digest, with that finding resolved.
        web.Broken = new HashSet<int> { 4 };
        var night3 = await cycle.RunAsync([site], CancellationToken.None);
        Assert.Equal(before + 2, receiver.Requests.Count);
        var d3 = receiver.Requests.Last();
        Assert.Equal(night3.RunId, d3.Json.GetProperty("runId").GetString());
        Assert.Equal(0, d3.Json.GetProperty("new").GetProperty("total").GetInt32());
        Assert.Equal(1, d3.Json.GetProperty("resolved").GetProperty("total").GetInt32());
        var resolved = Assert.Single(d3.Json.GetProperty("resolved").GetProperty("pages").EnumerateArray().SelectMany(p => p.GetProperty("findings").EnumerateArray()).ToList());
        Assert.Equal(added.GetProperty("id").GetString(), resolved.GetProperty("id").GetString());
        Assert.Equal(2, receiver.Requests.Skip(before).Select(r => r.DeliveryId).Distinct().Count());
    }
}
