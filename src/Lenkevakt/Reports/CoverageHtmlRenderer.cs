using Lenkevakt.Content.Languages;
using Lenkevakt.Html;

namespace Lenkevakt.Reports;

/// <summary>
/// The report as one self-contained, printable HTML page in Norwegian bokmål: national summary with inline SVG charts
/// (coverage per county and per requirement), the requirements, then per county the municipality × requirement matrix
/// with languages, broken links, LIX, last crawl and change, and the broken links found. No scripts, fonts or images;
/// every name, title, URL and evidence text is encoded by <see cref="HtmlWriter"/>.
/// </summary>
public static class CoverageHtmlRenderer
{
    private const string Css = """
        .charts{display:flex;flex-wrap:wrap;gap:8px 40px;align-items:flex-start}
        .charts figure{margin:8px 0}
        .charts figcaption{font-weight:600;margin-bottom:4px}
        .change{margin:4px 0 0}
        table.matrix{width:auto;min-width:60%}
        table.matrix abbr{text-decoration:none}
        table.matrix td.lang{max-width:14em}
        table.broken td.kommune{white-space:nowrap}
        table.matrix th.rule{width:1.9em;text-align:center;padding:5px 2px}
        table.matrix td.cell{text-align:center;font-weight:700;padding:5px 2px}
        td.cell.met{color:var(--good);background:#e7f4ea}
        td.cell.not-met{color:var(--poor);background:#fbe9e7}
        td.cell.not-applicable{color:var(--muted)}
        td.state{color:var(--muted);font-style:italic;text-align:center;background:repeating-linear-gradient(135deg,#f7f8fa 0 6px,#eef1f4 6px 12px)}
        td.kommune{min-width:11em}
        td.kommune small{color:var(--muted);margin-left:.4em}
        td.kommune{white-space:nowrap}
        table.rules td:first-child{font-weight:700;text-align:center}
        table.broken td{word-break:break-word}
        section.county{margin-top:10px}
        .legend span{margin-right:18px;white-space:nowrap}
        footer{margin-top:36px;border-top:1px solid var(--line);padding-top:10px;color:var(--muted);font-size:.85rem}
        @media print{section.county{break-before:page} .charts{gap:4px 24px} table.broken{font-size:8.5pt}}

        """;

    public static string Render(CoverageModel model, TimeZoneInfo zone)
    {
        var title = model.Fylke is null ? "Dekningsrapport: helseinformasjon på kommunenes nettsider" : $"Dekningsrapport for {model.Fylke}: helseinformasjon på kommunenes nettsider";
        var w = HtmlPage.Begin(title, Css);
        w.Open("header", ("class", "top"));
        w.Element("h1", title);
        w.Element("p", $"Laget {NorwegianText.DateTime(model.GeneratedAt, zone)} av Lenkevakt · regelsett {model.RuleSet} · kommuner uten resultater vises som «ikke sjekket»");
        w.Close("header");
        w.Open("main");
        if (model.Fylke is null)
        {
            National(w, model);
            Requirements(w, model);
        }

        foreach (var county in model.Counties)
        {
            County(w, model, county, zone);
        }

        if (model.Fylke is not null)
        {
            // One county's report starts with that county; the requirements and the national picture follow for comparison.
            Requirements(w, model);
            National(w, model);
        }

        Footer(w);
        w.Close("main");
        return HtmlPage.End(w);
    }

    private static void National(HtmlWriter w, CoverageModel model)
    {
        var n = model.National;
        w.Open("section", ("class", "national"), ("aria-labelledby", "land"));
        w.Element("h2", "Landsoversikt", ("id", "land"));
        Cards(w, n);
        ChangeLine(w, n.Change, "landet");
        w.Open("div", ("class", "charts"));
        w.Open("figure");
        w.Element("figcaption", "Dekning per fylke (andel av kravene som er oppfylt i kommunene som er sjekket)");
        SvgCharts.HorizontalBars(w, "Dekning per fylke", model.AllCounties.Select(c => new SvgCharts.Bar(c.Fylke, c.Summary.CoveragePercent, BarText(c.Summary))).ToList(), 170);
        w.Close("figure");
        w.Open("figure");
        w.Element("figcaption", "Dekning per krav (andel av de sjekkede kommunene som oppfyller kravet)");
        SvgCharts.HorizontalBars(w, "Dekning per krav", model.Rules.Select(r =>
        {
            var c = n.PerRule.First(p => p.RuleId == r.Id);
            return new SvgCharts.Bar($"{r.Number}. {r.Title}", c.Percent, c.Assessed == 0 ? "ikke sjekket" : $"{NorwegianText.Percent(c.Percent)} ({c.Met}/{c.Assessed})");
        }).ToList(), 330);
        w.Close("figure");
        w.Close("div");
        w.Close("section");
    }

