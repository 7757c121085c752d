namespace Lenkevakt.Content.Rules;

/// <summary>Where a rule comes from (a letter, a guide, a site).</summary>
public sealed class RuleSource
{
    public string Id { get; set; } = "";

    public string TitleNb { get; set; } = "";

    public string TitleEn { get; set; } = "";

    public string Publisher { get; set; } = "";

    public int? Year { get; set; }

    public string? Url { get; set; }

    public string? Note { get; set; }
}
