namespace Lenkevakt.Reports;

/// <summary>How many checked municipalities meet a rule, of those it was assessed for (met or not met).</summary>
public sealed record RuleCoverage(string RuleId, int Met, int Assessed)
{
    public double? Percent => Assessed == 0 ? null : 100.0 * Met / Assessed;
}
