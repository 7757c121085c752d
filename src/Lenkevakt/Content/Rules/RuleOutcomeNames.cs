namespace Lenkevakt.Content.Rules;

/// <summary>Stable wire names and Norwegian labels of <see cref="RuleOutcome"/>.</summary>
public static class RuleOutcomeNames
{
    public static string Wire(RuleOutcome outcome) => outcome switch
    {
        RuleOutcome.Met => "met",
        RuleOutcome.NotMet => "not-met",
        _ => "not-applicable",
    };

    public static RuleOutcome Parse(string? wire) => wire switch
    {
        "met" => RuleOutcome.Met,
        "not-met" => RuleOutcome.NotMet,
        _ => RuleOutcome.NotApplicable,
    };

    public static string Nb(RuleOutcome outcome) => outcome switch
    {
        RuleOutcome.Met => "oppfylt",
        RuleOutcome.NotMet => "ikke oppfylt",
        _ => "ikke relevant",
    };
}
