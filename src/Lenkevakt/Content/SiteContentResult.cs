using Lenkevakt.Content.Rules;

namespace Lenkevakt.Content;

/// <summary>A site's content results in one run: site-scope rules (with the page that met them), languages offered and LIX.</summary>
public sealed class SiteContentResult
{
    public required string SiteId { get; init; }

    public string? SiteName { get; init; }

    /// <summary><c>municipality</c>, <c>helsenorge</c> or <c>other</c>.</summary>
    public required string SiteKind { get; init; }

    public required string RunId { get; init; }

    /// <summary>The rule set used, e.g. <c>required-fields@1.0.0</c>.</summary>
    public required string RuleSet { get; init; }

    public DateTimeOffset CheckedAt { get; init; }

    public int Pages { get; init; }

    public int HelpPages { get; init; }

    /// <summary>Median LIX of the help pages that have one; null when none.</summary>
    public double? MedianLix { get; init; }

    /// <summary>Median LIX of all Norwegian pages that have one.</summary>
    public double? MedianLixAllPages { get; init; }

    /// <summary>Site-scope rules: met when any help page met them (<see cref="RuleResult.PageUrl"/> says which).</summary>
    public IReadOnlyList<RuleResult> Rules { get; init; } = [];

    /// <summary>Languages (other than Norwegian) the help information is offered in, with the first evidence for each.</summary>
    public IReadOnlyList<LanguageOffer> LanguagesOffered { get; init; } = [];

    /// <summary>Page-scope rules: on how many help pages each was met / not met.</summary>
    public IReadOnlyList<PageRuleSummary> PageRules { get; init; } = [];
}
