using System.Text.Json;
using System.Text.Json.Nodes;
using Lenkevakt.Alerts;
using Lenkevakt.Pipeline;
using Lenkevakt.Sites;

namespace Lenkevakt.Tests.Alerts;

/// <summary>The three digest formats built from crawled text that tries to inject markup, mentions and links.</summary>
[Trait("Category", "Unit")]
public sealed class DigestPayloadTests
{
    private const string Page = "https://sjobygd.example/tjenester/%C3%A5pningstider.html";
    private const string HostileTitle = "Åpningstider <script>alert('lenkevakt')</script>";

    internal static readonly IReadOnlyList<AlertItem> HostileItems =
    [
        new("a1", "broken-link", "error", Page, HostileTitle, "https://sjobygd.example/finnes-ikke.html", "Lenken «Skjema» virker ikke: <@channel> & <!here> <https://evil.example|klikk her>", "404"),
        new("a2", "mailto-invalid", "error", Page, HostileTitle, "mailto:<!channel>@x", "[klikk](https://evil.example) *fet* _kursiv_", null),
        new("a3", "redirect", "warning", "https://sjobygd.example/", "Sjøbygd kommune", "https://sjobygd.example/a&b", "Lenken er flyttet permanent", "301"),
        new("a4", "temporary-redirect", "info", "https://sjobygd.example/", "Sjøbygd kommune", "https://sjobygd.example/tmp", "Midlertidig omdirigering", "302"),
    ];

    private static readonly SiteDefinition Site = new() { Id = "kommune-9903", Name = "Sjøbygd kommune", Kind = SiteKind.Municipality, StartUrls = [new Uri("https://sjobygd.example/")] };

