using Lenkevakt.Content.Languages;
using Lenkevakt.Content.Rules;

namespace Lenkevakt.Content;

/// <summary>
/// Aggregates page results into a <see cref="SiteContentResult"/> as pages arrive (thread-safe): a site-scope rule is met
/// by the first help page that meets it; languages offered collect the first evidence per language from help pages;
/// LIX values are kept as numbers for the medians.
/// </summary>
public sealed class SiteContentAccumulator(RuleSet rules)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, RuleResult> siteRules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Met, int NotMet)> pageRules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LanguageOffer> languages = new(StringComparer.Ordinal);
    private readonly List<double> lixHelp = [];
    private readonly List<double> lixAll = [];
    private int pages;
    private int helpPages;

    public void Add(PageContentResult page)
    {
        lock (gate)
        {
            pages++;
            if (page.Lix is { } lix)
            {
                lixAll.Add(lix);
                if (page.IsHelpPage)
                {
                    lixHelp.Add(lix);
                }
            }

            if (!page.IsHelpPage)
            {
                return;
            }

            helpPages++;
            foreach (var r in page.Rules)
            {
                var rule = rules.Rules.FirstOrDefault(x => x.Id == r.RuleId);
                if (rule is null || r.Outcome == RuleOutcome.NotApplicable)
                {
                    continue;
                }

                if (rule.Scope == RuleScope.Site)
                {
                    if (r.Outcome == RuleOutcome.Met && (!siteRules.TryGetValue(r.RuleId, out var existing) || existing.Outcome != RuleOutcome.Met))
                    {
                        siteRules[r.RuleId] = r with { PageUrl = page.Url };
                    }
                    else
                    {
                        siteRules.TryAdd(r.RuleId, r);
                    }
                }
                else
                {
                    var (met, notMet) = pageRules.GetValueOrDefault(r.RuleId);
                    pageRules[r.RuleId] = r.Outcome == RuleOutcome.Met ? (met + 1, notMet) : (met, notMet + 1);
                }
            }

            foreach (var offer in page.LanguageOffers)
            {
                // A page detected in a language is the strongest evidence; keep it over a link.
                if (!languages.TryGetValue(offer.Code, out var existing) || (offer.Kind == "page" && existing.Kind != "page"))
                {
                    languages[offer.Code] = offer;
                }
            }
        }
    }

    public SiteContentResult Complete(string siteId, string? siteName, string siteKind, string? audience, string runId, DateTimeOffset checkedAt)
    {
        lock (gate)
        {
            var results = new List<RuleResult>();
            foreach (var rule in rules.Rules.Where(r => r.Scope == RuleScope.Site))
            {
                if (audience is null || !rule.AppliesTo.Contains(audience))
                {
                    results.Add(new RuleResult(rule.Id, RuleOutcome.NotApplicable, Missing: "Regelen gjelder ikke for denne typen nettsted."));
                }
                else if (siteRules.TryGetValue(rule.Id, out var r))
                {
                    results.Add(r.Outcome == RuleOutcome.Met ? r : r with { Missing = rule.MissingNb });
                }
                else
                {
                    results.Add(new RuleResult(rule.Id, RuleOutcome.NotMet, Missing: helpPages == 0 ? "Fant ingen sider om helse- og hjelpetilbud. " + rule.MissingNb : rule.MissingNb));
                }
            }

            var order = LanguageNames.All.Select((l, i) => (l.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
            return new SiteContentResult
            {
                SiteId = siteId,
                SiteName = siteName,
                SiteKind = siteKind,
                RunId = runId,
                RuleSet = rules.Stamp,
                CheckedAt = checkedAt,
                Pages = pages,
                HelpPages = helpPages,
                MedianLix = Median(lixHelp),
                MedianLixAllPages = Median(lixAll),
                Rules = results,
                LanguagesOffered = [.. languages.Values.OrderBy(o => order.GetValueOrDefault(o.Code, 999)).ThenBy(o => o.Code, StringComparer.Ordinal)],
                PageRules = [.. rules.Rules.Where(r => r.Scope == RuleScope.Page).Select(r => new PageRuleSummary(r.Id, pageRules.GetValueOrDefault(r.Id).Met, pageRules.GetValueOrDefault(r.Id).NotMet))],
            };
        }
    }

    public static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return Math.Round(sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2, 1);
    }
}
