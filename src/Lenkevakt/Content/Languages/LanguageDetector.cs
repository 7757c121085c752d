using System.Globalization;
using System.Text;

namespace Lenkevakt.Content.Languages;

/// <summary>
/// Detects the language of a text among bokmål, nynorsk, English, Northern Sami, Polish, Lithuanian, Somali, Turkish,
/// Russian, Ukrainian, Arabic, Farsi/Dari (reported as <c>fa</c>), Urdu and Tigrinya.
/// <list type="number">
/// <item>Script first: Ethiopic → Tigrinya; Cyrillic → Russian/Ukrainian; Arabic script → Arabic/Farsi/Urdu; Latin → the Latin-script languages.</item>
/// <item>Within a script, a multinomial naive Bayes over character 1–3-grams and words, trained at start-up from the sample
/// texts embedded in <c>Content/Languages/Profiles/*.txt</c> (data-driven: add a language by adding a file).</item>
/// <item>Letter rules where letters decide (Ukrainian і ї є ґ vs Russian ы э ъ ё; Urdu ے ں ٹ ڈ ڑ ھ; Arabic ة ي ك vs Persian ی ک پ چ ژ گ).</item>
/// <item>Bokmål vs nynorsk: counts of marker words that only one of the written standards uses (ikke/ikkje, jeg/eg, hva/kva, fra/frå, -lig/-leg…).</item>
/// </list>
/// Texts with fewer than <see cref="MinWords"/> words or <see cref="MinLetters"/> letters are <c>und</c>.
/// </summary>
public sealed class LanguageDetector
{
    public const int MinWords = 4;
    public const int MinLetters = 24;
    private const double Alpha = 0.3;

    private static readonly Lazy<LanguageDetector> Lazy = new(() => new LanguageDetector(LoadEmbeddedProfiles()));

    private readonly Dictionary<string, Model> models;

    // Every feature (word "w:…" or character n-gram) of any model, numbered; each model keeps its log-probabilities by number.
    private readonly Dictionary<string, int> vocabulary = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> vocabularyLookup;

    public LanguageDetector(IReadOnlyDictionary<string, string> trainingTexts)
    {
        models = trainingTexts.ToDictionary(kv => kv.Key, kv => Model.Train(kv.Value), StringComparer.Ordinal);
        foreach (var model in models.Values)
        {
            foreach (var key in model.Keys)
            {
                vocabulary.TryAdd(key, vocabulary.Count);
            }
        }

        foreach (var model in models.Values)
        {
            model.Index(vocabulary);
        }

        vocabularyLookup = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();

        // All models' log-probabilities of a feature side by side: scoring the candidates reads one place per feature
        // instead of one per feature and model (the per-model arrays are far larger than the CPU caches).
        modelOrder = [.. models.Keys];
        modelAt = modelOrder.Select((code, i) => (code, i)).ToDictionary(x => x.code, x => x.i, StringComparer.Ordinal);
        byFeature = new double[vocabulary.Count * modelOrder.Length];
        for (var m = 0; m < modelOrder.Length; m++)
        {
            var model = models[modelOrder[m]];
            for (var id = 0; id < vocabulary.Count; id++)
            {
                byFeature[(id * modelOrder.Length) + m] = model.LogProb(id);
            }
        }
    }

    private readonly string[] modelOrder;
    private readonly Dictionary<string, int> modelAt;
    private readonly double[] byFeature;

    /// <summary>The detector trained on the embedded profiles (built once).</summary>
    public static LanguageDetector Default => Lazy.Value;

    public IReadOnlyCollection<string> Languages => models.Keys;

