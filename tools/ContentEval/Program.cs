using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lenkevakt.Content;
using static Lenkevakt.Tests.Content.PrecisionRecall;
using Lenkevakt.Content.Languages;
using Lenkevakt.Content.Rules;
using Lenkevakt.Crawling;
using Lenkevakt.Sites;
using Lenkevakt.Tools.ContentEval;

// Scores the content evaluator (the one the crawler uses) on the real-page evaluation set.
// Usage: dotnet run --project tools/ContentEval -c Release -- [--labels eval/real-pages/labels.json]
//        [--pages /work/evaldata/pages] [--split dev|heldout|heldout2|…|heldout12|all|a comma list] [--failures] [--timing N] [--profile N] [--phonelib] [--markdown] [--lingua]
//        or --site DIR [--rounds N] [--verdicts] [--large]: parse and evaluate a generated bench site's pages (where a site's CPU goes)
var argv = args.ToList();
string Opt(string name, string fallback)
{
    var i = argv.IndexOf(name);
    return i >= 0 && i + 1 < argv.Count ? argv[i + 1] : fallback;
}

var labelsPath = Opt("--labels", FindUp("eval/real-pages/labels.json"));
var pagesDir = Opt("--pages", Environment.GetEnvironmentVariable("LENKEVAKT_EVAL_PAGES") ?? "/work/evaldata/pages");
var split = Opt("--split", "dev");
var showFailures = argv.Contains("--failures");
var markdown = argv.Contains("--markdown");
var timing = int.Parse(Opt("--timing", "0"), CultureInfo.InvariantCulture);

if (Opt("--site", "") is { Length: > 0 } siteDir)
{
    var siteEvaluator = new PageContentEvaluator(new RuleEngine(RuleSetLoader.LoadEmbedded()), LanguageDetector.Default, new ContentOptions());
    SiteTiming.Run(siteDir, siteEvaluator, int.Parse(Opt("--rounds", "5"), CultureInfo.InvariantCulture), argv.Contains("--verdicts"), argv.Contains("--large"));
    return;
}

var labels = JsonSerializer.Deserialize<EvalLabels>(File.ReadAllText(labelsPath))!;
var splits = split.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var pages = labels.Pages.Where(p => split == "all" || splits.Contains(p.Split, StringComparer.Ordinal)).ToList();
var missing = pages.Where(p => !File.Exists(Path.Combine(pagesDir, p.File))).ToList();
if (missing.Count > 0)
{
    Console.Error.WriteLine($"{missing.Count} page texts missing in {pagesDir} (rebuild them as eval/real-pages/LABELLING.md says); they are skipped.");
    pages = pages.Except(missing).ToList();
}

var evaluator = new PageContentEvaluator(new RuleEngine(RuleSetLoader.LoadEmbedded()), LanguageDetector.Default, new ContentOptions());
var parsed = pages.Select(p => (Page: p, Url: new Uri(p.Url), Parsed: PageParser.Parse(TextToHtml.Convert(File.ReadAllText(Path.Combine(pagesDir, p.File))), new Uri(p.Url)))).ToList();

static SiteKind Kind(string k) => k == "helsenorge" ? SiteKind.Helsenorge : SiteKind.Municipality;
var results = parsed.Select(x => (x.Page, Result: evaluator.Evaluate("eval", Kind(x.Page.Kind), x.Url, x.Parsed))).ToList();

Console.WriteLine($"Real-page evaluation: split {split}, {results.Count} pages, {results.Select(r => new Uri(r.Page.Url).Host).Distinct().Count()} hosts, rule set {evaluator.Engine.RuleSet.Version}");
Console.WriteLine();

// Help-page gate.
var (gp, gr, gfail) = Measure(results, r => r.Page.Help, r => r.Result.IsHelpPage, r => $"{r.Page.Url}: label {r.Page.Help}, got {r.Result.IsHelpPage} (score {r.Result.HelpScore}; {string.Join(" | ", r.Result.HelpReasons)})");
Console.WriteLine(markdown ? "| check | P | R | positives |\n|---|---|---|---|" : $"{"check",-30} {"P",6} {"R",6}  positives");
Row("help-page gate", gp, gr, results.Count(r => r.Page.Help));
var failures = new List<string>(gfail);
foreach (var rule in evaluator.Engine.RuleSet.Rules)
{
    string Label((EvalPage Page, PageContentResult Result) r) => r.Page.Rules.GetValueOrDefault(rule.Id, "not-applicable");
    string Got((EvalPage Page, PageContentResult Result) r) => r.Result.Rule(rule.Id) is { } rr ? RuleOutcomeNames.Wire(rr.Outcome) : "not-applicable";
    var (p, rc, f) = Measure(results, r => Label(r) == "met", r => Got(r) == "met",
        r => $"{rule.Id} on {r.Page.Url} [{r.Page.Lang}]: label {Label(r)}, got {Got(r)} {r.Result.Rule(rule.Id)?.Evidence}");
    Row(rule.Id, p, rc, results.Count(r => Label(r) == "met"));
    failures.AddRange(f);
}