    private static void Cards(HtmlWriter w, CoverageSummary s)
    {
        w.Open("div", ("class", "cards"));
        Card(w, NorwegianText.Count(s.Municipalities), "kommuner");
        Card(w, $"{NorwegianText.Count(s.Checked)}", $"sjekket ({NorwegianText.Percent(s.Municipalities == 0 ? null : 100.0 * s.Checked / s.Municipalities)})");
        Card(w, NorwegianText.Percent(s.CoveragePercent), "av kravene oppfylt", s.CoveragePercent is { } p ? SvgCharts.Band(p) : null);
        Card(w, NorwegianText.Count(s.BrokenLinks), "brutte lenker", s.BrokenLinks > 0 ? "poor" : null);
        Card(w, s.MedianLix is { } lix ? NorwegianText.Fraction(lix) : "–", "median LIX (hjelpesider)");
        if (s.Unreachable > 0)
        {
            Card(w, NorwegianText.Count(s.Unreachable), "ikke nådd ved siste sjekk", "poor");
        }

        w.Close("div");
    }

    private static void Card(HtmlWriter w, string value, string label, string? band = null)
    {
        w.Open("div", ("class", "card"));
        w.Element("b", value, ("class", band));
        w.Element("span", label);
        w.Close("div");
    }

    private static void ChangeLine(HtmlWriter w, CoverageChange? change, string what)
    {
        w.Open("p", ("class", "change muted"));
        if (change is null)
        {
            w.Text($"Endring: ingen tidligere rapport å sammenligne {what} med ennå.");
        }
        else
        {
            w.Text($"Endring siden rapporten {NorwegianText.IsoDate(change.Since)}: ");
            var parts = new List<(string Text, double Sign)>();
            if (change.CoveragePoints is { } cp)
            {
                parts.Add(($"dekning {NorwegianText.Change(cp)} prosentpoeng", cp));
            }

            if (change.RulesMet is { } rm)
            {
                parts.Add(($"{NorwegianText.Change(rm)} krav oppfylt", rm));
            }

            if (change.BrokenLinks is { } bl)
            {
                parts.Add(($"{NorwegianText.Change(bl)} brutte lenker", -bl));
            }

            if (change.Checked is { } ch && ch != 0)
            {
                parts.Add(($"{NorwegianText.Change(ch)} kommuner sjekket", ch));
            }

            for (var i = 0; i < parts.Count; i++)
            {
                w.Element("span", parts[i].Text, ("class", parts[i].Sign > 0 ? "up" : parts[i].Sign < 0 ? "down" : null));
                w.Text(i < parts.Count - 1 ? ", " : ".");
            }
        }

        w.Close("p");
    }

