namespace Lenkevakt.Content.Rules;

/// <summary>
/// A detection condition in the rule file. Exactly one of <see cref="Phrases"/>, <see cref="Patterns"/>,
/// <see cref="Detector"/>, <see cref="All"/> or <see cref="Any"/> is set.
/// </summary>
public sealed class RuleCondition
{
    /// <summary>Phrases per language (nb, nn, en, …), matched case-insensitively on word boundaries; a trailing '*' matches any word ending.</summary>
    public Dictionary<string, List<string>>? Phrases { get; set; }

    /// <summary>Regular expressions (.NET syntax, case-insensitive).</summary>
    public List<string>? Patterns { get; set; }

    /// <summary>A built-in detector: phone, email, address, opening-hours, language-offer, page-language.</summary>
    public string? Detector { get; set; }

    /// <summary>Detector filter: only these numbers (digits) count (phone).</summary>
    public List<string>? Numbers { get; set; }

    /// <summary>Detector filter: these numbers (digits) do not count (phone).</summary>
    public List<string>? Exclude { get; set; }

    /// <summary>Detector filter: one of these words must stand near the hit (about 60 characters before or after), per language.</summary>
    public Dictionary<string, List<string>>? Context { get; set; }

    /// <summary>Detector filter: hit kinds that count (address: visiting, street, postal).</summary>
    public List<string>? Kinds { get; set; }

    /// <summary>Every condition must hold within the same <see cref="Within"/> window.</summary>
    public List<RuleCondition>? All { get; set; }

    /// <summary>At least one condition must hold.</summary>
    public List<RuleCondition>? Any { get; set; }

    /// <summary>For <see cref="All"/>: <c>sentence</c>, <c>block</c>, <c>nearby</c> (a block and its neighbours), <c>section</c> (under one heading) or <c>page</c> (default).</summary>
    public string Within { get; set; } = "page";

    /// <summary>For phrases and patterns: how many different ones must match. Default 1.</summary>
    public int MinDistinct { get; set; } = 1;

    /// <summary>
    /// For phrases with <see cref="MinDistinct"/>: groups of phrases that name the same thing (a service and its other
    /// names and languages). Matches are counted by phrase, not by string (four inflected forms of "fastlege" are one), and a
    /// group counts once.
    /// </summary>
    public List<List<string>>? Lemmas { get; set; }

    /// <summary>For <see cref="All"/> within a sentence: none of these phrase/pattern conditions may match the same sentence (the opposite statement).</summary>
    public List<RuleCondition>? None { get; set; }

    /// <summary>A short name used in evidence and docs, e.g. "116 117".</summary>
    public string? Label { get; set; }
}
