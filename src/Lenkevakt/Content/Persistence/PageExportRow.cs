using System.Globalization;
using Lenkevakt.Content.Rules;

namespace Lenkevakt.Content.Persistence;

/// <summary>One page in <c>lenkevakt export pages</c>: language, help-page verdict, LIX and every rule's result with evidence.</summary>
public sealed record PageExportRow
{
    public required string SiteId { get; init; }

    public required string Url { get; init; }

    public string? Title { get; init; }

    public string? DeclaredLang { get; init; }

    public string? DeclaredLangProblem { get; init; }

    public required string DetectedLang { get; init; }

    public double LangConfidence { get; init; }

    public int Words { get; init; }

    public bool IsHelpPage { get; init; }

    public double HelpScore { get; init; }

    public IReadOnlyList<string> HelpReasons { get; init; } = [];

    public double? Lix { get; init; }

    public IReadOnlyList<RuleResult> Rules { get; init; } = [];

    public IReadOnlyList<AlternateLink> Alternates { get; init; } = [];

    public IReadOnlyList<LanguageOffer> LanguageOffers { get; init; } = [];

    public string? RunId { get; init; }

    public string? RuleSet { get; init; }

    public DateTimeOffset? CheckedAt { get; init; }

    /// <summary>Flat columns for CSV: the scalar fields, then <c>rule:&lt;id&gt;</c> = met / not-met / not-applicable per rule.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToColumns()
    {
        var c = new List<KeyValuePair<string, string>>
        {
            new("siteId", SiteId),
            new("url", Url),
            new("title", Title ?? ""),
            new("declaredLang", DeclaredLang ?? ""),
            new("declaredLangProblem", DeclaredLangProblem ?? ""),
            new("detectedLang", DetectedLang),
            new("langConfidence", LangConfidence.ToString("0.00", CultureInfo.InvariantCulture)),
            new("words", Words.ToString(CultureInfo.InvariantCulture)),
            new("isHelpPage", IsHelpPage ? "true" : "false"),
            new("helpReasons", string.Join("; ", HelpReasons)),
            new("lix", Lix?.ToString("0.0", CultureInfo.InvariantCulture) ?? ""),
            new("checkedAt", CheckedAt?.ToString("O", CultureInfo.InvariantCulture) ?? ""),
        };
        c.AddRange(Rules.Select(r => new KeyValuePair<string, string>("rule:" + r.RuleId, RuleOutcomeNames.Wire(r.Outcome))));
        return c;
    }
}
