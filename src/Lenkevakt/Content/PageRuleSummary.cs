namespace Lenkevakt.Content;

/// <summary>A page-scope rule over a site's help pages: how many met it and how many did not.</summary>
public sealed record PageRuleSummary(string RuleId, int Met, int NotMet);
