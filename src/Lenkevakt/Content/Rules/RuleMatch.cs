namespace Lenkevakt.Content.Rules;

/// <summary>Evidence that a condition holds: the matched text and where it is.</summary>
public sealed record RuleMatch(string Evidence, string Where, int BlockIndex);
