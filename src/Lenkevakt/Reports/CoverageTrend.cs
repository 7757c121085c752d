namespace Lenkevakt.Reports;

/// <summary>
/// Adds the change since the previous report to a model: per municipality (both reports checked it), per county and,
/// when every county has an earlier report, for the country. Pure; the numbers come from <see cref="ReportSnapshotStore"/>.
/// </summary>
public static class CoverageTrend
{
    /// <param name="previous">Per county name: the previous report's date and its municipalities' numbers.</param>
    public static CoverageModel Apply(CoverageModel model, IReadOnlyDictionary<string, (string Date, IReadOnlyList<MunicipalitySnapshot> Municipalities)> previous)
    {
        var counties = model.AllCounties.Select(county =>
        {
            if (!previous.TryGetValue(county.Fylke, out var prev))
            {
                return county;
            }

            var before = prev.Municipalities.ToDictionary(m => m.Kommunenummer, StringComparer.Ordinal);
            var rows = county.Municipalities.Select(m => before.TryGetValue(m.Kommunenummer, out var b) ? m with { Change = Change(prev.Date, m, b) } : m).ToList();
            return county with
            {
                Municipalities = rows,
                Summary = county.Summary with { Change = Change(prev.Date, county.Summary, prev.Municipalities) },
            };
        }).ToList();

        var national = model.National;
        if (counties.Count > 0 && counties.All(c => previous.ContainsKey(c.Fylke)))
        {
            var since = counties.Select(c => previous[c.Fylke].Date).Min(StringComparer.Ordinal)!;
            national = national with { Change = Change(since, national, counties.SelectMany(c => previous[c.Fylke].Municipalities).ToList()) };
        }

        return model with { AllCounties = counties, National = national };
    }

    private static CoverageChange Change(string since, MunicipalityCoverage now, MunicipalitySnapshot before)
    {
        var bothChecked = now.Status == MunicipalityStatus.Checked && before.Status == MunicipalityStatus.Checked;
        double? coverage = bothChecked && now.CoveragePercent is { } n && before.RulesAssessed > 0 ? n - (100.0 * before.RulesMet / before.RulesAssessed) : null;
        return new CoverageChange(
            since,
            coverage,
            bothChecked ? now.RulesMet - before.RulesMet : null,
            now.BrokenLinks is { } b && before.BrokenLinks is { } a ? b - a : null,
            null);
    }

    private static CoverageChange Change(string since, CoverageSummary now, IReadOnlyList<MunicipalitySnapshot> before)
    {
        var done = before.Where(m => m.Status == MunicipalityStatus.Checked).ToList();
        var met = done.Sum(m => m.RulesMet);
        var assessed = done.Sum(m => m.RulesAssessed);
        double? coverage = now.CoveragePercent is { } n && assessed > 0 ? n - (100.0 * met / assessed) : null;
        return new CoverageChange(since, coverage, now.RulesMet - met, now.BrokenLinks - before.Sum(m => m.BrokenLinks ?? 0), now.Checked - done.Count);
    }
}
