using System.Globalization;
using System.Text.Json;
using Lenkevakt.Findings;
using Lenkevakt.Html;

namespace Lenkevakt.Dashboard;

/// <summary>
/// Renders the dashboard page in Norwegian bokmål. Links within the app are relative query links (<c>?site=…</c>,
/// <c>report?fylke=…</c>), so the same page works under <c>lenkevakt serve</c> (<c>/</c>, <c>/report</c>) and the
/// Functions app (<c>/api/dashboard</c>, <c>/api/report</c>). Crawled URLs become links only when they are http(s).
/// </summary>
public static class DashboardPageRenderer
{
    private const string Css = """
        form.filters{display:flex;flex-wrap:wrap;gap:10px 18px;align-items:end;margin:14px 0;padding:10px 14px;background:var(--bg);border:1px solid var(--line);border-radius:6px}
        form.filters label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted);gap:2px}
        form.filters select,form.filters button{font:inherit;padding:4px 8px}
        form.filters button{background:var(--accent);color:#fff;border:0;border-radius:4px;padding:6px 14px}
        .score{display:inline-flex;align-items:center;gap:8px;font-weight:700}
        .meter{display:inline-block;width:80px;height:8px;background:#edf0f3;border-radius:4px;overflow:hidden}
        .meter i{display:block;height:100%}
        .meter i.good{background:var(--good)}.meter i.fair{background:#d98b00}.meter i.poor{background:var(--poor)}
        td.sev-error{color:var(--poor);font-weight:600}td.sev-warning{color:var(--fair)}td.sev-info{color:var(--muted)}
        .page{margin-top:22px}
        .page h3{margin-bottom:2px;word-break:break-word}
        .page .pageurl{font-size:.85rem;margin:0 0 6px}
        table.findings{table-layout:fixed}
        table.findings th:nth-child(1){width:15%}table.findings th:nth-child(2){width:8%}table.findings th:nth-child(3){width:25%}
        table.findings th:nth-child(4){width:8%}table.findings th:nth-child(6){width:8%}
        td.target{word-break:break-all}
        table.findings td{overflow-wrap:anywhere}
        td small{display:block;color:var(--muted)}
        td small.unchecked{color:var(--fair);font-weight:600}
        nav.crumbs{margin:10px 0}
        .history{display:flex;gap:28px;flex-wrap:wrap;align-items:flex-start}

        """;

    public static string Render(DashboardPageData data, TimeZoneInfo zone)
    {
        var r = data.Request;
        var title = data.Site is null ? "Lenkevakt – status for nettstedene" : $"Lenkevakt – {data.Site.Name}";
        var w = HtmlPage.Begin(title, Css);
        w.Open("header", ("class", "top"));
        w.Element("h1", title);
        w.Open("p");
        w.Text($"Oppdatert {NorwegianText.DateTime(data.GeneratedAt, zone)} · ");
        w.LocalLink(ReportLink(r.Fylke), "Dekningsrapport for statsforvalterne");
        w.Close("p");
        w.Close("header");
        w.Open("main");
        Filters(w, data);
        if (!string.IsNullOrWhiteSpace(r.SiteId))
        {
            SitePage(w, data, zone);
        }
        else
        {
            SiteList(w, data, zone);
        }

        w.Close("main");
        return HtmlPage.End(w);
    }

