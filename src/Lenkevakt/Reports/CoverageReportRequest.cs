namespace Lenkevakt.Reports;

/// <summary>Which coverage report: one county (name or two-digit number) or all (null), as <c>html</c>, <c>csv</c> or <c>json</c>.</summary>
public sealed record CoverageReportRequest(string? Fylke, string Format);