    public LanguageGuess Detect(string text)
    {
        var words = TokenList(text);
        var latin = 0;
        var cyrillic = 0;
        var arabic = 0;
        var ethiopic = 0;
        var letters = 0;
        foreach (var w in words)
        {
            foreach (var c in w)
            {
                if (!char.IsLetter(c))
                {
                    continue;
                }

                letters++;
                switch (c)
                {
                    case >= '\u0400' and <= '\u04FF':
                        cyrillic++;
                        break;
                    case >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF':
                        arabic++;
                        break;
                    case >= '\u1200' and <= '\u139F' or >= '\u2D80' and <= '\u2DDF' or >= '\uAB00' and <= '\uAB2F':
                        ethiopic++;
                        break;
                    case < '\u0250' or >= '\u1E00' and <= '\u1EFF':
                        latin++;
                        break;
                }
            }
        }

        if (words.Count < MinWords || letters < MinLetters)
        {
            return new LanguageGuess(LanguageGuess.Undetermined, 0, words.Count, "too-short");
        }

        var top = Math.Max(Math.Max(latin, cyrillic), Math.Max(arabic, ethiopic));
        if (top < letters * 0.4)
        {
            return new LanguageGuess(LanguageGuess.Undetermined, 0, words.Count, "script");
        }

        var scriptShare = (double)top / letters;
        if (top == ethiopic)
        {
            return new LanguageGuess("ti", Math.Round(Math.Min(0.99, scriptShare), 2), words.Count, "script");
        }

        string[] candidates = top == cyrillic ? ["ru", "uk"] : top == arabic ? ["ar", "fa", "ur"] : ["nb", "nn", "en", "se", "pl", "lt", "so", "tr"];
        var scriptWords = words.Where(w => Script(w) == (top == cyrillic ? 'c' : top == arabic ? 'a' : 'l')).ToList();
        var ranking = Rank(scriptWords, candidates);
        if (ranking.Count == 0)
        {
            return new LanguageGuess(LanguageGuess.Undetermined, 0, words.Count, "ngrams");
        }

        var (best, second, margin) = (ranking[0].Code, ranking.Count > 1 ? ranking[1].Code : null, ranking.Count > 1 ? ranking[0].Score - ranking[1].Score : 10);
        var method = "ngrams";
        var confidence = FromMargin(margin, scriptWords.Count);

        if (top == cyrillic && LetterVote(text, "іїєґ", "ыэъё") is { } cyr)
        {
            (best, second, method) = cyr ? ("uk", "ru", "letters") : ("ru", "uk", "letters");
            confidence = Math.Max(confidence, 0.9);
        }
        else if (top == arabic && ArabicScriptVote(text) is { } code)
        {
            if (code != best)
            {
                second = best;
            }

            best = code;
            method = "letters";
            confidence = Math.Max(confidence, 0.85);
        }
        else if (best is "nb" or "nn" && (second is "nb" or "nn" || margin < 2))
        {
            var (nb, nn) = NorwegianMarkers(scriptWords);
            // A heading-only page ("Retningsliner for tildeling av helse- og omsorgstenester") has one marker at most.
            if ((nb + nn >= 2 || (scriptWords.Count <= 12 && nb + nn == 1)) && nb != nn)
            {
                var markerBest = nn > nb ? "nn" : "nb";
                var share = (double)Math.Max(nb, nn) / (nb + nn);
                second = markerBest == "nb" ? "nn" : "nb";
                best = markerBest;
                method = "ngrams+markers";
                confidence = Math.Min(0.99, 0.5 + ((share - 0.5) * Math.Min(1.0, (nb + nn) / 4.0)));
            }
            else
            {
                confidence = Math.Min(confidence, 0.55);
            }
        }

        var latinScript = top != cyrillic && top != arabic;
        if (latinScript && best is "nb" or "nn" or "en" && NeighbourLanguages.Vote(scriptWords, best is "nb" or "nn") is { } neighbour)
        {
            // Danish, Swedish, Dutch and German have no model: the n-grams read them as Norwegian (or English).
            (second, best, method) = (best, neighbour, "markers");
            confidence = Math.Max(confidence, 0.8);
        }
        else if (latinScript && best == "en" && confidence < 0.5 && scriptWords.Count >= 20)
        {
            // A Norwegian notice followed by its English translation: the page's language is the first one.
            var firstHalf = scriptWords.Take(scriptWords.Count / 2).ToList();
            var (nbFirst, nnFirst) = NorwegianMarkers(firstHalf);
            if (nbFirst + nnFirst >= 3 && nbFirst != nnFirst)
            {
                (second, best, method) = (best, nnFirst > nbFirst ? "nn" : "nb", "first-half-markers");
            }
        }

        confidence *= Math.Min(1.0, 0.5 + (scriptWords.Count / 30.0));
        return new LanguageGuess(best, Math.Round(Math.Clamp(confidence, 0, 0.99), 2), words.Count, method, second);
    }