    private static void Filters(HtmlWriter w, DashboardPageData data)
    {
        var r = data.Request;
        w.Open("form", ("class", "filters noprint"), ("method", "get"));
        if (!string.IsNullOrWhiteSpace(r.SiteId))
        {
            w.Empty("input", ("type", "hidden"), ("name", "site"), ("value", r.SiteId));
        }

        var counties = data.Sites.Where(s => !string.IsNullOrEmpty(s.Fylke)).Select(s => (Nr: s.Fylkesnummer ?? "", Name: s.Fylke!)).Distinct().OrderBy(c => c.Nr, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        w.Open("label").Text("Fylke");
        w.Open("select", ("name", "fylke"));
        w.Element("option", "Alle fylker", ("value", ""));
        foreach (var c in counties)
        {
            w.Element("option", c.Name, ("value", c.Name), ("selected", MatchesCounty(r.Fylke, c.Nr, c.Name) ? "selected" : null));
        }

        w.Close("select").Close("label");

        var kinds = data.Sites.SelectMany(s => Kinds(s).Keys).Concat(data.Findings.Select(f => f.Kind)).Distinct(StringComparer.Ordinal).OrderBy(KindTitle, StringComparer.Ordinal).ToList();
        w.Open("label").Text("Type funn");
        w.Open("select", ("name", "kind"));
        w.Element("option", "Alle typer", ("value", ""));
        foreach (var k in kinds)
        {
            w.Element("option", KindTitle(k), ("value", k), ("selected", k == r.Kind ? "selected" : null));
        }

        w.Close("select").Close("label");
        w.Element("button", "Vis", ("type", "submit"));
        w.Close("form");
    }

    private static void SiteList(HtmlWriter w, DashboardPageData data, TimeZoneInfo zone)
    {
        var r = data.Request;
        var sites = data.Sites
            .Where(s => string.IsNullOrWhiteSpace(r.Fylke) || MatchesCounty(r.Fylke, s.Fylkesnummer, s.Fylke))
            .Where(s => string.IsNullOrWhiteSpace(r.Kind) || Kinds(s).GetValueOrDefault(r.Kind) > 0)
            .OrderBy(s => s.HealthScore).ThenByDescending(s => s.Errors).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();

        w.Open("div", ("class", "cards"));
        Card(w, NorwegianText.Count(sites.Count), "nettsteder");
        Card(w, sites.Count == 0 ? "–" : NorwegianText.Fraction(sites.Average(s => s.HealthScore), 0), "helse i snitt (0–100)");
        Card(w, NorwegianText.Count(sites.Sum(s => s.Errors)), "åpne feil", sites.Any(s => s.Errors > 0) ? "poor" : null);
        Card(w, NorwegianText.Count(sites.Sum(s => s.Warnings)), "advarsler");
        Card(w, NorwegianText.Count(sites.Sum(s => s.NewFindings)), "nye ved siste sjekk");
        Card(w, NorwegianText.Count(sites.Sum(s => s.ResolvedFindings)), "rettet ved siste sjekk", "good");
        w.Close("div");

        if (sites.Count == 0)
        {
            w.Element("p", data.Sites.Count == 0 ? "Ingen nettsteder er sjekket ennå. Kjør «lenkevakt run» først." : "Ingen nettsteder passer med filteret.");
            return;
        }

        w.Element("h2", "Nettstedene, dårligst først");
        w.Open("table", ("class", "sites"));
        w.Open("thead").Open("tr");
        var headers = new List<(string Text, string? Class)> { ("Nettsted", null), ("Fylke", null), ("Helse", null), ("Feil", "num"), ("Advarsler", "num"), ("Info", "num") };
        if (!string.IsNullOrWhiteSpace(r.Kind))
        {
            headers.Add((KindTitle(r.Kind), "num"));
        }

        headers.AddRange([("Nye", "num"), ("Rettet", "num"), ("Sider", "num"), ("Lenker", "num"), ("Sist sjekket", null)]);
        foreach (var (text, cls) in headers)
        {
            w.Element("th", text, ("scope", "col"), ("class", cls));
        }

        w.Close("tr").Close("thead");
        w.Open("tbody");
        foreach (var s in sites)
        {
            w.Open("tr");
            w.Open("td").LocalLink(SiteLink(s.SiteId, r), s.Name);
            if (!s.Reachable)
            {
                w.Element("small", "nettstedet svarte ikke");
            }

            w.Close("td");
            w.Element("td", s.Fylke ?? (s.Kind == "helsenorge" ? "helsenorge.no" : "–"));
            w.Open("td");
            Score(w, s.HealthScore);
            w.Close("td");
            Num(w, s.Errors, s.Errors > 0 ? "poor" : null);
            Num(w, s.Warnings);
            Num(w, s.Infos);
            if (!string.IsNullOrWhiteSpace(r.Kind))
            {
                Num(w, Kinds(s).GetValueOrDefault(r.Kind));
            }

            Num(w, s.NewFindings, s.NewFindings > 0 ? "poor" : null);
            Num(w, s.ResolvedFindings, s.ResolvedFindings > 0 ? "good" : null);
            Num(w, s.PagesCrawled);
            Num(w, s.LinksChecked);
            w.Element("td", NorwegianText.DateTime(s.LastCrawlAt, zone));
            w.Close("tr");
        }

        w.Close("tbody").Close("table");
    }

    private static void SitePage(HtmlWriter w, DashboardPageData data, TimeZoneInfo zone)
    {
        var r = data.Request;
        w.Open("nav", ("class", "crumbs noprint")).LocalLink(ListLink(r), "← Alle nettsteder").Close("nav");
        if (data.Site is not { } s)
        {
            w.Element("h2", "Fant ikke nettstedet");
            w.Element("p", $"Ingen resultater for «{r.SiteId}». Nettstedet er kanskje ikke sjekket ennå.");
            return;
        }

        w.Element("h2", s.Name);
        w.Open("p").Text("Startside: ").Link(s.StartUrl, s.StartUrl, "url").Text($" · sist sjekket {NorwegianText.DateTime(s.LastCrawlAt, zone)}").Close("p");
        w.Open("div", ("class", "cards"));
        Card(w, s.HealthScore.ToString(CultureInfo.InvariantCulture), "helse (0–100)", SvgCharts.Band(s.HealthScore));
        Card(w, NorwegianText.Count(s.Errors), "feil", s.Errors > 0 ? "poor" : null);
        Card(w, NorwegianText.Count(s.Warnings), "advarsler");
        Card(w, NorwegianText.Count(s.NewFindings), "nye ved siste sjekk");
        Card(w, NorwegianText.Count(s.ResolvedFindings), "rettet ved siste sjekk", "good");
        Card(w, NorwegianText.Count(s.PagesCrawled), "sider sjekket");
        Card(w, PageShare(s), "sjekkede sider uten feil", s.PagesWithErrors > 0 ? "poor" : null);
        if (s.RulesAssessed > 0)
        {
            Card(w, $"{NorwegianText.Count(s.RulesMet)} av {NorwegianText.Count(s.RulesAssessed)}", "krav til informasjon oppfylt");
        }

        Card(w, NorwegianText.Count(s.LinksChecked), "lenker sjekket");
        var notChecked = data.Findings.Count(data.IsUnchecked);
        if (notChecked > 0)
        {
            Card(w, NorwegianText.Count(notChecked), "åpne funn ikke sjekket i siste kjøring", "fair");
        }
        if (!s.Reachable)
        {
            Card(w, "Nei", "svarte nettstedet", "poor");
        }

        w.Close("div");

        if (data.History.Count > 0)
        {
            w.Element("h3", "Helse over tid");
            w.Open("div", ("class", "history"));
            if (data.History.Count > 1)
            {
                SvgCharts.Sparkline(w, $"Helse for {s.Name} de siste {Math.Min(60, data.History.Count)} kjøringene", data.History.TakeLast(60).Select(h => (double)h.HealthScore).ToList());
            }
            else
            {
                w.Element("p", "Bare én kjøring så langt; utviklingen vises fra neste kjøring.", ("class", "muted"));
            }

            w.Open("table", ("class", "runs"), ("style", "width:auto"));
            w.Open("thead").Open("tr");
            foreach (var h in new[] { "Kjøring", "Helse", "Åpne", "Nye", "Rettet" })
            {
                w.Element("th", h, ("scope", "col"));
            }

            w.Close("tr").Close("thead").Open("tbody");
            foreach (var h in data.History.TakeLast(8).Reverse())
            {
                w.Open("tr");
                w.Element("td", NorwegianText.DateTime(h.LastCrawlAt, zone));
                Num(w, h.HealthScore, SvgCharts.Band(h.HealthScore));
                Num(w, h.OpenFindings);
                Num(w, h.NewFindings);
                Num(w, h.ResolvedFindings);
                w.Close("tr");
            }

            w.Close("tbody").Close("table");
            w.Close("div");
        }

        var findings = data.Findings
            .Where(f => string.IsNullOrWhiteSpace(r.Kind) || f.Kind == r.Kind)
            .OrderBy(f => SeverityOrder(f.Severity)).ThenBy(f => f.PageUrl, StringComparer.Ordinal).ThenBy(f => f.Target, StringComparer.Ordinal)
            .Take(DashboardPageHandler.MaxFindingsShown)
            .ToList();
        w.Element("h2", string.IsNullOrWhiteSpace(r.Kind) ? $"Åpne funn ({findings.Count})" : $"Åpne funn av typen «{KindTitle(r.Kind)}» ({findings.Count})");
        if (findings.Count == 0)
        {
            w.Element("p", "Ingen åpne funn.");
            return;
        }

        foreach (var page in findings.GroupBy(f => f.PageUrl).OrderBy(g => g.Min(f => SeverityOrder(f.Severity))).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var title = page.Select(f => f.PageTitle).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
            w.Open("section", ("class", "page"));
            w.Element("h3", title ?? page.Key);
            w.Open("p", ("class", "pageurl")).Text("Side: ").Link(page.Key, page.Key, "url").Close("p");
            w.Open("table", ("class", "findings"));
            w.Open("thead").Open("tr");
            foreach (var h in new[] { "Funn", "Alvorlighet", "Lenken / målet", "Status", "Forklaring", "Først sett" })
            {
                w.Element("th", h, ("scope", "col"));
            }

            w.Close("tr").Close("thead").Open("tbody");
            foreach (var f in page)
            {
                w.Open("tr");
                w.Open("td").Text(KindTitle(f.Kind));
                if (data.IsUnchecked(f))
                {
                    w.Element("small", Unchecked(f), ("class", "unchecked"));
                }

                w.Close("td");
                w.Element("td", f.Severity switch { "error" => "feil", "warning" => "advarsel", _ => "info" }, ("class", "sev-" + f.Severity));
                if (RuleTitle(data, f) is { } rule)
                {
                    w.Open("td", ("class", "target")).Text(rule);
                }
                else
                {
                    w.Open("td", ("class", "target")).Link(f.Target, f.Target, "url");
                }

                if (f.Location is { Length: > 0 })
                {
                    w.Element("small", f.Location);
                }

                w.Close("td");
                w.Element("td", f.StatusCode is { } code ? $"HTTP {code}" : f.Status is { Length: > 0 } st && !st.StartsWith(f.Target, StringComparison.Ordinal) ? st : "–", ("class", f.StatusCode is null ? "muted" : null));
                w.Open("td").Text(f.Message);
                if (f.Evidence is { Length: > 0 })
                {
                    w.Element("small", f.Evidence);
                }

                w.Close("td");
                w.Element("td", NorwegianText.Date(f.FirstSeen, zone));
                w.Close("tr");
            }

            w.Close("tbody").Close("table");
            w.Close("section");
        }
    }

    /// <summary>
    /// For a required-information finding, whose target is a rule id (<c>apningstider</c>, or <c>apningstider:flere-sider</c>
    /// for the summary of many pages): the rule's Norwegian title. Null for other findings.
    /// </summary>
    private static string? RuleTitle(DashboardPageData data, StoredFinding f)
    {
        if (f.Kind != "required-missing" || data.RuleTitles is null)
        {
            return null;
        }

        const string ManyPages = ":flere-sider";
        var many = f.Target.EndsWith(ManyPages, StringComparison.Ordinal);
        var id = many ? f.Target[..^ManyPages.Length] : f.Target;
        return data.RuleTitles.TryGetValue(id, out var title) && title.Length > 0 ? (many ? $"{title} (flere sider)" : title) : null;
    }

    /// <summary>The badge of an open finding whose page was not fetched lately: it is not fixed, only not looked at.</summary>
    internal static string Unchecked(StoredFinding f) =>
        f.UncheckedRuns <= 1 ? "ikke sjekket i siste kjøring" : $"ikke sjekket i siste kjøring (heller ikke i de {NorwegianText.Count(f.UncheckedRuns - 1)} før)";

    /// <summary>"94 % (47 av 50)": the share of this run's pages without an error finding.</summary>
    private static string PageShare(SiteHealthEntity s)
    {
        if (s.PagesCrawled == 0)
        {
            return "–";
        }

        var clean = s.PagesCrawled - s.PagesWithErrors;
        return $"{NorwegianText.Percent(100.0 * clean / s.PagesCrawled)} ({NorwegianText.Count(clean)} av {NorwegianText.Count(s.PagesCrawled)})";
    }

    private static void Score(HtmlWriter w, int score)
    {
        var band = SvgCharts.Band(score);
        w.Open("span", ("class", "score " + band));
        w.Text(score.ToString(CultureInfo.InvariantCulture));
        w.Open("span", ("class", "meter"), ("aria-hidden", "true"));
        w.Empty("i", ("class", band), ("style", $"width:{Math.Clamp(score, 0, 100).ToString(CultureInfo.InvariantCulture)}%"));
        w.Close("span");
        w.Close("span");
    }

    private static void Card(HtmlWriter w, string value, string label, string? band = null)
    {
        w.Open("div", ("class", "card"));
        w.Element("b", value, ("class", band));
        w.Element("span", label);
        w.Close("div");
    }

    private static void Num(HtmlWriter w, int value, string? band = null) =>
        w.Element("td", NorwegianText.Count(value), ("class", band is null ? "num" : "num " + band));

    private static bool MatchesCounty(string? filter, string? nr, string? name) =>
        !string.IsNullOrWhiteSpace(filter)
        && (string.Equals(filter.Trim(), name, StringComparison.OrdinalIgnoreCase) || (!string.IsNullOrEmpty(nr) && (filter.Trim() == nr || filter.Trim().PadLeft(2, '0') == nr)));

    private static Dictionary<string, int> Kinds(SiteHealthEntity s)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, int>>(s.KindsJson) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string KindTitle(string kind) => FindingKind.Find(kind)?.TitleNb ?? kind;

    private static int SeverityOrder(string severity) => severity switch { "error" => 0, "warning" => 1, _ => 2 };

    private static string Query(params (string Name, string? Value)[] values)
    {
        var parts = values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).Select(v => $"{v.Name}={Uri.EscapeDataString(v.Value!)}").ToList();
        return "?" + string.Join("&", parts);
    }

    private static string SiteLink(string siteId, DashboardPageRequest r) => Query(("site", siteId), ("fylke", r.Fylke), ("kind", r.Kind));

    private static string ListLink(DashboardPageRequest r) => Query(("fylke", r.Fylke), ("kind", r.Kind));

    private static string ReportLink(string? fylke) => "report" + (string.IsNullOrWhiteSpace(fylke) ? "" : Query(("fylke", fylke)));
}
