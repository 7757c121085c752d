namespace Lenkevakt.Reports;

/// <summary>One municipality's row in the report.</summary>
public sealed record MunicipalityCoverage
{
    public required string Kommunenummer { get; init; }

    public required string Name { get; init; }

    /// <summary>The site the row is about (null when no site is configured or crawled).</summary>
    public string? SiteId { get; init; }

    public string? StartUrl { get; init; }

    /// <summary><see cref="MunicipalityStatus"/>.</summary>
    public required string Status { get; init; }

    /// <summary>One cell per rule of the report, in the report's rule order.</summary>
    public required IReadOnlyList<RuleCell> Rules { get; init; }

    public int RulesMet => Rules.Count(r => r.Outcome == CoverageOutcome.Met);

    public int RulesAssessed => Rules.Count(r => r.Outcome is CoverageOutcome.Met or CoverageOutcome.NotMet);

    public double? CoveragePercent => RulesAssessed == 0 ? null : 100.0 * RulesMet / RulesAssessed;

    /// <summary>Language codes offered besides Norwegian (e.g. <c>en</c>, <c>pl</c>).</summary>
    public IReadOnlyList<string> LanguagesOffered { get; init; } = [];

    public IReadOnlyList<string> PriorityLanguagesMissing { get; init; } = [];

    /// <summary>Open broken links on the site; null when the site was never crawled.</summary>
    public int? BrokenLinks { get; init; }

    /// <summary>The first few broken links (JSON and HTML), page and target as crawled.</summary>
    public IReadOnlyList<BrokenLinkItem> BrokenLinkExamples { get; init; } = [];

    public double? MedianLix { get; init; }

    public int? HelpPages { get; init; }

    public DateTimeOffset? LastCrawlAt { get; init; }

    public int? HealthScore { get; init; }

    public CoverageChange? Change { get; init; }
}
