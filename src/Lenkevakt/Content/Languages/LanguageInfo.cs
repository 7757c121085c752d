namespace Lenkevakt.Content.Languages;

/// <summary>A language the checks know: its code, Norwegian and own name, and the names links are labelled with.</summary>
/// <param name="Code">BCP 47 primary subtag as reported (<c>fa</c> covers Dari and Farsi).</param>
/// <param name="NameNb">Norwegian (bokmål) name, lower case as in running text ("engelsk").</param>
/// <param name="Endonym">The language's own name ("English", "Polski").</param>
/// <param name="Labels">Every lower-case label that names the language in a link or picker (endonyms, Norwegian and English names, "in English"…).</param>
/// <param name="Priority">True for the languages the Directorate's guidance asks municipalities to consider.</param>
public sealed record LanguageInfo(string Code, string NameNb, string Endonym, IReadOnlyList<string> Labels, bool Priority);