    private static void Requirements(HtmlWriter w, CoverageModel model)
    {
        w.Open("section", ("aria-labelledby", "krav"));
        w.Element("h2", "Kravene", ("id", "krav"));
        w.Element("p", "Nummeret er kolonnen i tabellene under. «Hele nettstedet»: oppfylt når minst én hjelpeside har informasjonen. «Hver hjelpeside»: oppfylt når alle hjelpesidene har den.", ("class", "muted"));
        w.Open("table", ("class", "rules"));
        w.Open("thead").Open("tr");
        foreach (var h in new[] { "Nr.", "Krav", "Hva som sjekkes", "Gjelder", "Alvorlighet", "Oppfylt i landet" })
        {
            w.Element("th", h, ("scope", "col"));
        }

        w.Close("tr").Close("thead");
        w.Open("tbody");
        foreach (var r in model.Rules)
        {
            var c = model.National.PerRule.First(p => p.RuleId == r.Id);
            w.Open("tr");
            w.Element("td", r.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.Element("td", r.Title);
            w.Element("td", r.Description, ("class", "muted"));
            w.Element("td", r.Scope == "page" ? "hver hjelpeside" : "hele nettstedet");
            w.Element("td", r.Severity switch { "error" => "feil", "warning" => "advarsel", _ => "info" });
            w.Element("td", c.Assessed == 0 ? "–" : $"{NorwegianText.Percent(c.Percent)} ({c.Met} av {c.Assessed})", ("class", "num"));
            w.Close("tr");
        }

        w.Close("tbody").Close("table");
        w.Close("section");
    }

    private static void County(HtmlWriter w, CoverageModel model, CountyCoverage county, TimeZoneInfo zone)
    {
        var id = "fylke-" + CoverageReportHandler.Slug(county.Fylke);
        var s = county.Summary;
        w.Open("section", ("class", "county"), ("id", id), ("aria-labelledby", id + "-h"));
        w.Element("h2", string.IsNullOrEmpty(county.Fylkesnummer) ? county.Fylke : $"{county.Fylke} ({county.Fylkesnummer})", ("id", id + "-h"));
        w.Element("p", $"Sjekket {s.Checked} av {s.Municipalities} kommuner · {NorwegianText.Percent(s.CoveragePercent)} av kravene oppfylt · {NorwegianText.Count(s.BrokenLinks)} brutte lenker · median LIX {(s.MedianLix is { } lix ? NorwegianText.Fraction(lix) : "–")}" + (s.Unreachable > 0 ? $" · {s.Unreachable} ikke nådd" : ""));
        ChangeLine(w, s.Change, "fylket");

        w.Open("table", ("class", "matrix"));
        w.Open("thead").Open("tr");
        w.Element("th", "Kommune", ("scope", "col"));
        foreach (var r in model.Rules)
        {
            w.Open("th", ("scope", "col"), ("class", "rule"), ("title", r.Title));
            w.Element("abbr", r.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), ("title", r.Title));
            w.Close("th");
        }

        foreach (var (h, cls) in new[] { ("Språk", (string?)null), ("Brutte lenker", "num"), ("LIX", "num"), ("Sist sjekket", null), ("Endring", null) })
        {
            w.Element("th", h, ("scope", "col"), ("class", cls));
        }

        w.Close("tr").Close("thead");
        w.Open("tbody");
        foreach (var m in county.Municipalities)
        {
            Row(w, model, m, zone);
        }

        w.Close("tbody").Close("table");
        BrokenLinkList(w, county);
        w.Close("section");
    }

