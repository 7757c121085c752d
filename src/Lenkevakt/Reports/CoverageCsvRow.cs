using CsvHelper.Configuration.Attributes;

namespace Lenkevakt.Reports;

/// <summary>One municipality × rule in the report's CSV. Column names are a contract.</summary>
public sealed record CoverageCsvRow(
    [property: Name("fylkesnummer")] string Fylkesnummer,
    [property: Name("fylke")] string Fylke,
    [property: Name("kommunenummer")] string Kommunenummer,
    [property: Name("kommune")] string Kommune,
    [property: Name("status")] string Status,
    [property: Name("siteId")] string? SiteId,
    [property: Name("ruleNumber")] int RuleNumber,
    [property: Name("ruleId")] string RuleId,
    [property: Name("rule")] string Rule,
    [property: Name("outcome")] string Outcome,
    [property: Name("evidence")] string? Evidence,
    [property: Name("evidencePageUrl")] string? EvidencePageUrl,
    [property: Name("note")] string? Note,
    [property: Name("languagesOffered")] string LanguagesOffered,
    [property: Name("brokenLinks")] int? BrokenLinks,
    [property: Name("medianLix")] string? MedianLix,
    [property: Name("lastCrawlAt")] string? LastCrawlAt,
    [property: Name("previousReport")] string? PreviousReport,
    [property: Name("rulesMetChange")] int? RulesMetChange,
    [property: Name("brokenLinksChange")] int? BrokenLinksChange);
