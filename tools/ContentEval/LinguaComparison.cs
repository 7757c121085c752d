using System.Diagnostics;

using Lenkevakt.Content.Text;
using Lenkevakt.Crawling;
using Lingua;

namespace Lenkevakt.Tools.ContentEval;

/// <summary>
/// Compares the in-house language detector with SearchPioneer.Lingua on the real pages' main text (as the evaluator
/// reads it): accuracy on the whole text, on the first 8 words (short texts), and time per page. Strategies:
/// <list type="bullet">
/// <item>in-house alone (the crawler's detector);</item>
/// <item>Lingua alone with 16 languages, preloaded (the 1.1.0 comparison);</item>
/// <item>hybrid: the in-house detector first; only when it says nb/nn/en (the Latin languages that da/sv/nl/de are
/// confused with) a small, lazily loaded Lingua (nb, nn, da, sv, nl, de, en) reads the first 400 characters, and its answer
/// is taken only when it is da/sv/nl/de; the same with Lingua's low-accuracy mode (trigram models only).</item>
/// </list>
/// Also prints the load time and the process memory (working set after a full GC) that each Lingua detector costs.
/// </summary>
public static class LinguaComparison
{
    private static readonly Language[] Languages =
    [
        Language.Bokmal, Language.Nynorsk, Language.English, Language.Polish, Language.Lithuanian, Language.Arabic,
        Language.Somali, Language.Urdu, Language.Persian, Language.Turkish, Language.Russian, Language.Ukrainian,
        Language.Tigrinya, Language.Danish, Language.Swedish, Language.German,
    ];

    private static readonly Language[] SmallSet =
    [
        Language.Bokmal, Language.Nynorsk, Language.Danish, Language.Swedish, Language.Dutch, Language.German, Language.English,
    ];

    private static readonly HashSet<string> Neighbours = new(StringComparer.Ordinal) { "da", "sv", "nl", "de" };

    public static void Run(IReadOnlyList<(EvalPage Page, ParsedPage Parsed)> pages)
    {
        var texts = pages.Select(p => (p.Page, Text: string.Join("\n", PageTextExtractor.Extract(p.Parsed.Document!).In(PageRegion.Main).Select(b => b.Text)))).ToList();
        var inhouse = Lenkevakt.Content.Languages.LanguageDetector.Default;
        inhouse.Detect("Dette er en tekst for å laste inn modellene til den egne detektoren.");

        // Lingua caches its models per process, so a detector built after another one shares its models: the low-accuracy
        // detector is measured first (set LENKEVAKT_LINGUA_FIRST=small to measure the small full-accuracy set first).
        var before = WorkingSet();
        var sw0 = Stopwatch.StartNew();
        var lowFirst = Environment.GetEnvironmentVariable("LENKEVAKT_LINGUA_FIRST") != "small";
        LanguageDetector? early = null;
        if (lowFirst)
        {
            early = LanguageDetectorBuilder.FromLanguages(SmallSet).WithLowAccuracyMode().Build();
            early.DetectLanguageOf("Dette er en tekst som laster modellene.");
            Console.WriteLine($"Lingua small set, low-accuracy mode (trigrams only), first in process: first call {sw0.ElapsedMilliseconds} ms, working set +{(WorkingSet() - before) / (1024 * 1024)} MB");
            before = WorkingSet();
        }

        var sw = Stopwatch.StartNew();
        var small = LanguageDetectorBuilder.FromLanguages(SmallSet).Build();
        small.DetectLanguageOf("Dette er en tekst som laster modellene.");
        var smallLoad = sw.ElapsedMilliseconds;
        var smallMem = WorkingSet() - before;
        Console.WriteLine($"Lingua small set ({SmallSet.Length} languages, lazy): first call {smallLoad} ms, working set +{smallMem / (1024 * 1024)} MB");

        before = WorkingSet();
        sw.Restart();
        var smallLow = early ?? LanguageDetectorBuilder.FromLanguages(SmallSet).WithLowAccuracyMode().Build();
        smallLow.DetectLanguageOf("Dette er en tekst som laster modellene.");
        if (!lowFirst)
        {
            Console.WriteLine($"Lingua small set, low-accuracy mode, after the small set: first call {sw.ElapsedMilliseconds} ms, working set +{(WorkingSet() - before) / (1024 * 1024)} MB");
        }

        before = WorkingSet();
        sw.Restart();
        var lingua = LanguageDetectorBuilder.FromLanguages(Languages).WithPreloadedLanguageModels().Build();
        var fullLoad = sw.ElapsedMilliseconds;
        var fullMem = WorkingSet() - before;
        Console.WriteLine($"Lingua {Languages.Length} languages, preloaded: {fullLoad} ms, working set +{fullMem / (1024 * 1024)} MB");

        static string Code(Language lang) => lang == Language.Unknown ? "und" : Lingua.LanguageInfo.IsoCode6391(lang).ToString().ToLowerInvariant();

        string L(string text) => Code(lingua.DetectLanguageOf(text));

        string I(string text) => inhouse.Detect(text).Code;

        string Hybrid(string text)
        {
            var own = I(text);
            if (own is not ("nb" or "nn" or "en"))
            {
                return own;
            }

            var head = text.Length > 400 ? text[..400] : text;
            var other = Code(small.DetectLanguageOf(head));
            return Neighbours.Contains(other) ? other : own;
        }

        static string Short(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(8));

        string HybridLow(string text)
        {
            var own = I(text);
            if (own is not ("nb" or "nn" or "en"))
            {
                return own;
            }

            var head = text.Length > 400 ? text[..400] : text;
            var other = Code(smallLow.DetectLanguageOf(head));
            return Neighbours.Contains(other) ? other : own;
        }

        foreach (var (name, detect) in new (string, Func<string, string>)[] { ("in-house", I), ("Lingua", L), ("hybrid", Hybrid), ("hybrid-low", HybridLow) })
        {
            // Warm, then time.
            foreach (var t in texts.Take(5))
            {
                detect(t.Text);
            }

            sw.Restart();
            var full = texts.Count(t => detect(t.Text) == t.Page.Lang);
            var perPage = sw.Elapsed.TotalMilliseconds * 1000 / texts.Count;
            var shortOk = texts.Count(t => detect(Short(t.Text)) == t.Page.Lang);
            var wrong = texts.Where(t => detect(t.Text) != t.Page.Lang).Select(t => $"{t.Page.Lang}→{detect(t.Text)}").ToList();
            Console.WriteLine($"{name,-9} full text {full}/{texts.Count} ({(double)full / texts.Count:0.000}), first 8 words {shortOk}/{texts.Count} ({(double)shortOk / texts.Count:0.000}), {perPage:0} µs/page; wrong: {string.Join(", ", wrong)}");
        }
    }

    private static long WorkingSet()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var p = Process.GetCurrentProcess();
        p.Refresh();
        return p.WorkingSet64;
    }
}
