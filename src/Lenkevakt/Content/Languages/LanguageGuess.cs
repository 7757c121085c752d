namespace Lenkevakt.Content.Languages;

/// <summary>The detected language of a text: a code (<c>und</c> when undetermined), a confidence 0–1, and how it was decided.</summary>
/// <param name="Code">Reported code: nb, nn, en, se, pl, lt, ar, so, ur, ti, fa, tr, ru, uk, or <c>und</c>.</param>
/// <param name="Confidence">0–1; about 0.5 means "best guess", above 0.8 "sure".</param>
/// <param name="Words">Words the decision was based on.</param>
/// <param name="Method">How: <c>too-short</c>, <c>script</c>, <c>letters</c>, <c>ngrams</c>, <c>ngrams+markers</c>.</param>
/// <param name="Runner">The second-best code, if any.</param>
public sealed record LanguageGuess(string Code, double Confidence, int Words, string Method, string? Runner = null)
{
    public const string Undetermined = "und";

    public bool IsDetermined => Code != Undetermined;
}
