namespace Lenkevakt.Content.Help;

/// <summary>Whether a page is a health/help page, its score and the signals that matched (e.g. "url: legevakt", "h1: psykisk helse").</summary>
public sealed record HelpPageVerdict(bool IsHelpPage, double Score, IReadOnlyList<string> Reasons);
