namespace Lenkevakt.Reports;

/// <summary>A required-information rule as a column of the matrix: its number in the report, id, Norwegian title and description.</summary>
public sealed record CoverageRule(int Number, string Id, string Title, string Description, string Severity, string Scope);
