namespace Lenkevakt.Content.Rules;

/// <summary>A versioned set of required-information rules (the JSON file's root).</summary>
public sealed class RuleSet
{
    /// <summary>The rule set's name, e.g. <c>required-fields</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Semantic version of the file; stored with every result.</summary>
    public string Version { get; set; } = "";

    public string DescriptionNb { get; set; } = "";

    public string DescriptionEn { get; set; } = "";

    public List<RuleSource> Sources { get; set; } = [];

    public List<RequiredFieldRule> Rules { get; set; } = [];

    /// <summary>"required-fields@1.0.0".</summary>
    public string Stamp => $"{Name}@{Version}";
}
