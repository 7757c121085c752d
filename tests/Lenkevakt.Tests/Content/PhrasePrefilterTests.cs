using AngleSharp.Html.Parser;
using Lenkevakt.Content.Rules;
using Lenkevakt.Content.Text;
using Lenkevakt.Crawling;
using Xunit;

namespace Lenkevakt.Tests.Content;

/// <summary>The phrase prefilter may only rule out text that the phrase regex (its specification) does not match.</summary>
[Trait("Category", "Unit")]
public sealed class PhrasePrefilterTests
{
    private static readonly List<(List<string> Phrases, System.Text.RegularExpressions.Regex Regex, PhrasePrefilter? Prefilter)> Conditions =
        [.. PhraseConditions(RuleSetLoader.LoadEmbedded().Rules.Select(r => r.Detect)).Select(p => (p, RuleEngine.PhraseRegex(p), PhrasePrefilter.Create(p)))];

    public static TheoryData<string> EdgeCases() =>
    [
        "", " ", "Fastlege", "FASTLEGEN", "din  lege", "ø-hjelp", "ø hjelp", "øhjelp", "Ø-HJELP", "\u212Aommunale helsetjenester", "frivillige organi\u017Fasjoner",
        "ı İ i I", "xfastlege 1fastlege _fastlege fastlege", "ikke-legevakt", "ädin lege", "طبيبكم والطبيب العام", "ø-hjelp og øhjelp", "Ø HJELP", "\u212Aommunale helsetjenester og fastlege", "fastlegen\u212A", "legevakt\nkveld", "på dagtid", "sıla", "семейный врач", "طبيب الأسرة", "ሓኪም ስድራቤት", "Helsestasjon og skolehelsetjeneste", "Røde Kors",
    ];

    [Fact]
    public void Every_Phrase_Condition_Has_A_Prefilter() =>
        Assert.All(Conditions, c => Assert.NotNull(c.Prefilter));

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Never_Rules_Out_A_Regex_Match(string text) => AssertSound(text);

    [Fact]
    public void Never_Rules_Out_A_Regex_Match_On_The_Corpus()
    {
        var parser = new HtmlParser();
        var ruledOut = 0;
        foreach (var page in CorpusPage.LoadAll())
        {
            var (html, _) = HtmlDecoding.Decode(page.Bytes(), page.Encoding);
            foreach (var block in PageTextExtractor.Extract(parser.ParseDocument(html)).Blocks)
            {
                ruledOut += AssertSound(block.Text);
            }
        }

        Assert.True(ruledOut > 1000, $"the prefilter ruled out only {ruledOut} block × condition pairs");
    }

    [Fact]
    public void Characters_The_Regex_Folds_Differently_Are_Found()
    {
        // KELVIN SIGN matches 'k' in a case-insensitive regex, but is not 'K' when upper-cased.
        Assert.Contains('\u212A', PhrasePrefilter.UnusualEquivalents(["k"]));
        Assert.Empty(PhrasePrefilter.UnusualEquivalents(["b"]));
    }

    [Theory]
    [InlineData("fastlege*", "fastlege")]
    [InlineData("ø-hjelp", "hjelp")]
    [InlineData("din lege", "lege")]
    [InlineData("семейн* врач*", "семейн")]
    [InlineData("-", null)]
    public void Longest_Piece(string phrase, string? piece) => Assert.Equal(piece, PhrasePrefilter.LongestPiece(phrase));

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Anchored_Matching_Finds_What_The_Regex_Finds(string text) => AssertSameMatches(text);

    [Fact]
    public void Anchored_Matching_Finds_What_The_Regex_Finds_On_The_Corpus()
    {
        var parser = new HtmlParser();
        var matches = 0;
        foreach (var page in CorpusPage.LoadAll())
        {
            var (html, _) = HtmlDecoding.Decode(page.Bytes(), page.Encoding);
            var blocks = PageTextExtractor.Extract(parser.ParseDocument(html)).Blocks;
            foreach (var block in blocks)
            {
                matches += AssertSameMatches(block.Text);
                foreach (var sentence in RuleEngine.Sentences(block.Text))
                {
                    AssertSameMatches(sentence);
                }
            }

            matches += AssertSameMatches(string.Join("\n", blocks.Select(b => b.Text)));
        }

        Assert.True(matches > 500, $"only {matches} phrase matches in the corpus");
    }

    [Theory]
    [InlineData("fastlege*", "fastlege")]
    [InlineData("ø-hjelp", "ø")]
    [InlineData("din lege", "din")]
    [InlineData("-hjelp", null)]
    [InlineData("*", null)]
    public void First_Piece(string phrase, string? piece) => Assert.Equal(piece, PhrasePrefilter.FirstPiece(phrase));

    private static readonly RuleEngine Engine = new(RuleSetLoader.LoadEmbedded());

    private static int AssertSameMatches(string text)
    {
        var count = 0;
        foreach (var c in AllConditions(Engine.RuleSet.Rules.Select(r => r.Detect)).Where(c => c.Phrases is not null || c.Patterns is not null))
        {
            var expected = Engine.RegexOf(c).Matches(text).Select(m => (m.Index, m.Length, m.Value)).ToList();
            var (matches, isMatch) = Engine.MatchForTest(c, text);
            Assert.Equal(expected, matches.Select(m => (m.Index, m.Length, m.Value)).ToList());
            Assert.Equal(Engine.RegexOf(c).IsMatch(text), isMatch);
            count += expected.Count;
        }

        return count;
    }

    private static IEnumerable<RuleCondition> AllConditions(IEnumerable<RuleCondition> conditions)
    {
        foreach (var c in conditions)
        {
            yield return c;
            foreach (var sub in AllConditions((c.All ?? []).Concat(c.Any ?? [])))
            {
                yield return sub;
            }
        }
    }

    private static int AssertSound(string text)
    {
        var ruledOut = 0;
        foreach (var (phrases, regex, prefilter) in Conditions)
        {
            if (prefilter is null || prefilter.MayMatch(text))
            {
                continue;
            }

            ruledOut++;
            var m = regex.Match(text);
            Assert.False(m.Success, $"prefilter ruled out «{text[..Math.Min(200, text.Length)]}» but the regex for [{string.Join(", ", phrases.Take(5))}…] matches «{m.Value}»");
        }

        return ruledOut;
    }

    private static IEnumerable<List<string>> PhraseConditions(IEnumerable<RuleCondition> conditions)
    {
        foreach (var c in conditions)
        {
            if (c.Phrases is { } phrases)
            {
                yield return [.. phrases.Values.SelectMany(v => v)];
            }

            foreach (var sub in PhraseConditions((c.All ?? []).Concat(c.Any ?? [])))
            {
                yield return sub;
            }
        }
    }
}
