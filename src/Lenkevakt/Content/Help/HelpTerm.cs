namespace Lenkevakt.Content.Help;

/// <summary>A help-topic term: the text (lower case; trailing '*' = any ending), its weight, and the topic it signals.</summary>
public sealed record HelpTerm(string Text, double Weight, string Topic);
