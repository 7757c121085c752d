namespace Lenkevakt.Reports;

/// <summary>A matrix cell's outcome: the rule's wire names plus <c>not-checked</c>, with the Norwegian labels and symbols shown.</summary>
public static class CoverageOutcome
{
    public const string Met = "met";
    public const string NotMet = "not-met";
    public const string NotApplicable = "not-applicable";
    public const string NotChecked = "not-checked";

    public static string Nb(string outcome) => outcome switch
    {
        Met => "oppfylt",
        NotMet => "ikke oppfylt",
        NotApplicable => "ikke relevant",
        _ => "ikke sjekket",
    };

    public static string Symbol(string outcome) => outcome switch
    {
        Met => "✓",
        NotMet => "✗",
        NotApplicable => "–",
        _ => "·",
    };
}