    private static void Row(HtmlWriter w, CoverageModel model, MunicipalityCoverage m, TimeZoneInfo zone)
    {
        w.Open("tr", ("class", m.Status));
        w.Open("td", ("class", "kommune"));
        if (m.StartUrl is not null)
        {
            w.Link(m.StartUrl, m.Name);
        }
        else
        {
            w.Text(m.Name);
        }

        w.Element("small", m.Kommunenummer);
        w.Close("td");
        if (m.Status == MunicipalityStatus.Checked)
        {
            foreach (var r in model.Rules)
            {
                var cell = m.Rules.First(c => c.RuleId == r.Id);
                w.Element("td", CoverageOutcome.Symbol(cell.Outcome), ("class", "cell " + cell.Outcome), ("title", CellTitle(r, cell)));
            }
        }
        else
        {
            var text = MunicipalityStatus.Nb(m.Status) + (m.Status == MunicipalityStatus.Unreachable ? ": nettstedet svarte ikke ved siste sjekk" : "");
            w.Element("td", text, ("class", "state"), ("colspan", model.Rules.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        w.Element("td", m.LanguagesOffered.Count == 0 ? "–" : string.Join(", ", m.LanguagesOffered), ("class", "lang"), ("title", m.LanguagesOffered.Count == 0 ? null : string.Join(", ", m.LanguagesOffered.Select(c => LanguageNames.Find(c)?.NameNb ?? c))));
        w.Element("td", m.BrokenLinks?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–", ("class", m.BrokenLinks > 0 ? "num poor" : "num"));
        w.Element("td", m.MedianLix is { } lix ? NorwegianText.Fraction(lix) : "–", ("class", "num"));
        w.Element("td", m.LastCrawlAt is { } at ? NorwegianText.Date(at, zone) : "–");
        w.Open("td");
        if (m.Change is { } ch && (ch.RulesMet is not null || ch.BrokenLinks is not null))
        {
            if (ch.RulesMet is { } rm)
            {
                w.Element("span", $"{NorwegianText.Change(rm)} krav", ("class", rm > 0 ? "up" : rm < 0 ? "down" : "muted"));
                w.Text(" ");
            }

            if (ch.BrokenLinks is { } bl)
            {
                w.Element("span", $"{NorwegianText.Change(bl)} lenker", ("class", bl < 0 ? "up" : bl > 0 ? "down" : "muted"));
            }
        }
        else
        {
            w.Element("span", "–", ("class", "muted"));
        }

        w.Close("td");
        w.Close("tr");
    }

    private static string CellTitle(CoverageRule rule, RuleCell cell)
    {
        var text = $"{rule.Number}. {rule.Title}: {CoverageOutcome.Nb(cell.Outcome)}";
        if (cell.Evidence is { Length: > 0 })
        {
            text += $". Funnet: «{cell.Evidence}»";
        }

        if (cell.Note is { Length: > 0 })
        {
            text += ". " + cell.Note;
        }

        if (cell.PageUrl is { Length: > 0 })
        {
            text += " (" + cell.PageUrl + ")";
        }

        return text;
    }

    private static void BrokenLinkList(HtmlWriter w, CountyCoverage county)
    {
        var rows = county.Municipalities.Where(m => m.BrokenLinkExamples.Count > 0).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        w.Element("h3", $"Brutte lenker i {county.Fylke}");
        w.Open("table", ("class", "broken"));
        w.Open("thead").Open("tr");
        foreach (var h in new[] { "Kommune", "På siden", "Lenken", "Feil" })
        {
            w.Element("th", h, ("scope", "col"));
        }

        w.Close("tr").Close("thead");
        w.Open("tbody");
        foreach (var m in rows)
        {
            foreach (var b in m.BrokenLinkExamples)
            {
                w.Open("tr");
                w.Element("td", m.Name, ("class", "kommune"));
                w.Open("td").Link(b.PageUrl, b.PageTitle is { Length: > 0 } t ? t : b.PageUrl).Close("td");
                w.Open("td").Link(b.Target, b.Target, "url").Close("td");
                w.Element("td", b.HttpStatus is { } code ? $"{b.KindTitle} (HTTP {code})" : b.KindTitle);
                w.Close("tr");
            }

            if (m.BrokenLinks > m.BrokenLinkExamples.Count)
            {
                w.Open("tr");
                w.Element("td", m.Name, ("class", "kommune"));
                w.Element("td", $"… og {m.BrokenLinks - m.BrokenLinkExamples.Count} til (se dashbordet)", ("colspan", "3"), ("class", "muted"));
                w.Close("tr");
            }
        }

        w.Close("tbody").Close("table");
    }

    private static void Footer(HtmlWriter w)
    {
        w.Open("footer");
        w.Open("p", ("class", "legend"));
        w.Element("span", "✓ oppfylt");
        w.Element("span", "✗ ikke oppfylt");
        w.Element("span", "– ikke relevant");
        w.Element("span", "ikke sjekket: kommunens nettsted er ikke gjennomgått ennå");
        w.Close("p");
        w.Element("p", "Dekning: andelen av kravene som er oppfylt, regnet over kommunene som er sjekket. Brutte lenker: lenker som ikke virker for leseren (finnes ikke, fjernet, serverfeil, feil i e-post- og telefonlenker, lenker til lokale filer). LIX: lesbarhetsindeks for hjelpesidene; under 40 er lett, 40–50 middels og over 50 vanskelig tekst.");
        w.Element("p", "Endring: sammenlignet med forrige rapport laget før i dag. Hver rapport lagrer sine tall per fylke slik at neste rapport kan vise utviklingen. Hold musepekeren over en rute for å se hva som ble funnet, og hvor.");
        w.Close("footer");
    }

    private static string BarText(CoverageSummary s) => s.Checked == 0 ? $"0 av {s.Municipalities} sjekket" : $"{NorwegianText.Percent(s.CoveragePercent)} · {s.Checked} av {s.Municipalities} sjekket";
}
