using System.Diagnostics;
using Lenkevakt.Content.Detectors;
using Lenkevakt.Content.Help;
using Lenkevakt.Content.Languages;
using Lenkevakt.Content.Rules;
using Lenkevakt.Content.Text;
using Lenkevakt.Crawling;

namespace Lenkevakt.Tools.ContentEval;

/// <summary>
/// <c>--profile N</c>: the stages of <c>PageContentEvaluator.Evaluate</c> (text, detectors, help signals, language,
/// each rule) timed separately over N warm rounds, to see where the CPU per page goes. Mirrors the evaluator's steps.
/// </summary>
internal static class StageProfile
{
    public static void Run(IReadOnlyList<(Uri Url, ParsedPage Parsed)> pages, RuleEngine engine, int rounds)
    {
        var times = new Dictionary<string, long>(StringComparer.Ordinal);
        var bytes = new Dictionary<string, long>(StringComparer.Ordinal);
        void Add(string stage, long ticks, long allocated)
        {
            times[stage] = times.GetValueOrDefault(stage) + ticks;
            bytes[stage] = bytes.GetValueOrDefault(stage) + allocated;
        }

        var mark = GC.GetAllocatedBytesForCurrentThread();

        for (var round = 0; round <= rounds; round++)
        {
            var record = round > 0;
            foreach (var (url, parsed) in pages)
            {
                var sw = Stopwatch.StartNew();
                var text = PageTextExtractor.Extract(parsed.Document ?? throw new InvalidOperationException("page not parsed"));
                Lap("text", sw);
                var phones = PhoneDetector.Find(text.Blocks).ToList();
                Lap("detector: phone", sw);
                var verdict = HelpPageSignals.Evaluate(url, text, phones, 8);
                Lap("help signals", sw);
                var hits = new Dictionary<string, IReadOnlyList<DetectorHit>>(StringComparer.Ordinal) { [PhoneDetector.Name] = phones };
                hits[EmailDetector.Name] = [.. EmailDetector.Find(text.Blocks)];
                Lap("detector: e-mail", sw);
                hits[AddressDetector.Name] = [.. AddressDetector.Find(text.Blocks, text.StructuredData)];
                Lap("detector: address", sw);
                hits[OpeningHoursDetector.Name] = [.. OpeningHoursDetector.Find(text.Blocks, text.StructuredData)];
                Lap("detector: opening hours", sw);
                hits[LanguageOfferDetector.Name] = [.. LanguageOfferDetector.Find(text.Blocks, [])];
                Lap("detector: language offers", sw);
                var language = LanguageDetector.Default.Detect(string.Join("\n", text.In(PageRegion.Main).Select(b => b.Text)));
                Lap("language", sw);
                var facts = new PageFacts { Url = url, Text = text, Hits = hits, Language = language };
                foreach (var rule in engine.RuleSet.Rules)
                {
                    engine.EvaluateRule(rule, facts);
                    Lap("rule: " + rule.Id, sw);
                }

                _ = verdict;
            }

            void Lap(string stage, Stopwatch sw)
            {
                var now = GC.GetAllocatedBytesForCurrentThread();
                if (record)
                {
                    Add(stage, sw.ElapsedTicks, now - mark);
                }

                mark = now;
                sw.Restart();
            }
        }

        var n = (double)rounds * pages.Count;
        var total = times.Values.Sum();
        Console.WriteLine();
        Console.WriteLine($"profile: {rounds} rounds × {pages.Count} pages, {total * 1e6 / Stopwatch.Frequency / n:0} µs/page in all stages");
        foreach (var (stage, ticks) in times.OrderByDescending(t => t.Value))
        {
            Console.WriteLine($"  {stage,-40} {ticks * 1e6 / Stopwatch.Frequency / n,8:0} µs/page  {100.0 * ticks / total,5:0.0} %  {bytes[stage] / n / 1024,7:0.0} KiB/page");
        }
    }
}
