namespace Lenkevakt.Content.Languages;

/// <summary>
/// Tells Danish, Swedish, Dutch and German from Norwegian with marker words and letters. The n-gram models do not know
/// these languages, so a Danish or Swedish page reads as bokmål or nynorsk, and a Dutch page as bokmål. Every marker is a
/// word (or letter) that Norwegian text does not use: "af", "efter", "akut", "-tion" (Danish; bokmål has "av", "etter",
/// "akutt", "-sjon"), "och", "är", "ä"/"ö" (Swedish), "het", "een", "ij" (Dutch), "und", "nicht", "ß"/"ü" (German).
/// A language wins with at least 4 markers that make at least 3 % of the words and half again as many as the runner-up.
/// Costs one hash look-up per word; runs only when the models said nb, nn or en.
/// </summary>
public static class NeighbourLanguages
{
    private static readonly Dictionary<string, int> Words = Build(
        ("da", ["af", "efter", "mellem", "meget", "nogle", "nogen", "nu", "mig", "dig", "bliver", "blive", "blevet", "ud", "uden", "læge", "lægen", "lægens", "læger",
            "lægevagt", "lægevagten", "lægevagtens", "sygdom", "sygdomme", "syg", "syge", "hvad", "gør", "igen", "sådan", "tilfælde", "undersøgelse", "undersøgelser",
            "åbningstid", "åbningstiden", "åbent", "hverdage", "sundhed", "praktiserende", "sygehus", "sygehuset", "sygeplejerske", "sygeplejersker", "kræver",
            "hvornår", "opstået", "akut", "desuden", "hospitalet", "vejledning", "tilskadekomst", "akutmodtagelse",
            "akutmodtagelsen", "akutklinik", "skadestuen", "jeres", "lidt", "næste", "køre", "kører"]),
        ("sv", ["och", "är", "att", "inte", "för", "också", "vid", "när", "någon", "några", "något", "från", "även", "genom", "mellan", "utan", "bara", "själv",
            "finns", "gäller", "behöver", "vård", "vården", "vårdcentral", "vårdcentralen", "vårdcentralens", "läkare", "läkaren", "sjukvård", "mottagning",
            "mottagningen", "hälsocentral", "hälsocentralen", "hälsocentralens", "brådskande", "idag", "dygnet", "kväll", "kvällar", "hjälp", "ska", "kontakta",
            "sjukhus", "sjukhuset", "jouren", "jourcentral", "akutmottagning", "ringa", "eftersom", "därför", "måste"]),
        ("nl", ["het", "een", "van", "zijn", "niet", "bij", "voor", "ook", "wordt", "worden", "u", "uw", "als", "naar", "kunt", "moet", "deze", "heeft", "hebben",
            "ziek", "zorg", "huisarts", "ziekenhuis", "terecht", "daarvoor", "gemeente", "wat", "dat", "die", "met", "geen", "buiten", "kantoortijden", "artsen",
            "arts", "noodhulp", "komt", "nodig", "bent", "haar", "hulp", "spoed", "avond", "nacht", "alleen", "wanneer", "waar", "zich"]),
        ("de", ["die", "das", "und", "ist", "nicht", "sie", "ich", "mit", "für", "auf", "eine", "einen", "wenn", "oder", "auch", "bei", "nach", "sind",
            "wird", "werden", "können", "arzt", "ärztliche", "ärztlichen", "notdienst", "krankenhaus", "bereitschaftsdienst", "notfall", "notruf", "sich", "zum",
            "zur", "vom", "haben", "hat", "kein", "keine", "nur", "ihr", "ihre", "uhr"]));

    private static readonly Dictionary<string, int> OrdinalWords = new(Words, StringComparer.Ordinal);

    private static readonly System.Buffers.SearchValues<char> NotLowerAscii = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 128).Select(i => (char)i).Where(ch => ch is >= 'A' and <= 'Z')]);

    private static bool IsLowerAscii(string w) => System.Text.Ascii.IsValid(w) && !w.AsSpan().ContainsAny(NotLowerAscii);

    /// <summary>One bit a language: a word listed for two languages ("die": Dutch and German) counts for both.</summary>
    private const int Da = 1, Sv = 2, Nl = 4, De = 8;

    private static readonly System.Buffers.SearchValues<char> SwedishGermanLetters = System.Buffers.SearchValues.Create("äöÄÖ");

    private static readonly System.Buffers.SearchValues<char> GermanLetters = System.Buffers.SearchValues.Create("ßüÜ");

    private static Dictionary<string, int> Build(params (string Code, string[] Words)[] lists)
    {
        var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, words) in lists)
        {
            var bit = code switch { "da" => Da, "sv" => Sv, "nl" => Nl, _ => De };
            foreach (var w in words)
            {
                d[w] = d.GetValueOrDefault(w) | bit;
            }
        }

        return d;
    }

    /// <summary>The neighbour language the words are written in, or null when the markers are too few to say.</summary>
    public static string? Vote(IReadOnlyList<string> words, bool fromNorwegian)
    {
        int da = 0, sv = 0, nl = 0, de = 0;
        foreach (var w in words)
        {
            // Lower-case ASCII words (most of them) need no case-insensitive hashing: the lists are lower-case.
            var bits = IsLowerAscii(w) ? OrdinalWords.GetValueOrDefault(w) : Words.GetValueOrDefault(w);
            if (bits == 0)
            {
                var span = w.AsSpan();
                if (span.ContainsAny(SwedishGermanLetters))
                {
                    bits = Sv | De;
                }
                else if (span.ContainsAny(GermanLetters))
                {
                    bits = De;
                }
                else if (span.Length > 4 && span.Contains("ij", StringComparison.OrdinalIgnoreCase))
                {
                    bits = Nl;
                }
                else if (fromNorwegian && span.Length > 5 && (span.EndsWith("tion", StringComparison.OrdinalIgnoreCase) || span.EndsWith("tioner", StringComparison.OrdinalIgnoreCase) || span.EndsWith("tionen", StringComparison.OrdinalIgnoreCase)))
                {
                    // Bokmål and nynorsk write -sjon; -tion in a text the models took for Norwegian is Danish or Swedish.
                    bits = Da | Sv;
                }
            }

            da += bits & Da;
            sv += (bits & Sv) >> 1;
            nl += (bits & Nl) >> 2;
            de += (bits & De) >> 3;
        }

        Span<(string Code, int Count)> all = [("da", da), ("sv", sv), ("nl", nl), ("de", de)];
        all.Sort((a, b) => b.Count.CompareTo(a.Count));
        var (best, count) = all[0];
        var runnerUp = all[1].Count;
        return count >= 4 && count >= words.Count * 0.03 && count >= runnerUp * 1.5 ? best : null;
    }
}
