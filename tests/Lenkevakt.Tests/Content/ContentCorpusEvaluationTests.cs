using System.Globalization;
using System.Text;
using Lenkevakt.Content;
using Lenkevakt.Content.Rules;
using Xunit;
using static Lenkevakt.Tests.Content.PrecisionRecall;
using Xunit.Abstractions;

namespace Lenkevakt.Tests.Content;

/// <summary>
/// Measures the content checks against the hand-labelled corpus: help-page detection, every rule (the "met" class and the
/// "not met" class, which is what findings are raised on) and language detection per language. Prints the table and fails
/// when any precision or recall is below 0.95.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ContentCorpusEvaluationTests(ITestOutputHelper output)
{
    private const double Floor = 0.95;

    private static readonly Lazy<IReadOnlyList<(CorpusPage Label, PageContentResult Result)>> Evaluated = new(() =>
        CorpusPage.LoadAll().Select(p => (p, ContentTestHost.Evaluate(p))).ToList());

    [Fact]
    public void Corpus_Has_The_Required_Variety()
    {
        var pages = CorpusPage.LoadAll();
        Assert.True(pages.Count >= 40, $"corpus has {pages.Count} pages");
        Assert.True(pages.Count(p => p.Encoding == "iso-8859-1") >= 2);
        foreach (var lang in new[] { "nb", "nn", "en", "pl", "lt", "ar", "so", "ur", "ti", "fa", "tr", "ru", "uk", "se" })
        {
            Assert.Contains(pages, p => p.TrueLang == lang);
        }

        Assert.Contains(pages, p => p.DeclaredLang is null);
        Assert.Contains(pages, p => p.DeclaredLang is not null && p.DeclaredLang != p.TrueLang && p.DeclaredLang != "no");
        foreach (var p in pages)
        {
            Assert.True(File.Exists(Path.Combine(CorpusPage.Folder, p.File)), p.File);
        }
    }

    [Fact]
    public void Help_Page_Detection_Precision_And_Recall()
    {
        var (precision, recall, failures) = Measure(Evaluated.Value, x => x.Label.IsHelpPage, x => x.Result.IsHelpPage,
            x => $"{x.Label.File}: label {x.Label.IsHelpPage}, got {x.Result.IsHelpPage} (score {x.Result.HelpScore}; {string.Join(" | ", x.Result.HelpReasons)})");
        output.WriteLine($"help-page detection: precision {precision:0.000}, recall {recall:0.000}");
        foreach (var f in failures)
        {
            output.WriteLine("  " + f);
        }

        Assert.True(precision >= Floor && recall >= Floor, $"help-page detection below {Floor}: P={precision:0.000} R={recall:0.000}\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Rule_Precision_And_Recall()
    {
        var rules = ContentTestHost.Evaluator.Engine.RuleSet.Rules;
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"{"rule",-30} {"met:P",6} {"met:R",6} {"!met:P",6} {"!met:R",6}  support(met/not-met/na)");
        var problems = new List<string>();
        foreach (var rule in rules)
        {
            var rows = Evaluated.Value;
            RuleOutcome Label((CorpusPage Label, PageContentResult Result) x) => RuleOutcomeNames.Parse(x.Label.Rules[rule.Id]);
            RuleOutcome Got((CorpusPage Label, PageContentResult Result) x) => x.Result.Rule(rule.Id)?.Outcome ?? RuleOutcome.NotApplicable;
            string Describe((CorpusPage Label, PageContentResult Result) x) =>
                $"{rule.Id} on {x.Label.File}: label {RuleOutcomeNames.Wire(Label(x))}, got {RuleOutcomeNames.Wire(Got(x))} {x.Result.Rule(rule.Id)?.Evidence}";
            var (mp, mr, mf) = Measure(rows, x => Label(x) == RuleOutcome.Met, x => Got(x) == RuleOutcome.Met, Describe);
            var (np, nr, nf) = Measure(rows, x => Label(x) == RuleOutcome.NotMet, x => Got(x) == RuleOutcome.NotMet, Describe);
            var support = $"{rows.Count(x => Label(x) == RuleOutcome.Met)}/{rows.Count(x => Label(x) == RuleOutcome.NotMet)}/{rows.Count(x => Label(x) == RuleOutcome.NotApplicable)}";
            table.AppendLine(CultureInfo.InvariantCulture, $"{rule.Id,-30} {mp,6:0.000} {mr,6:0.000} {np,6:0.000} {nr,6:0.000}  {support}");
            if (mp < Floor || mr < Floor || np < Floor || nr < Floor)
            {
                problems.AddRange(mf.Concat(nf).Distinct());
            }
        }

        output.WriteLine(table.ToString());
        foreach (var p in problems)
        {
            output.WriteLine("  " + p);
        }

        Assert.True(problems.Count == 0, "rules below " + Floor + ":\n" + table + string.Join("\n", problems));
    }

    [Fact]
    public void Language_Detection_Precision_And_Recall_Per_Language()
    {
        var rows = Evaluated.Value;
        var languages = rows.Select(x => x.Label.TrueLang).Distinct().Order(StringComparer.Ordinal).ToList();
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"{"lang",-5} {"P",6} {"R",6}  pages");
        var problems = new List<string>();
        foreach (var lang in languages)
        {
            var (p, r, f) = Measure(rows, x => x.Label.TrueLang == lang, x => x.Result.DetectedLang == lang,
                x => $"{x.Label.File}: true {x.Label.TrueLang}, detected {x.Result.DetectedLang} ({x.Result.LangConfidence}, {x.Result.LangMethod})");
            table.AppendLine(CultureInfo.InvariantCulture, $"{lang,-5} {p,6:0.000} {r,6:0.000}  {rows.Count(x => x.Label.TrueLang == lang)}");
            if (p < Floor || r < Floor)
            {
                problems.AddRange(f);
            }
        }

        output.WriteLine(table.ToString());
        foreach (var p in problems.Distinct())
        {
            output.WriteLine("  " + p);
        }

        Assert.True(problems.Count == 0, "languages below " + Floor + ":\n" + table + string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public void Declared_Language_Is_Read_As_Labelled()
    {
        foreach (var (label, result) in Evaluated.Value)
        {
            Assert.Equal(label.DeclaredLang, result.DeclaredLang);
        }
    }

}
