using Lenkevakt.Content;
using Lenkevakt.Content.Persistence;
using Lenkevakt.Content.Rules;
using Lenkevakt.Dashboard;
using Lenkevakt.Findings;
using Lenkevakt.Sites;
using Microsoft.Extensions.Options;

namespace Lenkevakt.Reports;

/// <summary>
/// Gathers the coverage report's content from storage: every municipality of <c>kommuner.csv</c>, of the sites catalogue
/// and of the dashboard (so a crawled municipality is never missing), each with its latest content results (rules,
/// languages, LIX), its broken links and its last crawl. A municipality without results is "ikke sjekket".
/// </summary>
public sealed class CoverageModelBuilder(
    DashboardStore dashboard,
    ContentExport content,
    FindingStore findings,
    ISiteCatalog catalog,
    RuleSet ruleSet,
    IOptions<ReportOptions> options)
{
    private const string MunicipalityKind = "municipality";

    public async Task<CoverageModel> BuildAsync(string? fylke, DateTimeOffset generatedAt, string reportDate, CancellationToken ct)
    {
        var latest = new List<SiteHealthEntity>();
        await foreach (var row in dashboard.GetLatestAsync(ct).ConfigureAwait(false))
        {
            latest.Add(row);
        }

        var contentRows = new Dictionary<string, SiteExportRow>(StringComparer.Ordinal);
        await foreach (var row in content.ReadSitesAsync(ct).ConfigureAwait(false))
        {
            contentRows[row.SiteId] = row;
        }

        var health = latest.ToDictionary(h => h.SiteId, StringComparer.Ordinal);
        var places = Municipalities(latest);
        var county = ResolveCounty(fylke, places.Values);
        var rules = Rules();

        var chosen = places.Values.ToDictionary(p => p.Kommunenummer, p => ChooseSite(p, health, contentRows), StringComparer.Ordinal);
        var wanted = places.Values.Where(p => county is null || p.Fylke == county).Select(p => chosen[p.Kommunenummer]).Where(id => id is not null && health.ContainsKey(id)).Select(id => id!).ToHashSet(StringComparer.Ordinal);
        var examples = await BrokenLinkExamplesAsync(county is null ? health.Keys.ToHashSet(StringComparer.Ordinal) : wanted, health, ct).ConfigureAwait(false);

        var counties = places.Values
            .GroupBy(p => (p.Fylkesnummer, p.Fylke))
            .OrderBy(g => g.Key.Fylkesnummer, StringComparer.Ordinal).ThenBy(g => g.Key.Fylke, StringComparer.Ordinal)
            .Select(g =>
            {
                var rows = g.OrderBy(p => p.Kommunenummer, StringComparer.Ordinal)
                    .Select(p => Row(p, chosen[p.Kommunenummer], health, contentRows, examples, rules))
                    .ToList();
                return new CountyCoverage(g.Key.Fylkesnummer, g.Key.Fylke, Summarise(rows, rules), rows);
            })
            .ToList();

        return new CoverageModel
        {
            GeneratedAt = generatedAt,
            ReportDate = reportDate,
            Fylke = county,
            RuleSet = ruleSet.Stamp,
            Rules = rules,
            National = Summarise(counties.SelectMany(c => c.Municipalities).ToList(), rules),
            AllCounties = counties,
        };
    }

    /// <summary>Totals over <paramref name="rows"/>: coverage pools the rule cells of the checked municipalities.</summary>
    public static CoverageSummary Summarise(IReadOnlyList<MunicipalityCoverage> rows, IReadOnlyList<CoverageRule> rules)
    {
        var done = rows.Where(r => r.Status == MunicipalityStatus.Checked).ToList();
        return new CoverageSummary
        {
            Municipalities = rows.Count,
            Checked = done.Count,
            Unreachable = rows.Count(r => r.Status == MunicipalityStatus.Unreachable),
            NotChecked = rows.Count(r => r.Status == MunicipalityStatus.NotChecked),
            RulesMet = done.Sum(r => r.RulesMet),
            RulesAssessed = done.Sum(r => r.RulesAssessed),
            BrokenLinks = rows.Sum(r => r.BrokenLinks ?? 0),
            MedianLix = SiteContentAccumulator.Median(done.Where(r => r.MedianLix is not null).Select(r => r.MedianLix!.Value).ToList()),
            PerRule = rules.Select(rule =>
            {
                var cells = done.Select(r => r.Rules.First(c => c.RuleId == rule.Id)).ToList();
                return new RuleCoverage(rule.Id, cells.Count(c => c.Outcome == CoverageOutcome.Met), cells.Count(c => c.Outcome is CoverageOutcome.Met or CoverageOutcome.NotMet));
            }).ToList(),
        };
    }

    private List<CoverageRule> Rules() => ruleSet.Rules
        .Where(r => r.AppliesTo.Contains(MunicipalityKind, StringComparer.Ordinal))
        .Select((r, i) => new CoverageRule(i + 1, r.Id, r.TitleNb, r.DescriptionNb, r.Severity, r.Scope == RuleScope.Page ? "page" : "site"))
        .ToList();

    /// <summary>kommunenummer → the municipality with its county and the site ids that may belong to it.</summary>
    private Dictionary<string, Place> Municipalities(IReadOnlyList<SiteHealthEntity> latest)
    {
        var places = new Dictionary<string, Place>(StringComparer.Ordinal);
        void Add(string nr, string name, string? fylkesnummer, string fylke, string? siteId)
        {
            if (!places.TryGetValue(nr, out var place))
            {
                place = new Place(nr, name, fylkesnummer ?? "", fylke);
                places[nr] = place;
            }

            if (siteId is not null && !place.SiteIds.Contains(siteId))
            {
                place.SiteIds.Add(siteId);
            }
        }

        if (options.Value.MunicipalitiesCsv is { Length: > 0 } csv)
        {
            if (!File.Exists(csv))
            {
                throw new SitesFileException(Path.GetFullPath(csv), ReportOptions.Section + ":MunicipalitiesCsv", "file not found (the national list of municipalities for the coverage report)");
            }

            foreach (var m in Municipality.ReadCsv(csv))
            {
                Add(m.Kommunenummer, m.Kommune, m.Fylkesnummer, m.Fylke, null);
            }
        }

        foreach (var s in catalog.GetSites().Where(s => s.Kind == SiteKind.Municipality && s.Kommunenummer is not null && s.Fylke is not null))
        {
            Add(s.Kommunenummer!, s.Name, s.Fylkesnummer, s.Fylke!, s.Id);
        }

        foreach (var h in latest.Where(h => h.Kind == MunicipalityKind && h.Kommunenummer is not null && h.Fylke is not null))
        {
            Add(h.Kommunenummer!, h.Name, h.Fylkesnummer, h.Fylke!, h.SiteId);
        }

        foreach (var place in places.Values.Where(p => !p.SiteIds.Contains("kommune-" + p.Kommunenummer)))
        {
            place.SiteIds.Add("kommune-" + place.Kommunenummer);
        }

        return places;
    }

    /// <summary>The county name asked for, by name or number (<c>3</c> = <c>03</c>); null for all. Unknown: an error naming the known ones.</summary>
    private static string? ResolveCounty(string? fylke, IEnumerable<Place> places)
    {
        if (string.IsNullOrWhiteSpace(fylke))
        {
            return null;
        }

        var wanted = fylke.Trim();
        var counties = places.Select(p => (p.Fylkesnummer, p.Fylke)).Distinct().ToList();
        var match = counties.FirstOrDefault(c => string.Equals(c.Fylke, wanted, StringComparison.OrdinalIgnoreCase)
            || (c.Fylkesnummer.Length > 0 && (c.Fylkesnummer == wanted || c.Fylkesnummer == wanted.PadLeft(2, '0'))));
        return match.Fylke ?? throw new ArgumentException(
            $"Ukjent fylke «{wanted}». Kjente fylker: {string.Join(", ", counties.OrderBy(c => c.Fylkesnummer, StringComparer.Ordinal).Select(c => $"{c.Fylke} ({c.Fylkesnummer})"))}.");
    }

    /// <summary>The site of the municipality with the newest crawl; else one with content results; else the configured one.</summary>
    private static string? ChooseSite(Place place, Dictionary<string, SiteHealthEntity> health, Dictionary<string, SiteExportRow> contentRows) =>
        place.SiteIds.Where(health.ContainsKey).OrderByDescending(id => health[id].LastCrawlAt).FirstOrDefault()
        ?? place.SiteIds.FirstOrDefault(contentRows.ContainsKey)
        ?? place.SiteIds.FirstOrDefault();

    /// <summary>
    /// The first <see cref="ReportOptions.BrokenLinksListed"/> broken links of each site (by page, then target), read as a
    /// stream of a few columns and kept bounded per site: memory grows with the sites, not with their findings.
    /// </summary>
    /// <summary>
    /// The first broken links of each site: from its dashboard row (kept there when its run closed), or, for rows
    /// written before the examples were kept or when more are listed than are kept, from its open findings.
    /// </summary>
    private async Task<Dictionary<string, List<BrokenLinkItem>>> BrokenLinkExamplesAsync(IReadOnlySet<string> sites, Dictionary<string, SiteHealthEntity> health, CancellationToken ct)
    {
        var listed = options.Value.BrokenLinksListed;
        var found = new Dictionary<string, List<BrokenLinkItem>>(StringComparer.Ordinal);
        var toRead = new List<string>();
        foreach (var site in sites)
        {
            var kept = listed <= BrokenLinkSample.Kept && health.TryGetValue(site, out var row) ? BrokenLinkSample.Read(row.BrokenLinksJson) : null;
            if (kept is null)
            {
                toRead.Add(site);
            }
            else if (listed > 0 && kept.Count > 0)
            {
                found[site] = [.. kept.Take(listed).Select(s => new BrokenLinkItem(s.PageUrl, s.PageTitle, s.Target, s.Kind, FindingKind.Find(s.Kind)?.TitleNb ?? s.Kind, s.StatusCode))];
            }
        }

        string[] columns = [nameof(StoredFinding.SiteId), nameof(StoredFinding.PageUrl), nameof(StoredFinding.PageTitle), nameof(StoredFinding.Target), nameof(StoredFinding.Kind), nameof(StoredFinding.StatusCode), nameof(StoredFinding.Severity)];
        async Task ReadAsync(string? siteId)
        {
            await foreach (var f in findings.QueryOpenAsync(siteId, "error", columns, ct).ConfigureAwait(false))
            {
                if (!BrokenLinks.Is(f) || listed <= 0)
                {
                    continue;
                }

                var item = new BrokenLinkItem(f.PageUrl, f.PageTitle, f.Target, f.Kind, FindingKind.Find(f.Kind)?.TitleNb ?? f.Kind, f.StatusCode);
                lock (found)
                {
                    var list = found.TryGetValue(f.SiteId, out var l) ? l : found[f.SiteId] = [];
                    var at = list.BinarySearch(item, ExampleOrder.Instance);
                    at = at < 0 ? ~at : at;
                    if (at < listed)
                    {
                        list.Insert(at, item);
                        if (list.Count > listed)
                        {
                            list.RemoveAt(list.Count - 1);
                        }
                    }
                }
            }
        }

        {
            await Parallel.ForEachAsync(toRead, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (id, _) => await ReadAsync(id).ConfigureAwait(false)).ConfigureAwait(false);
        }

        return found;
    }

    private sealed class ExampleOrder : IComparer<BrokenLinkItem>
    {
        public static readonly ExampleOrder Instance = new();

        public int Compare(BrokenLinkItem? x, BrokenLinkItem? y)
        {
            var c = string.CompareOrdinal(x?.PageUrl, y?.PageUrl);
            return c != 0 ? c : string.CompareOrdinal(x?.Target, y?.Target);
        }
    }

    private MunicipalityCoverage Row(
        Place place, string? siteId, Dictionary<string, SiteHealthEntity> health, Dictionary<string, SiteExportRow> contentRows,
        Dictionary<string, List<BrokenLinkItem>> examples, IReadOnlyList<CoverageRule> rules)
    {
        var h = siteId is null ? null : health.GetValueOrDefault(siteId);
        var c = siteId is null ? null : contentRows.GetValueOrDefault(siteId);
        var status = h is { Reachable: false } ? MunicipalityStatus.Unreachable : c is not null ? MunicipalityStatus.Checked : MunicipalityStatus.NotChecked;
        var listed = siteId is not null && examples.TryGetValue(siteId, out var broken) ? broken : [];
        var isChecked = status == MunicipalityStatus.Checked;
        return new MunicipalityCoverage
        {
            Kommunenummer = place.Kommunenummer,
            Name = place.Name,
            SiteId = siteId,
            StartUrl = h?.StartUrl ?? catalog.GetSites().FirstOrDefault(s => s.Id == siteId)?.StartUrls[0].AbsoluteUri,
            Status = status,
            Rules = rules.Select(r => Cell(r, isChecked ? c : null)).ToList(),
            LanguagesOffered = isChecked ? c!.LanguagesOffered : [],
            PriorityLanguagesMissing = isChecked ? c!.PriorityLanguagesMissing : [],
            BrokenLinks = h is null ? null : BrokenLinks.Count(h.KindsJson),
            BrokenLinkExamples = listed,
            MedianLix = isChecked ? c!.MedianLix : null,
            HelpPages = isChecked ? c!.HelpPages : null,
            LastCrawlAt = h?.LastCrawlAt ?? c?.CheckedAt,
            HealthScore = h?.HealthScore,
        };
    }

    private RuleCell Cell(CoverageRule rule, SiteExportRow? row)
    {
        if (row is null)
        {
            return new RuleCell(rule.Id, CoverageOutcome.NotChecked);
        }

        if (rule.Scope == "site")
        {
            var r = row.Rules.FirstOrDefault(x => x.RuleId == rule.Id);
            return r?.Outcome switch
            {
                null => new RuleCell(rule.Id, CoverageOutcome.NotChecked, Note: "Regelen var ikke med i siste sjekk."),
                RuleOutcome.Met => new RuleCell(rule.Id, CoverageOutcome.Met, Evidence: r.Evidence, PageUrl: r.PageUrl, Note: r.Where),
                RuleOutcome.NotMet => new RuleCell(rule.Id, CoverageOutcome.NotMet, Note: r.Missing),
                _ => new RuleCell(rule.Id, CoverageOutcome.NotApplicable, Note: r.Missing),
            };
        }

        var summary = row.PageRules.FirstOrDefault(x => x.RuleId == rule.Id);
        var missing = ruleSet.Rules.First(x => x.Id == rule.Id).MissingNb;
        return summary switch
        {
            null => new RuleCell(rule.Id, CoverageOutcome.NotChecked, Note: "Regelen var ikke med i siste sjekk."),
            { Met: 0, NotMet: 0 } => new RuleCell(rule.Id, CoverageOutcome.NotMet, Note: "Fant ingen sider om helse- og hjelpetilbud. " + missing),
            { NotMet: 0 } => new RuleCell(rule.Id, CoverageOutcome.Met, Note: $"Oppfylt på alle {summary.Met} hjelpesider."),
            _ => new RuleCell(rule.Id, CoverageOutcome.NotMet, Note: $"Mangler på {summary.NotMet} av {summary.Met + summary.NotMet} hjelpesider. {missing}"),
        };
    }

    private sealed record Place(string Kommunenummer, string Name, string Fylkesnummer, string Fylke)
    {
        public List<string> SiteIds { get; } = [];
    }
}
