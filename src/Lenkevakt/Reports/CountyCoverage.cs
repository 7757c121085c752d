namespace Lenkevakt.Reports;

/// <summary>A county (fylke): its totals and its municipalities, in kommunenummer order.</summary>
public sealed record CountyCoverage(string Fylkesnummer, string Fylke, CoverageSummary Summary, IReadOnlyList<MunicipalityCoverage> Municipalities);