    [Fact]
    public void Json_GroupsByPage_FiltersBySeverity_AndKeepsCrawledTextAsData()
    {
        var json = JsonDocument.Parse(Build("json")).RootElement;

        Assert.Equal("lenkevakt.digest", json.GetProperty("type").GetString());
        Assert.Equal(1, json.GetProperty("version").GetInt32());
        Assert.Equal("3 nye problemer, 1 rettet", json.GetProperty("summary").GetString());
        var pages = json.GetProperty("new").GetProperty("pages").EnumerateArray().ToList();
        Assert.Equal([Page, "https://sjobygd.example/"], pages.Select(p => p.GetProperty("url").GetString()));
        Assert.Equal(HostileTitle, pages[0].GetProperty("title").GetString());
        Assert.Equal(["a1", "a2"], pages[0].GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        Assert.DoesNotContain("a4", Build("json"), StringComparison.Ordinal); // info is below the subscription's minimum
    }

    [Fact]
    public void Teams_IsAnAdaptiveCardMessage_WithMarkdownNeutralised()
    {
        var json = JsonDocument.Parse(Build("teams", "https://lenkevakt.example/site/kommune-9903")).RootElement;

        AssertTeamsCard(json);
        var card = json.GetProperty("attachments")[0].GetProperty("content");
        var action = Assert.Single(card.GetProperty("actions").EnumerateArray().ToList());
        Assert.Equal("Action.OpenUrl", action.GetProperty("type").GetString());
        Assert.Equal("https://lenkevakt.example/site/kommune-9903", action.GetProperty("url").GetString());
    }

    [Fact]
    public void Slack_IsBlockKit_WithCrawledTextEscapedForMrkdwn()
    {
        var json = JsonDocument.Parse(Build("slack")).RootElement;

        AssertSlackBlocks(json);
        var withLink = JsonDocument.Parse(Build("slack", "https://lenkevakt.example/site/kommune-9903")).RootElement;
        var last = withLink.GetProperty("blocks").EnumerateArray().Last().GetProperty("text").GetProperty("text").GetString();
        Assert.Equal("<https://lenkevakt.example/site/kommune-9903|Se hele listen>", last);
    }

    [Fact]
    public void Filter_HonoursKinds_AndScalesTotalsOfShortenedLists()
    {
        var message = WebhookDeliveryTests.Message() with { NewTotal = 8 }; // 4 listed of 8
        var sub = new AlertSubscription { Id = "s", WebhookUrl = new Uri("https://x.example/"), MinSeverity = "error", Kinds = ["broken-link"] };

        var digest = DigestBuilder.Filter(message, sub);

        Assert.Equal(["a1"], digest.New.Select(i => i.Id));
        Assert.Equal(2, digest.NewTotal); // 1 of 4 listed kept → 1 + 4 × ¼
        Assert.Empty(digest.Resolved);
    }

    internal static void AssertTeamsCard(JsonElement json)
    {
        Assert.Equal("message", json.GetProperty("type").GetString());
        var attachment = Assert.Single(json.GetProperty("attachments").EnumerateArray().ToList());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.4", card.GetProperty("version").GetString());
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", card.GetProperty("$schema").GetString());
        var texts = new List<string>();
        foreach (var element in card.GetProperty("body").EnumerateArray())
        {
            switch (element.GetProperty("type").GetString())
            {
                case "TextBlock":
                    texts.Add(element.GetProperty("text").GetString()!);
                    break;
                case "FactSet":
                    foreach (var fact in element.GetProperty("facts").EnumerateArray())
                    {
                        Assert.False(string.IsNullOrEmpty(fact.GetProperty("title").GetString()));
                        texts.Add(fact.GetProperty("value").GetString()!);
                    }

                    break;
                default:
                    Assert.Fail("unexpected card element " + element.GetProperty("type"));
                    break;
            }
        }

        Assert.Contains(texts, t => t.StartsWith("Lenkevakt: Sjøbygd kommune", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Nye problemer (3)", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Rettet siden sist (1)", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("<script>", StringComparison.Ordinal)); // text blocks show text; no HTML is rendered
        var all = string.Join("\n", texts);
        Assert.DoesNotContain("[klikk](", all, StringComparison.Ordinal); // no Markdown link can be formed
        Assert.Contains("\\[klikk\\](https://evil.example) \\*fet\\* \\_kursiv\\_", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Midlertidig", all, StringComparison.Ordinal);
    }

    internal static void AssertSlackBlocks(JsonElement json)
    {
        Assert.StartsWith("Lenkevakt: Sjøbygd kommune: 3 nye problemer, 1 rettet", json.GetProperty("text").GetString(), StringComparison.Ordinal);
        var blocks = json.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        Assert.Equal("plain_text", blocks[0].GetProperty("text").GetProperty("type").GetString());
        Assert.InRange(blocks[0].GetProperty("text").GetProperty("text").GetString()!.Length, 1, 150);
        var mrkdwn = new List<string>();
        foreach (var block in blocks.Skip(1))
        {
            switch (block.GetProperty("type").GetString())
            {
                case "context":
                    mrkdwn.AddRange(block.GetProperty("elements").EnumerateArray().Select(e => e.GetProperty("text").GetString()!));
                    break;
                case "section":
                    Assert.Equal("mrkdwn", block.GetProperty("text").GetProperty("type").GetString());
                    mrkdwn.Add(block.GetProperty("text").GetProperty("text").GetString()!);
                    break;
                default:
                    Assert.Fail("unexpected block " + block.GetProperty("type"));
                    break;
            }
        }

        Assert.All(mrkdwn, t => Assert.InRange(t.Length, 1, 3000));
        var all = string.Join("\n", mrkdwn.Where(t => !t.EndsWith("|Se hele listen>", StringComparison.Ordinal)));
        Assert.DoesNotContain("<", all, StringComparison.Ordinal); // no mention (<@…>, <!here>) or link (<url|text>) can be formed
        Assert.DoesNotContain(">", all, StringComparison.Ordinal);
        Assert.Contains("&lt;@channel&gt; &amp; &lt;!here&gt; &lt;https://evil.example|klikk her&gt;", all, StringComparison.Ordinal);
        Assert.Contains("*Åpningstider &lt;script&gt;alert('lenkevakt')&lt;/script&gt;*", all, StringComparison.Ordinal);
        Assert.Contains("https://sjobygd.example/a&amp;b", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Midlertidig", all, StringComparison.Ordinal);

        // Grouped by page: one section per page, the page's findings as bullet lines in it.
        var pageSection = Assert.Single(mrkdwn, t => t.Contains("finnes-ikke.html", StringComparison.Ordinal));
        Assert.Contains("mailto:&lt;!channel&gt;@x", pageSection, StringComparison.Ordinal);
        Assert.Equal(2, pageSection.Split('\n').Count(l => l.StartsWith('•')));
    }

    private static string Build(string format, string? fullList = null)
    {
        var message = WebhookDeliveryTests.Message();
        var digest = DigestBuilder.Filter(message, new AlertSubscription { Id = "s", WebhookUrl = new Uri("https://x.example/"), MinSeverity = "warning" });
        var body = DigestBuilder.Build(format, Site, message.RunId, digest, 20, fullList);
        Assert.NotNull(JsonNode.Parse(body));
        return body;
    }
}
