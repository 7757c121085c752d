namespace Lenkevakt.Content.Rules;

/// <summary>Whether a rule is judged per help page or once for the site (met if any help page meets it).</summary>
public enum RuleScope
{
    Page,
    Site,
}
