namespace Lenkevakt.Reports;

/// <summary>Totals over a set of municipalities (a county or the country).</summary>
public sealed record CoverageSummary
{
    public int Municipalities { get; init; }

    public int Checked { get; init; }

    public int Unreachable { get; init; }

    public int NotChecked { get; init; }

    /// <summary>Rule cells met, over all checked municipalities.</summary>
    public int RulesMet { get; init; }

    /// <summary>Rule cells assessed (met or not met), over all checked municipalities.</summary>
    public int RulesAssessed { get; init; }

    /// <summary>Share of assessed rule cells that are met, 0–100; null when nothing was checked.</summary>
    public double? CoveragePercent => RulesAssessed == 0 ? null : 100.0 * RulesMet / RulesAssessed;

    /// <summary>Open broken links (error findings of link kinds) on the municipalities' sites.</summary>
    public int BrokenLinks { get; init; }

    /// <summary>Median of the municipalities' median LIX of help pages.</summary>
    public double? MedianLix { get; init; }

    public IReadOnlyList<RuleCoverage> PerRule { get; init; } = [];

    public CoverageChange? Change { get; init; }
}
