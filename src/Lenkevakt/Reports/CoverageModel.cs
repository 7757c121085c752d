using System.Text.Json.Serialization;

namespace Lenkevakt.Reports;

/// <summary>
/// The coverage report's content, independent of its format: the national summary (always over every county), the
/// rules (the matrix columns) and the counties asked for. Serialised as is for <c>--format json</c>.
/// </summary>
public sealed record CoverageModel
{
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The report's date (ISO, in the schedule's time zone); the key of its stored summary, for the next report's trend.</summary>
    public required string ReportDate { get; init; }

    /// <summary>The county asked for (resolved name), or null for all.</summary>
    public string? Fylke { get; init; }

    /// <summary>The rule set, e.g. <c>required-fields@1.0.0</c>.</summary>
    public required string RuleSet { get; init; }

    public required IReadOnlyList<CoverageRule> Rules { get; init; }

    public required CoverageSummary National { get; init; }

    /// <summary>Every county (for the national chart), whatever was asked for; JSON carries <see cref="Counties"/> only.</summary>
    [JsonIgnore]
    public IReadOnlyList<CountyCoverage> AllCounties { get; init; } = [];

    /// <summary>The counties asked for, with their municipalities.</summary>
    public IEnumerable<CountyCoverage> Counties => Fylke is null ? AllCounties : AllCounties.Where(c => c.Fylke == Fylke);
}
