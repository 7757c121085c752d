using System.ComponentModel.DataAnnotations;

namespace Lenkevakt.Content;

/// <summary>Content checks: languages, required information, readability. Bound from <c>Lenkevakt:Content</c>.</summary>
public sealed class ContentOptions
{
    public const string Section = "Lenkevakt:Content";

    /// <summary>Run the content checks at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A rule file to use instead of the embedded <c>config/rules/required-fields.v1.json</c>. Default none.</summary>
    public string? RulesFile { get; set; }

    /// <summary>
    /// LIX above which a help page gets <c>readability-hard</c>. Default 50: on Björnsson's scale 40–50 is "middels"
    /// (ordinary newspaper prose) and above 50 "vanskelig" (official and academic prose), too hard for information
    /// people in a crisis must understand.
    /// </summary>
    [Range(20, 90)]
    public double LixThreshold { get; set; } = 50;

    /// <summary>Fewest words in the main text for a LIX score (short texts give erratic scores). Default 40.</summary>
    [Range(1, 10000)]
    public int MinWordsForLix { get; set; } = 40;

    /// <summary>Report <c>readability-hard</c> for every Norwegian page, not only help pages. Default false.</summary>
    public bool ReadabilityForAllPages { get; set; }

    /// <summary>Fewest words in the main text before a declared-vs-detected language mismatch is reported. Default 20.</summary>
    [Range(4, 10000)]
    public int MinWordsForLanguageMismatch { get; set; } = 20;

    /// <summary>Lowest detection confidence (0–1) for a language mismatch finding. Default 0.7.</summary>
    [Range(0.0, 1.0)]
    public double MinConfidenceForLanguageMismatch { get; set; } = 0.7;

    /// <summary>Help-page score threshold (see <see cref="Help.HelpPageSignals"/>). Default 8.</summary>
    [Range(1.0, 100.0)]
    public double HelpPageThreshold { get; set; } = Help.HelpPageSignals.DefaultThreshold;

    /// <summary>
    /// Pages a focused help-page crawl should fetch per site (for the crawler's link priority queue; links ordered by
    /// <see cref="Help.HelpPageSignals.ScoreLink"/>). Default 150.
    /// </summary>
    [Range(1, 100000)]
    public int HelpPageBudget { get; set; } = 150;

    /// <summary>
    /// Page findings per site for one rule (or one page check such as readability) before the rest are summed up in one
    /// site finding. A rule missed on hundreds of pages is one message to the editors, not hundreds; every page's
    /// result stays in the Pages table (<c>lenkevakt export pages</c>). Default 25; 0 = no limit.
    /// </summary>
    [Range(0, 100000)]
    public int MaxPageFindingsPerRule { get; set; } = 25;

    /// <summary>How rules treat sites of kind Other (ad-hoc URLs): <c>municipality</c> (default) or <c>none</c>.</summary>
    [RegularExpression("^(municipality|helsenorge|none)$")]
    public string RulesForOtherSites { get; set; } = "municipality";

    /// <summary>Longest evidence text kept per rule result. Default 300 characters.</summary>
    [Range(40, 4000)]
    public int MaxEvidenceChars { get; set; } = 300;

    /// <summary>Write page and site results to table storage at the end of each site's crawl. Default true.</summary>
    public bool Persist { get; set; } = true;
}
