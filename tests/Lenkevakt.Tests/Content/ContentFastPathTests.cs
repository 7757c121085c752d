using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Lenkevakt.Content.Detectors;
using Lenkevakt.Content.Languages;
using Lenkevakt.Content.Text;
using Lenkevakt.Crawling;
using Xunit;

namespace Lenkevakt.Tests.Content;

/// <summary>
/// The shortcuts of the content checks (tests before a slow regex, indexed language scores) must give exactly what the
/// slow path gives: the regexes and the string-keyed scores are their specification.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ContentFastPathTests
{
    private static readonly Lazy<List<string>> CorpusBlocks = new(() =>
    {
        var parser = new HtmlParser();
        var blocks = new List<string>();
        foreach (var page in CorpusPage.LoadAll())
        {
            var (html, _) = HtmlDecoding.Decode(page.Bytes(), page.Encoding);
            blocks.AddRange(PageTextExtractor.Extract(parser.ParseDocument(html)).Blocks.Select(b => b.Text));
        }

        return blocks;
    });

    [Fact]
    public void HasDigit_Is_What_Backslash_D_Matches_For_Every_Character()
    {
        var digit = new Regex(@"\d", RegexOptions.CultureInvariant);
        for (var c = 0; c <= 0xFFFF; c++)
        {
            var s = "ab" + (char)c + "æø";
            Assert.True(digit.IsMatch(s) == DetectorText.HasDigit(s), $"U+{c:X4}");
        }

        Assert.False(DetectorText.HasDigit(""));
        Assert.True(DetectorText.HasDigit("Storgata ٣"));
    }

    [Theory]
    [InlineData("", 4, false)]
    [InlineData("123 456", 4, false)]
    [InlineData("1234", 4, true)]
    [InlineData("ab ١٢٣٤ cd", 4, true)]
    [InlineData("12a34", 2, true)]
    [InlineData("1a2", 2, false)]
    public void HasDigits_Finds_A_Run_Of_Digits(string text, int run, bool expected)
    {
        Assert.Equal(expected, DetectorText.HasDigits(text, run));
        Assert.Equal(new Regex(@"\d{" + run + "}", RegexOptions.CultureInvariant).IsMatch(text), DetectorText.HasDigits(text, run));
    }

    [Fact]
    public void Street_Suffix_Search_Never_Skips_A_Suffix_Street_Match()
    {
        var texts = CorpusBlocks.Value.Concat(["Storgata 12", "Kongens gt. 3", "Fjordallé 2", "Havnekaiå 4", "STORGATA 12", "Storgate 1"]).ToList();
        var matched = 0;
        foreach (var text in texts)
        {
            if (AddressDetector.SuffixStreet().IsMatch(text))
            {
                matched++;
                Assert.True(text.AsSpan().ContainsAny(AddressDetector.StreetSuffixes), text);
            }
        }

        Assert.True(matched > 5, $"only {matched} suffix-street matches");
    }

    [Fact]
    public void Obfuscated_Email_Test_Never_Skips_A_Match()
    {
        var texts = CorpusBlocks.Value.Concat(["post (at) kommune.no", "post at kommune dot no", "post AT kommune.no", "post [krøllalfa] kommune [punktum] no", "ola\tat\tkommune.no", "post@kommune.no"]).ToList();
        var matched = 0;
        foreach (var text in texts)
        {
            if (EmailDetector.Obfuscated().IsMatch(text))
            {
                matched++;
                Assert.True(text.AsSpan().ContainsAny('(', '[', '{') || EmailDetector.SpacedAt().IsMatch(text), text);
            }
        }

        Assert.True(matched >= 4, $"only {matched} obfuscated matches");
    }

    [Fact]
    public void Obfuscated_Email_Matches_Found_From_The_Separator_Are_The_Regex_Matches()
    {
        var texts = CorpusBlocks.Value.Concat([
            "post (at) kommune.no", "post at kommune dot no", "post AT kommune.no", "post [krøllalfa] kommune [punktum] no",
            "ola\tat\tkommune.no", "x at at y.no", "a (at) b (at) c.no", "skriv  at  oss.no (at) her.no", "før.at.etter (at)x.no",
            "vi ser at du (at) kommune har spurt", "to adresser: a (at) b.no og c [at] d.no.", "(at) kommune.no", "post²(at)k.no",
            "e-post: helse (@) bømlo.kommune.no, tlf 12345678", "at at at", "post(at)kommune(dot)no og mer tekst at slutt.no",
        ]).ToList();
        var matched = 0;
        foreach (var text in texts)
        {
            var expected = EmailDetector.Obfuscated().Matches(text).Select(m => (m.Groups["local"].Value, m.Groups["domain"].Value, m.Index, m.Length)).ToList();
            var actual = EmailDetector.ObfuscatedMatches(text).Select(m => (m.Local, m.Domain, m.Index, m.Length)).ToList();
            Assert.True(expected.SequenceEqual(actual), text);
            matched += expected.Count;
        }

        Assert.True(matched >= 10, $"only {matched} obfuscated matches");
    }

    [Fact]
    public void Around_The_Clock_Token_Test_Never_Skips_A_Match()
    {
        var texts = CorpusBlocks.Value.Concat([
            "Legevakten er døgnåpen.", "Vi er ope heile døgnet", "Åpent for telefoner hele døgnet", "Legevakta er der for deg hele døgnet",
            "Åpen 24 timer", "We are open 24/7", "open around the clock", "OPEN DAY AND NIGHT", "czynne całą dobę", "dirba visą parą",
            "24 saat açık", "круглосуточно", "Цілодобово", "مفتوح على مدار الساعة", "باز است شبانه‌روزی", "ÅPEN HELE DØGERET",
        ]).ToList();
        var matched = 0;
        foreach (var text in texts)
        {
            if (OpeningHoursDetector.AroundTheClock().IsMatch(text))
            {
                matched++;
                Assert.True(OpeningHoursDetector.MayBeAroundTheClock(text), text);
            }
        }

        Assert.True(matched >= 12, $"only {matched} around-the-clock matches");
    }

    [Fact]
    public void Token_List_And_Count_Are_What_Tokenize_Yields()
    {
        var everyChar = string.Create(0x10000, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)i;
            }
        });
        var texts = CorpusBlocks.Value.Concat([everyChar, "", "-", "a-", "-a", "don't stop", "o’neil", "x- y", "فیملی‌ڈاکٹر", "ጥዕናን ሓኪምን", new string('a', 600) + " b", "A\u0301B"]).ToList();
        foreach (var text in texts)
        {
            var expected = LanguageDetector.Tokenize(text).ToList();
            Assert.Equal(expected, LanguageDetector.TokenList(text));
            Assert.Equal(expected.Count, LanguageDetector.CountTokens(text));
        }
    }

    [Fact]
    public void Link_Label_Cache_Gives_What_The_Label_Functions_Give()
    {
        foreach (var text in CorpusBlocks.Value.Concat(["Polski", "English", "Informasjon på arabisk", "Other languages", "Språk", "Samisk nasjonaldag"]))
        {
            for (var round = 0; round < 2; round++)
            {
                var (code, other) = LanguageOfferDetector.Label(text);
                Assert.Equal(LanguageNames.FromLabel(text), code);
                Assert.Equal(LanguageOfferDetector.OtherLanguages().IsMatch(text), other);
            }
        }
    }

    [Fact]
    public void Language_Scores_Are_Bit_Identical_To_The_String_Keyed_Scores()
    {
        var detector = LanguageDetector.Default;
        string[][] groups = [["nb", "nn", "en", "se", "pl", "lt", "so", "tr"], ["ru", "uk"], ["ar", "fa", "ur"]];
        var texts = CorpusBlocks.Value.Append(string.Join("\n", CorpusBlocks.Value)).Append("qqq xyzzy ﬁ ǅ ß Straße").ToList();
        foreach (var text in texts)
        {
            var words = LanguageDetector.Tokenize(text).ToList();
            foreach (var candidates in groups)
            {
                var expected = detector.RankReference(words, candidates);
                var actual = detector.RankForTest(words, candidates);
                Assert.Equal(expected.Count, actual.Count);
                for (var i = 0; i < expected.Count; i++)
                {
                    Assert.Equal(expected[i].Code, actual[i].Code);
                    Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i].Score), BitConverter.DoubleToInt64Bits(actual[i].Score));
                }
            }
        }
    }
}