// Language detection.
Console.WriteLine();
var correct = results.Count(r => r.Result.DetectedLang == r.Page.Lang);
Console.WriteLine($"language accuracy: {(double)correct / results.Count:0.000} ({correct}/{results.Count})");
Console.WriteLine(markdown ? "| lang | pages | P | R |\n|---|---|---|---|" : $"{"lang",-6} {"pages",5} {"P",6} {"R",6}");
foreach (var lang in results.Select(r => r.Page.Lang).Distinct().Order(StringComparer.Ordinal))
{
    var (lp, lr, lf) = Measure(results, r => r.Page.Lang == lang, r => r.Result.DetectedLang == lang,
        r => $"lang {r.Page.Url}: true {r.Page.Lang}, detected {r.Result.DetectedLang} ({r.Result.LangConfidence:0.00}, {r.Result.LangMethod})");
    Console.WriteLine(markdown
        ? $"| {lang} | {results.Count(r => r.Page.Lang == lang)} | {lp:0.00} | {lr:0.00} |"
        : $"{lang,-6} {results.Count(r => r.Page.Lang == lang),5} {lp,6:0.000} {lr,6:0.000}");
    failures.AddRange(lf);
}

// Rule recall per page language (met class).
Console.WriteLine();
Console.WriteLine("rule recall per page language (met class: found/labelled met)");
foreach (var lang in results.Select(r => r.Page.Lang).Distinct().Order(StringComparer.Ordinal))
{
    var cells = evaluator.Engine.RuleSet.Rules
        .Select(rule => (rule.Id, Labelled: results.Count(r => r.Page.Lang == lang && r.Page.Rules.GetValueOrDefault(rule.Id) == "met"),
            Found: results.Count(r => r.Page.Lang == lang && r.Page.Rules.GetValueOrDefault(rule.Id) == "met" && r.Result.Rule(rule.Id)?.Outcome == RuleOutcome.Met)))
        .Where(c => c.Labelled > 0)
        .Select(c => $"{c.Id} {c.Found}/{c.Labelled}");
    Console.WriteLine($"  {lang}: {string.Join(", ", cells)}");
}

// Precision and recall of every rule per page language (rules with a positive or a "met" verdict in that language).
Console.WriteLine();
Console.WriteLine(markdown ? "| lang | rule | positives | P | R |\n|---|---|---|---|---|" : "rule P/R per page language (positives, P, R)");
foreach (var lang in results.Select(r => r.Page.Lang).Distinct().Order(StringComparer.Ordinal))
{
    var inLang = results.Where(r => r.Page.Lang == lang).ToList();
    foreach (var rule in evaluator.Engine.RuleSet.Rules)
    {
        var positives = inLang.Count(r => r.Page.Rules.GetValueOrDefault(rule.Id) == "met");
        var (p, rc, _) = Measure(inLang, r => r.Page.Rules.GetValueOrDefault(rule.Id) == "met", r => r.Result.Rule(rule.Id)?.Outcome == RuleOutcome.Met, _ => "");
        if (positives > 0 || inLang.Any(r => r.Result.Rule(rule.Id)?.Outcome == RuleOutcome.Met))
        {
            Console.WriteLine(markdown ? $"| {lang} | {rule.Id} | {positives} | {p:0.00} | {rc:0.00} |" : $"  {lang,-4} {rule.Id,-30} {positives,3} {p,6:0.000} {rc,6:0.000}");
        }
    }
}

if (showFailures)
{
    Console.WriteLine();
    foreach (var f in failures)
    {
        Console.WriteLine("  " + f);
    }
}

if (argv.Contains("--lingua"))
{
    Console.WriteLine();
    LinguaComparison.Run(parsed.Select(x => (x.Page, x.Parsed)).ToList());
}

if (timing > 0)
{
    // Warm: every page once, then the timed rounds; parsing is excluded (the crawler parses every page anyway).
    foreach (var x in parsed)
    {
        evaluator.Evaluate("eval", Kind(x.Page.Kind), x.Url, x.Parsed);
    }

    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var gen0 = GC.CollectionCount(0);
    var sw = Stopwatch.StartNew();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    for (var i = 0; i < timing; i++)
    {
        foreach (var x in parsed)
        {
            evaluator.Evaluate("eval", Kind(x.Page.Kind), x.Url, x.Parsed);
        }
    }

    var n = timing * parsed.Count;
    var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    Console.WriteLine();
    Console.WriteLine($"timing: {n} evaluations, wall {sw.Elapsed.TotalMilliseconds * 1000 / n:0} µs/page, CPU {cpuUsed.TotalMilliseconds * 1000 / n:0} µs/page, allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / n / 1024.0:0} KiB/page, {GC.CollectionCount(0) - gen0} gen-0 collections");
}

if (argv.Contains("--phonelib"))
{
    PhoneLibComparison.Run([.. parsed.Select(x => (x.Page, x.Parsed))]);
}

if (int.Parse(Opt("--profile", "0"), CultureInfo.InvariantCulture) is var profileRounds and > 0)
{
    StageProfile.Run([.. parsed.Select(x => (x.Url, x.Parsed))], evaluator.Engine, profileRounds);
}

void Row(string name, double p, double r, int positives) =>
    Console.WriteLine(markdown ? $"| {name} | {p:0.00} | {r:0.00} | {positives} |" : $"{name,-30} {p,6:0.000} {r,6:0.000}  {positives}");


static string FindUp(string relative)
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, relative);
        if (File.Exists(candidate))
        {
            return candidate;
        }
    }

    return relative;
}
