using System.Diagnostics;

using Lenkevakt.Content.Text;
using Lenkevakt.Crawling;
using Lingua;

namespace Lenkevakt.Tools.ContentEval;

/// <summary>
/// Compares the in-house language detector with SearchPioneer.Lingua on the real pages' main text (as the evaluator
/// reads it): accuracy on the whole text, on the first 8 words (short texts), and time per page; plus the combination
/// "Lingua, except where the in-house detector says Northern Sami" (Lingua has no Sami model).
/// </summary>
public static class LinguaComparison
{
    private static readonly Language[] Languages =
    [
        Language.Bokmal, Language.Nynorsk, Language.English, Language.Polish, Language.Lithuanian, Language.Arabic,
        Language.Somali, Language.Urdu, Language.Persian, Language.Turkish, Language.Russian, Language.Ukrainian,
        Language.Tigrinya, Language.Danish, Language.Swedish, Language.German,
    ];

    public static void Run(IReadOnlyList<(EvalPage Page, ParsedPage Parsed)> pages)
    {
        var texts = pages.Select(p => (p.Page, Text: string.Join("\n", PageTextExtractor.Extract(p.Parsed.Document!).In(PageRegion.Main).Select(b => b.Text)))).ToList();
        var sw = Stopwatch.StartNew();
        var lingua = LanguageDetectorBuilder.FromLanguages(Languages).WithPreloadedLanguageModels().Build();
        Console.WriteLine($"Lingua: loaded {Languages.Length} language models in {sw.ElapsedMilliseconds} ms");
        var inhouse = Lenkevakt.Content.Languages.LanguageDetector.Default;

        string L(string text)
        {
            var lang = lingua.DetectLanguageOf(text);
            return lang == Language.Unknown ? "und" : Lingua.LanguageInfo.IsoCode6391(lang).ToString().ToLowerInvariant();
        }

        string I(string text) => inhouse.Detect(text).Code;

        string Combined(string text)
        {
            var own = I(text);
            return own is "se" or "sma" or "smj" ? own : L(text);
        }

        static string Short(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(8));

        foreach (var (name, detect) in new (string, Func<string, string>)[] { ("in-house", I), ("Lingua", L), ("combined", Combined) })
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
}
