using System.Text;

namespace Lenkevakt.Content.Rules;

/// <summary>
/// Generates <c>docs/rules.md</c> (Norwegian, then English) from the rule set, so the documentation can never drift
/// from the JSON. Deterministic: same rule set, same bytes. Checked by the test <c>RulesDocIsUpToDate</c>.
/// </summary>
public static class RulesDocGenerator
{
    public static string Generate(RuleSet set)
    {
        var sb = new StringBuilder();
        sb.Append("<!-- GENERATED from config/rules/required-fields.v1.json by Lenkevakt.Content.Rules.RulesDocGenerator. Do not edit by hand.\n");
        sb.Append("     Regenerate: LENKEVAKT_UPDATE_DOCS=1 dotnet test tests/Lenkevakt.Tests --filter FullyQualifiedName~RulesDocIsUpToDate -->\n\n");
        sb.Append("# Påkrevd informasjon – regelsett / Required information – rule set\n\n");
        sb.Append($"Regelsett / rule set: `{set.Name}` versjon / version **{set.Version}** ({set.Rules.Count} regler / rules).\n\n");
        sb.Append("- [Norsk](#norsk)\n- [English](#english)\n\n");

        sb.Append("## Norsk\n\n").Append(set.DescriptionNb).Append("\n\n");
        sb.Append("### Hvordan reglene brukes\n\n");
        sb.Append("- En regel gjelder en side når nettstedet er av riktig type (`kommune` / `helsenorge`) **og** siden er en side om helse- eller hjelpetilbud. På andre sider er regelen «ikke relevant».\n");
        sb.Append("- **Side-regler** leser sidens eget innhold: hovedinnholdet, sidebokser (`aside`) og schema.org-data om tjenesten. Toppfelt, menyer og bunntekst teller ikke – kommunens sentralbord i bunnteksten er ikke tjenestens telefonnummer.\n");
        sb.Append("- **Nettsted-regler** leser alt en besøkende ser unntatt menyer (også toppfelt og bunntekst). Regelen er oppfylt for nettstedet når minst én hjelpeside oppfyller den; siden som oppfylte den, blir registrert.\n");
        sb.Append("- Telefonnumre, e-post, adresser, åpningstider og språktilbud finnes av innebygde detektorer (se under) som tåler vanlige skrivemåter.\n\n");
        sb.Append("### Regler\n\n");
        sb.Append("| Id | Tittel | Gjelder | Omfang | Alvor |\n|---|---|---|---|---|\n");
        foreach (var r in set.Rules)
        {
            sb.Append($"| `{r.Id}` v{r.Version} | {r.TitleNb} | {AppliesNb(r)} | {(r.Scope == RuleScope.Page ? "side" : "nettsted")} | {SeverityNb(r.Severity)} |\n");
        }

        sb.Append('\n');
        foreach (var r in set.Rules)
        {
            sb.Append($"#### `{r.Id}` – {r.TitleNb}\n\n");
            sb.Append(r.DescriptionNb).Append("\n\n");
            sb.Append($"- Gjelder: {AppliesNb(r)}; omfang: {(r.Scope == RuleScope.Page ? "hver hjelpeside" : "nettstedet (minst én hjelpeside)")}; alvor når ikke oppfylt: {SeverityNb(r.Severity)}; versjon {r.Version}.\n");
            sb.Append($"- Melding når ikke oppfylt: «{r.MissingNb}»\n");
            sb.Append($"- Kilde: {string.Join("; ", r.Sources.Select(s => SourceName(set, s, nb: true)))}\n");
            sb.Append("- Slik oppdages det:\n");
            Describe(sb, r.Detect, 1, nb: true);
            sb.Append('\n');
        }

        sb.Append("### Kilder\n\n");
        foreach (var s in set.Sources)
        {
            sb.Append($"- `{s.Id}`: {s.TitleNb} ({s.Publisher}{(s.Year is { } y ? $", {y}" : "")}){(s.Url is { } u ? $" – <{u}>" : "")}{(s.Note is { } n ? $". {n}" : "")}\n");
        }

        sb.Append("\n## English\n\n").Append(set.DescriptionEn).Append("\n\n");
        sb.Append("### How the rules are applied\n\n");
        sb.Append("- A rule applies to a page when the site is of the right kind (`municipality` / `helsenorge`) **and** the page is a health/help page. Elsewhere the rule is \"not applicable\".\n");
        sb.Append("- **Page rules** read the page's own content: the main content, side boxes (`aside`) and schema.org data about the service. Header, menus and footer do not count – the municipality's switchboard in the footer is not the service's number.\n");
        sb.Append("- **Site rules** read everything a visitor sees except menus (header and footer included). A site rule is met when at least one help page meets it; that page is recorded.\n");
        sb.Append("- Phone numbers, e-mail, addresses, opening hours and language offers are found by built-in detectors that accept the usual ways of writing them.\n\n");
        sb.Append("### Rules\n\n");
        sb.Append("| Id | Title | Applies to | Scope | Severity |\n|---|---|---|---|---|\n");
        foreach (var r in set.Rules)
        {
            sb.Append($"| `{r.Id}` v{r.Version} | {r.TitleEn} | {string.Join(", ", r.AppliesTo)} | {(r.Scope == RuleScope.Page ? "page" : "site")} | {r.Severity} |\n");
        }

        sb.Append('\n');
        foreach (var r in set.Rules)
        {
            sb.Append($"#### `{r.Id}` – {r.TitleEn}\n\n");
            sb.Append(r.DescriptionEn).Append("\n\n");
            sb.Append($"- Applies to: {string.Join(", ", r.AppliesTo)}; scope: {(r.Scope == RuleScope.Page ? "every help page" : "the site (any help page)")}; severity when not met: {r.Severity}; version {r.Version}.\n");
            sb.Append($"- Sources: {string.Join("; ", r.Sources.Select(s => SourceName(set, s, nb: false)))}\n");
            sb.Append("- Detection:\n");
            Describe(sb, r.Detect, 1, nb: false);
            sb.Append('\n');
        }

        sb.Append("### Sources\n\n");
        foreach (var s in set.Sources)
        {
            sb.Append($"- `{s.Id}`: {s.TitleEn} ({s.Publisher}{(s.Year is { } y ? $", {y}" : "")}){(s.Url is { } u ? $" – <{u}>" : "")}\n");
        }

        sb.Append("\n### Built-in detectors\n\n");
        sb.Append("- `phone`: Norwegian numbers (`22 40 00 40`, `22400040`, `+47 22 40 00 40`, `800 33 321`, `116 117`/`116117`, `tel:` links); times, time ranges and dates are masked first; 3-digit emergency numbers only when a rule names them.\n");
        sb.Append("- `email`: `mailto:` links, plain addresses, `(at)`/`[at]`/`(krøllalfa)`/`(dot)` obfuscations, Cloudflare-protected addresses.\n");
        sb.Append("- `address`: street + number + postcode + place, streets with a street suffix (`-gata`, `-vegen`, `-veien`, `plass`…), post boxes, schema.org addresses; kind `visiting` (labelled besøksadresse, oppmøtestad…), `postal` (postadresse, postboks) or `street` (unlabelled).\n");
        sb.Append("- `opening-hours`: time ranges (`kl. 08.00–15.30`, `08:00-15:30`, `0800-1530`, `8–15.30`) with day words (`man–fre`, `mandag til fredag`, `kvardagar`) or opening words (`åpningstider`, `opningstid`, `ope`), tables and lists included; \"open around the clock\" phrases; schema.org `openingHours` and `OpeningHoursSpecification`.\n");
        sb.Append("- `language-offer`: links or picker options labelled with a language name (`English`, `Polski`, `العربية`, `Soomaali`, `ትግርኛ`, `Davvisámegiella`, `Informasjon på polsk`…), `hreflang` links and alternates, \"other languages\" links.\n");
        sb.Append("- `page-language`: the page's own main text is detected as a language other than Norwegian.\n");
        return sb.ToString();
    }

