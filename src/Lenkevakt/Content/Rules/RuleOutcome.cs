namespace Lenkevakt.Content.Rules;

/// <summary>A rule's result on a page or site. Wire names: <c>met</c>, <c>not-met</c>, <c>not-applicable</c>.</summary>
public enum RuleOutcome
{
    NotApplicable = 0,
    NotMet = 1,
    Met = 2,
}
