namespace Lenkevakt.Content.Rules;

/// <summary>One required-information rule from <c>config/rules/required-fields.v1.json</c>.</summary>
public sealed class RequiredFieldRule
{
    /// <summary>Stable id (kebab-case); used as the finding target and in exports. Never reuse an id for another meaning.</summary>
    public string Id { get; set; } = "";

    /// <summary>The rule's own version; bump when its meaning or detection changes.</summary>
    public int Version { get; set; } = 1;

    public string TitleNb { get; set; } = "";

    public string DescriptionNb { get; set; } = "";

    public string TitleEn { get; set; } = "";

    public string DescriptionEn { get; set; } = "";

    /// <summary>Norwegian sentence shown when the rule is not met (what is missing).</summary>
    public string MissingNb { get; set; } = "";

    /// <summary>Source ids (see <see cref="RuleSet.Sources"/>).</summary>
    public List<string> Sources { get; set; } = [];

    /// <summary><c>municipality</c> and/or <c>helsenorge</c>.</summary>
    public List<string> AppliesTo { get; set; } = [];

    public RuleScope Scope { get; set; } = RuleScope.Site;

    /// <summary><c>error</c>, <c>warning</c> or <c>info</c> (when not met).</summary>
    public string Severity { get; set; } = "warning";

    /// <summary>Regions read (names of <see cref="Text.PageRegion"/>); default by scope: page → PageContent, site → SiteContent.</summary>
    public List<string>? Regions { get; set; }

    public RuleCondition Detect { get; set; } = new();
}
