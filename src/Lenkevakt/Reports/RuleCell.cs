namespace Lenkevakt.Reports;

/// <summary>One municipality × rule cell: the outcome (<see cref="CoverageOutcome"/>), what was found where, or what is missing.</summary>
public sealed record RuleCell(string RuleId, string Outcome, string? Evidence = null, string? PageUrl = null, string? Note = null);
