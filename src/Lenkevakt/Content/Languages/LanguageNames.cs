using System.Collections.Frozen;

namespace Lenkevakt.Content.Languages;

/// <summary>
/// The languages the content checks report on, with the names used to label links to them (endonyms such as
/// «Polski», «Lietuvių», «العربية», «Soomaali», «اردو», «ትግርኛ», «Davvisámegiella», «Українська»; Norwegian names such as
/// «polsk», «på arabisk»; English names). Also the language families used for declared-vs-detected comparisons.
/// </summary>
public static class LanguageNames
{
    public static readonly IReadOnlyList<LanguageInfo> All =
    [
        new("nb", "bokmål", "Norsk bokmål", ["bokmål", "norsk bokmål", "norsk"], false),
        new("nn", "nynorsk", "Norsk nynorsk", ["nynorsk", "norsk nynorsk"], false),
        new("en", "engelsk", "English", ["english", "in english", "information in english", "engelsk", "på engelsk", "english version", "english summary"], true),
        new("se", "nordsamisk", "Davvisámegiella", ["davvisámegiella", "sámegiella", "sámegillii", "sámegiel", "sámi", "samisk", "nordsamisk", "på samisk", "på nordsamisk", "northern sami", "sami", "saami"], true),
        new("sma", "sørsamisk", "Åarjelsaemien", ["åarjelsaemien", "åarjelsaemien gïele", "sørsamisk", "på sørsamisk", "southern sami"], true),
        new("smj", "lulesamisk", "Julevsámegiella", ["julevsámegiella", "julevsámegiellaj", "lulesamisk", "på lulesamisk", "lule sami"], true),
        new("pl", "polsk", "Polski", ["polski", "po polsku", "język polski", "polsk", "på polsk", "polish"], true),
        new("lt", "litauisk", "Lietuvių", ["lietuvių", "lietuviškai", "lietuvių kalba", "litauisk", "på litauisk", "lithuanian"], true),
        new("ar", "arabisk", "العربية", ["العربية", "عربي", "arabisk", "på arabisk", "arabic"], true),
        new("so", "somali", "Soomaali", ["soomaali", "af-soomaali", "af soomaali", "somali", "somalisk", "på somali", "på somalisk"], true),
        new("ur", "urdu", "اردو", ["اردو", "urdu", "på urdu"], true),
        new("ti", "tigrinja", "ትግርኛ", ["ትግርኛ", "tigrinja", "tigrinya", "på tigrinja", "på tigrinya"], true),
        new("fa", "dari/farsi", "دری / فارسی", ["فارسی", "دری", "dari", "farsi", "persisk", "på dari", "på farsi", "på persisk", "persian"], true),
        new("tr", "tyrkisk", "Türkçe", ["türkçe", "tyrkisk", "på tyrkisk", "turkish"], true),
        new("ru", "russisk", "Русский", ["русский", "по-русски", "на русском", "russisk", "på russisk", "russian"], true),
        new("uk", "ukrainsk", "Українська", ["українська", "українською", "ukrainsk", "på ukrainsk", "ukrainian"], true),
        new("ps", "pashto", "پښتو", ["پښتو", "pashto", "på pashto"], false),
        new("ku", "kurdisk", "Kurdî", ["kurdî", "kurdisk", "på kurdisk", "kurdish", "کوردی"], false),
        new("am", "amharisk", "አማርኛ", ["አማርኛ", "amharisk", "amharic", "på amharisk"], false),
        new("es", "spansk", "Español", ["español", "spansk", "på spansk", "spanish"], false),
        new("fr", "fransk", "Français", ["français", "fransk", "på fransk", "french"], false),
        new("de", "tysk", "Deutsch", ["deutsch", "tysk", "på tysk", "german"], false),
        new("ro", "rumensk", "Română", ["română", "rumensk", "på rumensk", "romanian"], false),
        new("th", "thai", "ไทย", ["ไทย", "thai", "på thai"], false),
        new("vi", "vietnamesisk", "Tiếng Việt", ["tiếng việt", "vietnamesisk", "på vietnamesisk", "vietnamese"], false),
        new("tl", "tagalog", "Tagalog", ["tagalog", "filipino", "på tagalog"], false),
        new("sv", "svensk", "Svenska", ["svenska", "svensk", "på svensk", "swedish"], false),
        new("da", "dansk", "Dansk", ["dansk", "på dansk", "danish"], false),
        new("nl", "nederlandsk", "Nederlands", ["nederlands", "nederlandsk", "på nederlandsk", "dutch"], false),
    ];

