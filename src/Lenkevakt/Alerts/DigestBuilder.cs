using System.Text.Json;
using System.Text.Json.Nodes;
using Lenkevakt.Findings;
using Lenkevakt.Pipeline;
using Lenkevakt.Sites;

namespace Lenkevakt.Alerts;

/// <summary>
/// Builds one digest per subscription: new and resolved findings grouped by page, filtered by the subscription's
/// minimum severity and kinds, capped in size with a link to the full list. Formats: <c>json</c> (plain, signed),
/// <c>teams</c> (an Adaptive Card message for a Teams incoming webhook or Workflows) and <c>slack</c> (Block Kit).
/// </summary>
public static class DigestBuilder
{
    public sealed record Digest(IReadOnlyList<AlertItem> New, IReadOnlyList<AlertItem> Resolved, int NewTotal, int ResolvedTotal)
    {
        public bool IsEmpty => New.Count == 0 && Resolved.Count == 0;
    }

    public static Digest Filter(AlertsMessage message, AlertSubscription subscription)
    {
        var min = Enum.TryParse<Severity>(subscription.MinSeverity, ignoreCase: true, out var s) ? s : Severity.Warning;
        bool Keep(AlertItem i) =>
            Enum.TryParse<Severity>(i.Severity, ignoreCase: true, out var sev) && sev >= min
            && (subscription.Kinds.Count == 0 || subscription.Kinds.Contains(i.Kind, StringComparer.Ordinal));
        var fresh = message.New.Where(Keep).ToList();
        var resolved = message.Resolved.Where(Keep).ToList();

        // Totals: the message may carry shortened lists; scale the hidden remainder by the kept share.
        int Total(int listed, int kept, int total) => listed == 0 ? 0 : kept + (int)Math.Round((total - listed) * (kept / (double)listed));
        return new Digest(fresh, resolved, Total(message.New.Count, fresh.Count, message.NewTotal), Total(message.Resolved.Count, resolved.Count, message.ResolvedTotal));
    }

    public static string Summary(Digest d) =>
        $"{d.NewTotal} {(d.NewTotal == 1 ? "nytt problem" : "nye problemer")}, {d.ResolvedTotal} rettet";

    public static string Build(string format, SiteDefinition site, string runId, Digest digest, int maxItems, string? fullListUrl) => format switch
    {
        "teams" => Teams(site, runId, digest, maxItems, fullListUrl),
        "slack" => Slack(site, runId, digest, maxItems, fullListUrl),
        _ => Json(site, runId, digest, maxItems, fullListUrl),
    };

    private static string Json(SiteDefinition site, string runId, Digest d, int max, string? fullListUrl)
    {
        JsonObject Group(IReadOnlyList<AlertItem> items, int total) => new()
        {
            ["total"] = total,
            ["shown"] = Math.Min(items.Count, max),
            ["pages"] = new JsonArray(items.Take(max).GroupBy(i => i.PageUrl).Select(g => (JsonNode)new JsonObject
            {
                ["url"] = g.Key,
                ["title"] = g.First().PageTitle,
                ["findings"] = new JsonArray(g.Select(i => (JsonNode)new JsonObject
                {
                    ["id"] = i.Id, ["kind"] = i.Kind, ["severity"] = i.Severity, ["target"] = i.Target, ["status"] = i.Status, ["message"] = i.Message,
                }).ToArray()),
            }).ToArray()),
        };
        var root = new JsonObject
        {
            ["type"] = "lenkevakt.digest",
            ["version"] = 1,
            ["siteId"] = site.Id,
            ["siteName"] = site.Name,
            ["runId"] = runId,
            ["summary"] = Summary(d),
            ["new"] = Group(d.New, d.NewTotal),
            ["resolved"] = Group(d.Resolved, d.ResolvedTotal),
            ["fullListUrl"] = fullListUrl,
        };
        return root.ToJsonString(MessageSerializer.Options);
    }

    private static string Teams(SiteDefinition site, string runId, Digest d, int max, string? fullListUrl)
    {
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["size"] = "Large", ["weight"] = "Bolder", ["wrap"] = true, ["text"] = $"Lenkevakt: {site.Name}" },
            new JsonObject { ["type"] = "TextBlock", ["wrap"] = true, ["isSubtle"] = true, ["text"] = $"{Summary(d)} (kjøring {runId})" },
        };
        void Section(string heading, IReadOnlyList<AlertItem> items, int total)
        {
            if (items.Count == 0)
            {
                return;
            }

            body.Add(new JsonObject { ["type"] = "TextBlock", ["weight"] = "Bolder", ["spacing"] = "Medium", ["wrap"] = true, ["text"] = $"{heading} ({total})" });
            foreach (var page in items.Take(max).GroupBy(i => i.PageUrl))
            {
                body.Add(new JsonObject { ["type"] = "TextBlock", ["wrap"] = true, ["weight"] = "Bolder", ["text"] = Plain(page.First().PageTitle ?? page.Key) });
                body.Add(new JsonObject
                {
                    ["type"] = "FactSet",
                    ["facts"] = new JsonArray(page.Select(i => (JsonNode)new JsonObject { ["title"] = KindTitle(i.Kind), ["value"] = Plain($"{i.Target} – {i.Message}") }).ToArray()),
                });
            }
        }

        Section("Nye problemer", d.New, d.NewTotal);
        Section("Rettet siden sist", d.Resolved, d.ResolvedTotal);
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = body,
        };
        if (fullListUrl is not null)
        {
            card["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Se hele listen", ["url"] = fullListUrl });
        }

        var message = new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["contentUrl"] = null, ["content"] = card }),
        };
        return message.ToJsonString();
    }

    private static string Slack(SiteDefinition site, string runId, Digest d, int max, string? fullListUrl)
    {
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Cap($"Lenkevakt: {site.Name}", 150) } },
            new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackEscape($"{Summary(d)} (kjøring {runId})") }) },
        };
        void Section(string heading, IReadOnlyList<AlertItem> items, int total)
        {
            if (items.Count == 0)
            {
                return;
            }

            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = $"*{SlackEscape(heading)} ({total})*" } });
            foreach (var page in items.Take(max).GroupBy(i => i.PageUrl))
            {
                var lines = string.Join("\n", page.Select(i => $"• {SlackEscape(KindTitle(i.Kind))}: {SlackEscape(i.Target)} – {SlackEscape(i.Message)}"));
                blocks.Add(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Cap($"*{SlackEscape(page.First().PageTitle ?? page.Key)}*\n{SlackEscape(page.Key)}\n{lines}", 2900) } });
            }
        }

        Section("Nye problemer", d.New, d.NewTotal);
        Section("Rettet siden sist", d.Resolved, d.ResolvedTotal);
        if (fullListUrl is not null)
        {
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = $"<{SlackEscape(fullListUrl)}|Se hele listen>" } });
        }

        return new JsonObject { ["text"] = $"Lenkevakt: {site.Name}: {Summary(d)}", ["blocks"] = blocks }.ToJsonString();
    }

    private static string KindTitle(string kind) => FindingKind.Find(kind)?.TitleNb ?? kind;

    /// <summary>Slack mrkdwn: &amp;, &lt; and &gt; must be escaped so crawled text cannot form links or mentions.</summary>
    private static string SlackEscape(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Adaptive Card text is Markdown: neutralise the characters that would make links or formatting.</summary>
    private static string Plain(string s) => s.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static string Cap(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
