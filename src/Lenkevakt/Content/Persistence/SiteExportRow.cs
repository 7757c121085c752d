using System.Globalization;
using Lenkevakt.Content.Languages;
using Lenkevakt.Content.Rules;

namespace Lenkevakt.Content.Persistence;

/// <summary>One site in <c>lenkevakt export sites</c>: site-scope rules with the page that met them, languages offered, median LIX.</summary>
public sealed record SiteExportRow
{
    public required string SiteId { get; init; }

    public string? SiteName { get; init; }

    public string? SiteKind { get; init; }

    public string? RunId { get; init; }

    public string? RuleSet { get; init; }

    public DateTimeOffset? CheckedAt { get; init; }

    public int Pages { get; init; }

    public int HelpPages { get; init; }

    public double? MedianLix { get; init; }

    public double? MedianLixAllPages { get; init; }

    /// <summary>Codes of the languages offered (besides Norwegian), e.g. ["en","pl","ar"].</summary>
    public IReadOnlyList<string> LanguagesOffered { get; init; } = [];

    /// <summary>Priority languages with no offer found.</summary>
    public IReadOnlyList<string> PriorityLanguagesMissing { get; init; } = [];

    public IReadOnlyList<LanguageOffer> LanguageEvidence { get; init; } = [];

    public IReadOnlyList<RuleResult> Rules { get; init; } = [];

    public IReadOnlyList<PageRuleSummary> PageRules { get; init; } = [];

    /// <summary>Flat columns for CSV: scalars, <c>rule:&lt;id&gt;</c> outcomes and <c>lang:&lt;code&gt;</c> yes/no for priority languages.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToColumns()
    {
        var c = new List<KeyValuePair<string, string>>
        {
            new("siteId", SiteId),
            new("siteName", SiteName ?? ""),
            new("siteKind", SiteKind ?? ""),
            new("pages", Pages.ToString(CultureInfo.InvariantCulture)),
            new("helpPages", HelpPages.ToString(CultureInfo.InvariantCulture)),
            new("medianLix", MedianLix?.ToString("0.0", CultureInfo.InvariantCulture) ?? ""),
            new("languagesOffered", string.Join(" ", LanguagesOffered)),
            new("ruleSet", RuleSet ?? ""),
            new("checkedAt", CheckedAt?.ToString("O", CultureInfo.InvariantCulture) ?? ""),
        };
        c.AddRange(Rules.Select(r => new KeyValuePair<string, string>("rule:" + r.RuleId, RuleOutcomeNames.Wire(r.Outcome))));
        c.AddRange(LanguageNames.Priority.Select(l => new KeyValuePair<string, string>("lang:" + l.Code, LanguagesOffered.Contains(l.Code) ? "yes" : "no")));
        return c;
    }
}
