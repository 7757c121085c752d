using Lenkevakt.Content.Rules;

namespace Lenkevakt.Content;

/// <summary>Everything the content checks concluded about one page. Small and DOM-free; kept until the site completes.</summary>
public sealed class PageContentResult
{
    public required string SiteId { get; init; }

    public required string Url { get; init; }

    public string? Title { get; init; }

    /// <summary>The <c>&lt;html lang&gt;</c> value as written, or null when missing.</summary>
    public string? DeclaredLang { get; init; }

    /// <summary>Why the declared language is invalid (Norwegian), or null when valid or missing.</summary>
    public string? DeclaredLangProblem { get; init; }

    /// <summary>Detected language of the main text, or <c>und</c>.</summary>
    public required string DetectedLang { get; init; }

    public double LangConfidence { get; init; }

    public string? LangMethod { get; init; }

    /// <summary>Words in the main text.</summary>
    public int Words { get; init; }

    public bool IsHelpPage { get; init; }

    public double HelpScore { get; init; }

    public IReadOnlyList<string> HelpReasons { get; init; } = [];

    /// <summary>LIX of the main text (Norwegian pages with enough words), else null.</summary>
    public double? Lix { get; init; }

    public IReadOnlyList<RuleResult> Rules { get; init; } = [];

    public IReadOnlyList<AlternateLink> Alternates { get; init; } = [];

    public IReadOnlyList<LanguageOffer> LanguageOffers { get; init; } = [];

    public RuleResult? Rule(string id) => Rules.FirstOrDefault(r => r.RuleId == id);
}
