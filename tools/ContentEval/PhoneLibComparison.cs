using System.Diagnostics;
using Lenkevakt.Checks;
using Lenkevakt.Content.Detectors;
using Lenkevakt.Content.Text;
using Lenkevakt.Crawling;
using PhoneNumbers;

namespace Lenkevakt.Tools.ContentEval;

/// <summary>
/// <c>--phonelib</c>: libphonenumber-csharp against the hand-written phone code. (1) The <c>telefon</c> rule on the real
/// pages: "the page gives a phone number that is not 113/116 117/a national helpline", with the rule's own exclusions,
/// numbers found by <see cref="PhoneDetector"/> or by <c>PhoneNumberUtil.FindNumbers(text, "NO")</c>. (2) The tel: link
/// cases of the validator tests through <see cref="SchemeLinkValidator.ValidateTel"/> and through libphonenumber.
/// </summary>
internal static class PhoneLibComparison
{
    // The telefon rule's "exclude" list (config/rules/required-fields.v1.json).
    private static readonly HashSet<string> Excluded = ["110", "112", "113", "116117", "116123", "116111", "116006", "22400040", "80033321"];

    // SchemeLinkValidatorTests.Tel: href and whether it is valid.
    private static readonly (string Href, bool Valid)[] TelCases =
    [
        ("tel:+4757123400", true), ("tel:+47 57 12 34 00", true), ("tel:57123400", true), ("tel:116117", true), ("tel:116 123", true),
        ("tel:113", true), ("tel:0047 22 40 00 40", true), ("tel:+46812345678", true), ("tel:+47 57 12 3x 00", false), ("tel:1234", true),
        ("tel:5712340", false), ("tel:+47 0571234", false), ("tel:ring oss", false), ("tel:+47-57-12-34-00", true), ("tel:+47.57.12.34.00", true),
        ("tel:+47 (57) 12 34 00", true), ("tel:+4757123400;ext=123", true), ("tel:+4757123400,2", true), ("tel:+4757123400,,3", true),
        ("tel:+4757123400p123", true), ("tel:+4757123400w1#", true), ("tel:+47%2057%2012%2034%2000", true), ("tel:+4757123400x", false),
    ];

    public static void Run(IReadOnlyList<(EvalPage Page, ParsedPage Parsed)> pages)
    {
        var util = PhoneNumberUtil.GetInstance();
        var labelled = pages.Where(p => p.Page.Help && p.Page.Rules.GetValueOrDefault("telefon") is "met" or "not-met").ToList();
        var texts = labelled.Select(p => (p.Page, Blocks: PageTextExtractor.Extract(p.Parsed.Document ?? throw new InvalidOperationException("not parsed")).Blocks
            .Where(b => (b.Region & (PageRegion.Main | PageRegion.Aside)) != 0).ToList())).ToList();

        bool HandWritten(List<TextBlock> blocks) => PhoneDetector.Find(blocks).Any(h => !Excluded.Contains(h.Value));
        bool Library(List<TextBlock> blocks) => blocks.Any(b => util.FindNumbers(b.Text, "NO").Any(m => !Excluded.Contains(util.GetNationalSignificantNumber(m.Number))));

        Console.WriteLine();
        Console.WriteLine($"phone numbers in text, telefon rule on {labelled.Count} labelled help pages ({labelled.Count(p => p.Page.Rules["telefon"] == "met")} met):");
        Console.WriteLine($"{"finder",-22} {"P",6} {"R",6} {"µs/page",8}  misses");
        foreach (var (name, find) in new (string, Func<List<TextBlock>, bool>)[] { ("hand-written", HandWritten), ("libphonenumber 9.0.43", Library) })
        {
            foreach (var t in texts)
            {
                find(t.Blocks); // warm
            }

            var sw = Stopwatch.StartNew();
            var got = texts.Select(t => (t.Page, Found: find(t.Blocks))).ToList();
            for (var i = 0; i < 4; i++)
            {
                foreach (var t in texts)
                {
                    find(t.Blocks);
                }
            }

            var us = sw.Elapsed.TotalMilliseconds * 1000 / (5 * texts.Count);
            var tp = got.Count(g => g.Found && g.Page.Rules["telefon"] == "met");
            var fp = got.Count(g => g.Found && g.Page.Rules["telefon"] != "met");
            var fn = got.Count(g => !g.Found && g.Page.Rules["telefon"] == "met");
            var p = tp + fp == 0 ? 1 : (double)tp / (tp + fp);
            var r = tp + fn == 0 ? 1 : (double)tp / (tp + fn);
            var misses = got.Where(g => g.Found != (g.Page.Rules["telefon"] == "met")).Select(g => (g.Found ? "FP " : "FN ") + g.Page.Url);
            Console.WriteLine($"{name,-22} {p,6:0.000} {r,6:0.000} {us,8:0}  {string.Join("; ", misses)}");
        }

        Console.WriteLine();
        Console.WriteLine($"tel: link validation, {TelCases.Length} cases of the validator tests:");
        var short_ = ShortNumberInfo.GetInstance();
        bool LibValid(string href)
        {
            var number = Uri.UnescapeDataString(href["tel:".Length..]);
            try
            {
                var n = util.Parse(number, "NO");
                return util.IsValidNumber(n) || short_.IsValidShortNumberForRegion(n, "NO");
            }
            catch (NumberParseException)
            {
                return false;
            }
        }

        var hand = TelCases.Count(c => (SchemeLinkValidator.ValidateTel(c.Href) is null) == c.Valid);
        var lib = TelCases.Count(c => LibValid(c.Href) == c.Valid);
        Console.WriteLine($"  hand-written ValidateTel: {hand}/{TelCases.Length} agree with the test's verdict");
        Console.WriteLine($"  libphonenumber (IsValidNumber or a valid Norwegian short number): {lib}/{TelCases.Length}; differs on: {string.Join(", ", TelCases.Where(c => LibValid(c.Href) != c.Valid).Select(c => $"{c.Href} (expected {(c.Valid ? "valid" : "invalid")})"))}");
    }
}
