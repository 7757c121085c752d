namespace Lenkevakt.Content.Rules;

/// <summary>One rule's result on one page (or, for the site, with the page that met it).</summary>
/// <param name="RuleId">The rule id (e.g. <c>legevakt-116117</c>).</param>
/// <param name="Outcome">Met, not met or not applicable.</param>
/// <param name="Evidence">What was found (matched text), truncated; null unless met.</param>
/// <param name="Where">Where it was found (Norwegian), e.g. "hovedinnhold (avsnitt)".</param>
/// <param name="Missing">Plain Norwegian about what is missing (not met) or why the rule does not apply.</param>
/// <param name="PageUrl">For site results: the page that met the rule.</param>
public sealed record RuleResult(string RuleId, RuleOutcome Outcome, string? Evidence = null, string? Where = null, string? Missing = null, string? PageUrl = null);