    private static readonly FrozenDictionary<string, LanguageInfo> ByCode = All.ToFrozenDictionary(l => l.Code, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> ByLabel = All
        .SelectMany(l => l.Labels.Select(label => (label, l.Code)))
        .GroupBy(x => x.label, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.First().Code, StringComparer.Ordinal);

    /// <summary>Priority languages (besides Norwegian) whose offer the site report lists.</summary>
    public static IEnumerable<LanguageInfo> Priority => All.Where(l => l.Priority);

    public static LanguageInfo? Find(string code) => ByCode.GetValueOrDefault(Canonical(code));

    /// <summary>The language a text is exactly the name of ("Polski", "Somali:", "English"), by one dictionary lookup; null otherwise.</summary>
    private static readonly char[] LabelEdge = ['(', ')', '[', ']', '«', '»', '"', '\'', ':', '.', '›', '>', '»', '|'];

    public static string? FromExactLabel(string text)
    {
        var t = text.Trim().Trim(LabelEdge).Trim().ToLowerInvariant();
        return t.Length is 0 or > 40 ? null : ByLabel.GetValueOrDefault(t);
    }

    /// <summary>The language a link text names, e.g. "Polski" → pl, "Informasjon på arabisk" → ar, "English" → en; null otherwise.</summary>
    public static string? FromLabel(string text)
    {
        var t = text.Trim().Trim(LabelEdge).Trim().ToLowerInvariant();
        if (t.Length is 0 or > 60)
        {
            return null;
        }

        if (ByLabel.TryGetValue(t, out var code))
        {
            return code;
        }

        // "Informasjon på polsk", "Information in English", "Arabisk (PDF)", "العربية - معلومات".
        foreach (var (label, c) in ByLabel)
        {
            if (label is "norsk" or "bokmål" or "nynorsk" or "norsk bokmål" or "norsk nynorsk" || label.Length < 4 || !ContainsWord(t, label))
            {
                continue;
            }

            if (label.StartsWith("på ", StringComparison.Ordinal) || label.StartsWith("in ", StringComparison.Ordinal) || label.StartsWith("po ", StringComparison.Ordinal) || !IsAscii(label))
            {
                return c;
            }

            // A bare name ("polsk", "somali") must be the link's label, not a word in a longer title ("Samisk nasjonaldag").
            var rest = t.StartsWith(label, StringComparison.Ordinal) ? t[label.Length..] : t.EndsWith(label, StringComparison.Ordinal) ? t[..^label.Length] : null;
            if (rest is not null)
            {
                var words = rest.Split([' ', '-', '(', ')', '[', ']', ',', ':', '/', '|', '.'], StringSplitOptions.RemoveEmptyEntries);
                if (words.All(w => w is "pdf" or "versjon" or "version" or "brosjyre" or "informasjon" or "info" or "språk" or "language" or "side" or "page" or "summary" or "sammendrag" or "kb" or "mb" || w.All(ch => !char.IsLetter(ch))))
                {
                    return c;
                }
            }
        }

        return null;
    }

    /// <summary>Maps codes with the same meaning to the reported one: prs/pes → fa, nob → nb, sme → se, region and script dropped.</summary>
    public static string Canonical(string code)
    {
        var primary = code.Split('-')[0].Trim().ToLowerInvariant();
        return primary switch
        {
            "prs" or "pes" or "per" or "fas" => "fa",
            "nob" => "nb",
            "nno" => "nn",
            "nor" => "no",
            "sme" => "se",
            _ => primary,
        };
    }

    /// <summary>Language family for comparing declared and detected languages: Norwegian (no/nb/nn), Sami, Persian…</summary>
    public static string Family(string code) => Canonical(code) switch
    {
        "no" or "nb" or "nn" => "no",
        "se" or "sma" or "smj" or "smn" or "sms" or "sju" or "sje" => "smi",
        "fa" => "fa",
        var c => c,
    };

    public static bool IsNorwegian(string? code) => code is not null && Family(code) == "no";

    private static bool IsAscii(string s) => s.All(char.IsAscii);

    private static bool ContainsWord(string text, string word)
    {
        var i = text.IndexOf(word, StringComparison.Ordinal);
        while (i >= 0)
        {
            var beforeOk = i == 0 || !char.IsLetter(text[i - 1]);
            var afterOk = i + word.Length >= text.Length || !char.IsLetter(text[i + word.Length]);
            if (beforeOk && afterOk)
            {
                return true;
            }

            i = text.IndexOf(word, i + 1, StringComparison.Ordinal);
        }

        return false;
    }
}