    private List<(string Code, double Score)> Rank(List<string> words, string[] candidates)
    {
        var features = IndexedFeatures(words);
        var present = candidates.Where(models.ContainsKey).ToArray();
        var at = present.Select(c => modelAt[c]).ToArray();
        var unseenChar = present.Select(c => models[c].UnseenChar).ToArray();
        var unseenWord = present.Select(c => models[c].UnseenWord).ToArray();
        var scores = new double[present.Length];
        var width = modelOrder.Length;

        // Per model the same sum in the same order as Model.Score(List<Feature>): the same result to the last bit.
        foreach (var (id, isWord, count) in features)
        {
            var weight = isWord ? 1.0 : 1.0 / 3.0;
            if (id >= 0)
            {
                var row = id * width;
                for (var j = 0; j < at.Length; j++)
                {
                    scores[j] += count * byFeature[row + at[j]] * weight;
                }
            }
            else
            {
                for (var j = 0; j < at.Length; j++)
                {
                    scores[j] += count * (isWord ? unseenWord[j] : unseenChar[j]) * weight;
                }
            }
        }

        var result = new List<(string Code, double Score)>(present.Length);
        for (var j = 0; j < present.Length; j++)
        {
            result.Add((present[j], scores[j]));
        }

        result.Sort((a, b) => b.Score.CompareTo(a.Score));
        return result;
    }

    /// <summary>The scores as first written (string features, one dictionary look-up per feature and model): the reference for tests.</summary>
    internal List<(string Code, double Score)> RankReference(List<string> words, string[] candidates)
    {
        var features = Features(words);
        var result = new List<(string Code, double Score)>();
        foreach (var c in candidates)
        {
            if (models.TryGetValue(c, out var model))
            {
                result.Add((c, model.Score(features)));
            }
        }

        result.Sort((a, b) => b.Score.CompareTo(a.Score));
        return result;
    }

    internal List<(string Code, double Score)> RankForTest(List<string> words, string[] candidates) => Rank(words, candidates);

    /// <summary>Maps a log-likelihood margin to 0–1: per-feature margin matters, longer texts are surer.</summary>
    private static double FromMargin(double margin, int words)
    {
        var perWord = margin / Math.Max(1, words);
        return Math.Clamp(1 - Math.Exp(-perWord * 1.5) * Math.Exp(-margin / 40), 0.3, 0.99);
    }

    private static bool? LetterVote(string text, string first, string second)
    {
        var a = text.Count(c => first.Contains(char.ToLowerInvariant(c), StringComparison.Ordinal));
        var b = text.Count(c => second.Contains(char.ToLowerInvariant(c), StringComparison.Ordinal));
        if (a + b < 2 || a == b)
        {
            return null;
        }

        return a > b;
    }