    private static void Describe(StringBuilder sb, RuleCondition c, int depth, bool nb)
    {
        var indent = new string(' ', depth * 2);
        if (c.Any is { } any)
        {
            sb.Append(indent).Append(nb ? "- minst én av:\n" : "- any of:\n");
            foreach (var sub in any)
            {
                Describe(sb, sub, depth + 1, nb);
            }
        }
        else if (c.All is { } all)
        {
            var within = c.Within switch
            {
                "sentence" => nb ? "i samme setning" : "in the same sentence",
                "block" => nb ? "i samme avsnitt" : "in the same block",
                "nearby" => nb ? "i samme eller nabo-avsnitt" : "in the same or a neighbouring block",
                "section" => nb ? "under samme overskrift" : "under the same heading",
                _ => nb ? "på siden" : "on the page",
            };
            sb.Append(indent).Append(nb ? $"- alle disse, {within}:\n" : $"- all of these, {within}:\n");
            foreach (var sub in all)
            {
                Describe(sb, sub, depth + 1, nb);
            }

            if (c.None is { Count: > 0 } none)
            {
                sb.Append(indent).Append(nb ? "  - men ikke i en setning som også har (den motsatte beskjeden):\n" : "  - but not in a sentence that also has (the opposite statement):\n");
                foreach (var sub in none)
                {
                    Describe(sb, sub, depth + 2, nb);
                }
            }
        }
        else if (c.Detector is { } d)
        {
            var parts = new List<string> { $"`{d}`" };
            if (c.Numbers is { Count: > 0 } numbers)
            {
                parts.Add((nb ? "numre " : "numbers ") + string.Join(", ", numbers.Select(n => $"`{n}`")));
            }

            if (c.Exclude is { Count: > 0 } exclude)
            {
                parts.Add((nb ? "unntatt " : "except ") + string.Join(", ", exclude.Select(n => $"`{n}`")));
            }

            if (c.Kinds is { Count: > 0 } kinds)
            {
                parts.Add((nb ? "typer " : "kinds ") + string.Join(", ", kinds));
            }

            if (c.Context is { Count: > 0 } context)
            {
                parts.Add((nb ? "med nærliggende ord: " : "with nearby words: ") + string.Join("; ", context.OrderBy(k => k.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}: {string.Join(", ", kv.Value)}")));
            }

            sb.Append(indent).Append(nb ? "- detektor " : "- detector ").Append(string.Join("; ", parts)).Append('\n');
        }
        else if (c.Phrases is { } phrases)
        {
            var min = c.MinDistinct > 1 ? (nb ? $" (minst {c.MinDistinct} ulike)" : $" (at least {c.MinDistinct} different)") : "";
            sb.Append(indent).Append(nb ? "- fraser" : "- phrases").Append(min).Append(":\n");
            foreach (var (lang, list) in phrases.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                sb.Append(indent).Append($"  - {lang}: {string.Join(", ", list.Select(p => $"«{p}»"))}\n");
            }

            if (c.Lemmas is { Count: > 0 } lemmas)
            {
                sb.Append(indent).Append(nb ? "  - teller som én (samme tjeneste): " : "  - count as one (same service): ")
                    .Append(string.Join("; ", lemmas.Select(g => string.Join(" = ", g.Select(p => $"«{p}»"))))).Append('\n');
            }
        }
        else if (c.Patterns is { } patterns)
        {
            sb.Append(indent).Append(nb ? "- mønstre: " : "- patterns: ").Append(string.Join(", ", patterns.Select(p => $"`{p.Replace("|", "\\|", StringComparison.Ordinal)}`"))).Append('\n');
        }
    }

    private static string AppliesNb(RequiredFieldRule r) => string.Join(", ", r.AppliesTo.Select(a => a == "municipality" ? "kommune" : a));

    private static string SeverityNb(string severity) => severity switch
    {
        "error" => "feil",
        "warning" => "advarsel",
        _ => "info",
    };

    private static string SourceName(RuleSet set, string id, bool nb) => set.Sources.FirstOrDefault(s => s.Id == id) is { } s ? (nb ? s.TitleNb : s.TitleEn) : id;
}
