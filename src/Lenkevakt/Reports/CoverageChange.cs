namespace Lenkevakt.Reports;

/// <summary>
/// The change since the previous report (<see cref="Since"/>, an ISO date): coverage in percentage points, rules met,
/// broken links and municipalities checked. A null value: not comparable (e.g. not checked then or now).
/// </summary>
public sealed record CoverageChange(string Since, double? CoveragePoints, int? RulesMet, int? BrokenLinks, int? Checked);