    /// <summary>Urdu-only letters (ے ں ٹ ڈ ڑ ھ), Arabic-only letters (ة ي ك ى إ أ), Persian letters (ی ک پ چ ژ گ).</summary>
    private static string? ArabicScriptVote(string text)
    {
        int ur = 0, ar = 0, fa = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case '\u06D2' or '\u06BA' or '\u0679' or '\u0688' or '\u0691' or '\u06BE' or '\u06D3' or '\u06C1':
                    ur++;
                    break;
                case '\u0629' or '\u064A' or '\u0643' or '\u0649' or '\u0625' or '\u0623':
                    ar++;
                    break;
                case '\u06CC' or '\u06A9' or '\u067E' or '\u0686' or '\u0698' or '\u06AF':
                    fa++;
                    break;
            }
        }

        var total = ur + ar + fa;
        if (total < 3)
        {
            return null;
        }

        if (ur >= 2 && ur * 8 >= fa)
        {
            return "ur";
        }

        return ar > fa ? "ar" : "fa";
    }

    private static readonly HashSet<string> BokmalMarkers = new(StringComparer.Ordinal)
    {
        "ikke", "jeg", "hva", "hvordan", "hvor", "hvem", "hvorfor", "hvis", "hvilke", "hvilken", "fra", "være", "vært", "bare", "også", "disse",
        "mye", "noe", "noen", "hjemme", "hjem", "hos", "kommer", "gjør", "gjøre", "sier", "vet", "trenger", "ønsker", "tjenester", "tjeneste",
        "tjenesten", "tilbud", "tilbudet", "voksne", "hverandre", "mer", "flere", "mulig", "vanlig", "vanskelig", "tilgjengelig", "alvorlig",
        "daglig", "syk", "syke", "sykdom", "sykehus", "sykepleier", "sykehjem", "pårørende", "livstruende", "dere", "deres", "hun", "ble", "blitt",
        "lørdag", "mandag", "tirsdag", "søndag", "åpningstid", "åpningstider", "åpent", "åpen", "sammen", "alene", "helt", "hele", "selv", "først",
        "husk", "ennå", "fortsatt", "legevakten", "helsetjenester", "helsetjenesten", "omsorgstjenester", "hjemmesykepleie", "hjemmetjenesten",
        "mellom", "uke", "uken", "øyeblikkelig", "nødvendig", "henvisning", "utenfor", "hver", "annet", "nå",
        "en", "et", "man", "fikk", "kvelden", "natten", "gjelder", "forhold", "innbyggere", "barna",
    };

    private static readonly HashSet<string> NynorskMarkers = new(StringComparer.Ordinal)
    {
        "ikkje", "eg", "kva", "korleis", "kvar", "kven", "kvifor", "viss", "kva", "frå", "vere", "vore", "berre", "òg", "desse", "mykje", "noko",
        "nokon", "nokre", "heime", "hjå", "kjem", "gjer", "seier", "veit", "treng", "ønskjer", "tenester", "teneste", "tenesta", "tilbod", "tilbodet",
        "vaksne", "kvarandre", "meir", "fleire", "mogleg", "vanleg", "vanskeleg", "tilgjengeleg", "alvorleg", "dagleg", "sjuk", "sjuke", "sjukdom",
        "sjukehus", "sjukepleiar", "sjukeheim", "pårørande", "livstruande", "dykk", "dykkar", "ho", "dei", "deira", "vart", "vorte", "laurdag",
        "måndag", "tysdag", "sundag", "opningstid", "opningstider", "opningstida", "ope", "saman", "åleine", "heilt", "heile", "sjølv", "fyrst",
        "hugs", "enno", "framleis", "legevakta", "helsetenester", "helsetenesta", "omsorgstenester", "heimesjukepleie", "heimetenesta", "veke",
        "veka", "augneblinkeleg", "naudsynt", "tilvising", "utanfor", "anna", "no", "ein", "eit", "fekk", "att",
        "natta", "gjeld", "tilhøve", "innbyggjarar", "innbyggjarane", "borna", "born", "ringje", "tenestene",
        "hjelpa", "ynskjer", "medan", "difor", "nokså", "likevel", "sidan", "retningsliner",
    };

    private static (int Nb, int Nn) NorwegianMarkers(List<string> words)
    {
        var nb = 0;
        var nn = 0;
        foreach (var raw in words)
        {
            var w = Text.InvariantLower.Of(raw);
            var inNb = BokmalMarkers.Contains(w);
            var inNn = NynorskMarkers.Contains(w);
            if (inNb && !inNn)
            {
                nb++;
            }
            else if (inNn && !inNb)
            {
                nn++;
            }
            else if (!inNb && !inNn && w.Length > 6)
            {
                // Derivational endings: -lig/-ende (bokmål) vs -leg/-ande/-inga (nynorsk).
                if (w.EndsWith("lige", StringComparison.Ordinal) || w.EndsWith("lig", StringComparison.Ordinal) || w.EndsWith("ende", StringComparison.Ordinal) || w.EndsWith("tjeneste", StringComparison.Ordinal) ||
                    w.EndsWith("tjenester", StringComparison.Ordinal) || w.EndsWith("tjenesten", StringComparison.Ordinal))
                {
                    nb++;
                }
                else if (w.EndsWith("lege", StringComparison.Ordinal) && !w.EndsWith("fastlege", StringComparison.Ordinal) && !w.EndsWith("kirurglege", StringComparison.Ordinal) ||
                         w.EndsWith("leg", StringComparison.Ordinal) || w.EndsWith("ande", StringComparison.Ordinal) || w.EndsWith("teneste", StringComparison.Ordinal) ||
                         w.EndsWith("tenester", StringComparison.Ordinal) || w.EndsWith("tenesta", StringComparison.Ordinal) ||
                         w.EndsWith("ingane", StringComparison.Ordinal))
                {
                    nn++;
                }
            }
        }

        return (nb, nn);
    }

    private static char Script(string word)
    {
        foreach (var c in word)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                return 'c';
            }

            if (c is >= '\u0600' and <= '\u06FF' or >= '\uFB50' and <= '\uFEFF')
            {
                return 'a';
            }

            if (char.IsLetter(c) && c < '\u0250')
            {
                return 'l';
            }
        }

        return '?';
    }

    /// <summary>Words: runs of letters and combining marks (with inner apostrophes and hyphens), lower-cased.</summary>
    public static IEnumerable<string> Tokenize(string text)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            var isPart = char.IsLetter(c) || cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark || c == '\u200C';
            var inner = sb.Length > 0 && c is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetter(text[i + 1]);
            if (isPart || inner)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0)
            {
                yield return sb.ToString();
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            yield return sb.ToString();
        }
    }

    /// <summary>The words of <see cref="Tokenize"/> (the same strings), built without a StringBuilder per word.</summary>
    internal static List<string> TokenList(string text)
    {
        var words = new List<string>();
        var buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsTokenPart(c) || (length > 0 && IsInner(text, i)))
            {
                buffer[length++] = Text.InvariantLower.Of(c);
            }
            else if (length > 0)
            {
                words.Add(new string(buffer[..length]));
                length = 0;
            }
        }

        if (length > 0)
        {
            words.Add(new string(buffer[..length]));
        }

        return words;
    }

    /// <summary>How many words <see cref="Tokenize"/> yields.</summary>
    public static int CountTokens(string text)
    {
        var count = 0;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsTokenPart(text[i]) || (inWord && IsInner(text, i)))
            {
                inWord = true;
            }
            else if (inWord)
            {
                count++;
                inWord = false;
            }
        }

        return inWord ? count + 1 : count;
    }

    private static bool IsTokenPart(char c) =>
        char.IsAsciiLetter(c) || (c > '\u007f' && (char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark || c == '\u200C'));

    private static bool IsInner(string text, int i) => text[i] is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetter(text[i + 1]);

    private static Dictionary<string, int> Features(IEnumerable<string> words)
    {
        var f = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in words)
        {
            Add(f, "w:" + w);
            var padded = " " + w + " ";
            for (var n = 1; n <= 3; n++)
            {
                for (var i = 0; i + n <= padded.Length; i++)
                {
                    var g = padded.Substring(i, n);
                    if (g != " ")
                    {
                        Add(f, g);
                    }
                }
            }
        }

        return f;
    }

    /// <summary>
    /// The features of <see cref="Features"/> in the same (first-occurrence) order with the same counts, as vocabulary
    /// numbers (-1: in no model) so that scoring needs no string hashing per model.
    /// </summary>
    private List<Feature> IndexedFeatures(List<string> words)
    {
        var list = new List<Feature>();

        // Where each known feature is in the list (a per-thread array by vocabulary number, reset before returning).
        var position = knownPosition ??= [];
        if (position.Length < vocabulary.Count)
        {
            position = knownPosition = new int[vocabulary.Count];
            Array.Fill(position, -1);
        }

        Dictionary<long, int>? unknownNgrams = null;
        Dictionary<string, int>? unknownWords = null;
        try
        {
            foreach (var w in words)
            {
                var wordKeys = KeysOf(w);

                // The first key of a word is its "w:" feature; the others are n-grams.
                for (var k = 0; k < wordKeys.Length; k++)
                {
                    var key = wordKeys[k];
                    int at;
                    if (key >= 0)
                    {
                        at = position[key];
                        if (at < 0)
                        {
                            position[key] = list.Count;
                        }
                    }
                    else if (key == UnknownWord)
                    {
                        unknownWords ??= new Dictionary<string, int>(StringComparer.Ordinal);
                        if (!unknownWords.TryGetValue(w, out at))
                        {
                            at = -1;
                            unknownWords[w] = list.Count;
                        }
                    }
                    else
                    {
                        unknownNgrams ??= [];
                        if (!unknownNgrams.TryGetValue(key, out at))
                        {
                            at = -1;
                            unknownNgrams[key] = list.Count;
                        }
                    }

                    if (at >= 0)
                    {
                        list[at] = list[at] with { Count = list[at].Count + 1 };
                    }
                    else
                    {
                        list.Add(new Feature(key >= 0 ? (int)key : -1, IsWord: k == 0, 1));
                    }
                }
            }
        }
        finally
        {
            foreach (var f in list)
            {
                if (f.Id >= 0)
                {
                    position[f.Id] = -1;
                }
            }
        }

        return list;
    }

    private const long UnknownWord = long.MinValue;
    private const int MaxCachedWords = 20_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long[]> keysByWord = new(StringComparer.Ordinal);
    private int cachedWords;

    /// <summary>
    /// A word's features in <see cref="Features"/> order: "w:word", then its 1-, 2- and 3-grams (with the space padding).
    /// Known features are their vocabulary number; unknown n-grams their characters packed into a negative number, an
    /// unknown word <see cref="UnknownWord"/>. Cached for the most common words (the same words recur page after page).
    /// </summary>
    private long[] KeysOf(string w)
    {
        if (keysByWord.TryGetValue(w, out var cached))
        {
            return cached;
        }

        var keys = new List<long>((w.Length * 3) + 3);
        Span<char> buffer = w.Length <= 256 ? stackalloc char[w.Length + 2] : new char[w.Length + 2];
        buffer[0] = 'w';
        buffer[1] = ':';
        w.CopyTo(buffer[2..]);
        keys.Add(vocabularyLookup.TryGetValue(buffer, out var wordId) ? wordId : UnknownWord);

        buffer[0] = ' ';
        w.CopyTo(buffer[1..]);
        buffer[w.Length + 1] = ' ';
        for (var n = 1; n <= 3; n++)
        {
            for (var i = 0; i + n <= buffer.Length; i++)
            {
                var g = buffer.Slice(i, n);
                if (!(n == 1 && g[0] == ' '))
                {
                    keys.Add(vocabularyLookup.TryGetValue(g, out var id) ? id : -1 - Pack(g));
                }
            }
        }

        var result = keys.ToArray();
        if (Volatile.Read(ref cachedWords) < MaxCachedWords && keysByWord.TryAdd(w, result))
        {
            Interlocked.Increment(ref cachedWords);
        }

        return result;
    }

    /// <summary>An n-gram of one to three characters as a number: its length and its characters, 16 bits each.</summary>
    private static long Pack(ReadOnlySpan<char> g)
    {
        long v = g.Length;
        foreach (var c in g)
        {
            v = (v << 16) | c;
        }

        return v;
    }

    [ThreadStatic]
    private static int[]? knownPosition;

    private readonly record struct Feature(int Id, bool IsWord, int Count);

    private static void Add(Dictionary<string, int> f, string key) => f[key] = f.GetValueOrDefault(key) + 1;

    private static Dictionary<string, string> LoadEmbeddedProfiles()
    {
        var assembly = typeof(LanguageDetector).Assembly;
        const string prefix = "Lenkevakt.Content.Languages.Profiles.";
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".txt", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            texts[name[prefix.Length..^4]] = reader.ReadToEnd();
        }

        return texts;
    }

    private sealed class Model
    {
        private readonly Dictionary<string, double> logProb = new(StringComparer.Ordinal);
        private double unseenChar;
        private double unseenWord;

        // By vocabulary number: the feature's log-probability, or the unseen one of its kind.
        private double[] byId = [];

        public IEnumerable<string> Keys => logProb.Keys;

        public double UnseenChar => unseenChar;

        public double UnseenWord => unseenWord;

        /// <summary>The log-probability of a feature by vocabulary number (the unseen one of its kind if the model lacks it).</summary>
        public double LogProb(int id) => byId[id];

        public void Index(Dictionary<string, int> vocabulary)
        {
            byId = new double[vocabulary.Count];
            foreach (var (key, id) in vocabulary)
            {
                var isWord = key.StartsWith("w:", StringComparison.Ordinal);
                byId[id] = logProb.TryGetValue(key, out var p) ? p : isWord ? unseenWord : unseenChar;
            }
        }

        /// <summary>Same sum, in the same order, as <see cref="Score(Dictionary{string, int})"/> over the same features.</summary>
        public double Score(List<Feature> features)
        {
            double s = 0;
            foreach (var (id, isWord, count) in features)
            {
                var lp = id >= 0 ? byId[id] : isWord ? unseenWord : unseenChar;

                // Words weigh like one n-gram order; n-grams are averaged over the three orders.
                s += count * lp * (isWord ? 1.0 : 1.0 / 3.0);
            }

            return s;
        }

        public static Model Train(string text)
        {
            var features = Features(Tokenize(text));
            var model = new Model();
            double charTotal = features.Where(kv => !kv.Key.StartsWith("w:", StringComparison.Ordinal)).Sum(kv => kv.Value);
            double wordTotal = features.Where(kv => kv.Key.StartsWith("w:", StringComparison.Ordinal)).Sum(kv => kv.Value);
            const double charVocabulary = 20000;
            const double wordVocabulary = 50000;
            foreach (var (key, count) in features)
            {
                var isWord = key.StartsWith("w:", StringComparison.Ordinal);
                model.logProb[key] = isWord
                    ? Math.Log((count + Alpha) / (wordTotal + (Alpha * wordVocabulary)))
                    : Math.Log((count + Alpha) / (charTotal + (Alpha * charVocabulary)));
            }

            model.unseenChar = Math.Log(Alpha / (charTotal + (Alpha * charVocabulary)));
            model.unseenWord = Math.Log(Alpha / (wordTotal + (Alpha * wordVocabulary)));
            return model;
        }

        public double Score(Dictionary<string, int> features)
        {
            double s = 0;
            foreach (var (key, count) in features)
            {
                var isWord = key.StartsWith("w:", StringComparison.Ordinal);
                var lp = logProb.TryGetValue(key, out var p) ? p : isWord ? unseenWord : unseenChar;

                // Words weigh like one n-gram order; n-grams are averaged over the three orders.
                s += count * lp * (isWord ? 1.0 : 1.0 / 3.0);
            }

            return s;
        }
    }
}
