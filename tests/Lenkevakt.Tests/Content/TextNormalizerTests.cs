using System.Text;
using Lenkevakt.Content.Text;
using Xunit;

namespace Lenkevakt.Tests.Content;

[Trait("Category", "Unit")]
public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Ring  legevakten\t på 116\u00A0117 ", "Ring legevakten på 116 117")]
    [InlineData("  \n Legevakt \n\n åpen \u2013 hele døgnet", "Legevakt\nåpen - hele døgnet")]
    [InlineData("\u201CFastlege\u201D og \u2018lege\u2019", "\"Fastlege\" og 'lege'")]
    [InlineData("hel\u00ADse\u200Btje\uFEFFneste", "helsetjeneste")]
    [InlineData(" \u00A0 ", "")]
    [InlineData("", "")]
    public void Normalizes_Spaces_Dashes_Quotes_And_Invisible_Characters(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void Unchanged_Text_Is_Returned_Without_A_Copy()
    {
        var text = "Legevakten har åpent hele døgnet.\nRing 116 117.";
        Assert.Same(text, TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Matches_The_Straightforward_Algorithm_On_Random_Text()
    {
        var alphabet = "ab æøå-\u2013\u2014\u00A0\u202F\t\n\r\u2028\u00AD\u200B\u201C\u201D\u2019\u00AB|e\u0301".ToCharArray();
        var random = new Random(20261204);
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(0, i < 1900 ? 40 : 300_000)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            Assert.Equal(Reference(text), TextNormalizer.Normalize(text));
        }
    }

    /// <summary>The normaliser as first written (a StringBuilder per call), the reference for the buffered one.</summary>
    private static string Reference(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var s = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(s.Length);
        var pendingSpace = false;
        var pendingNewline = false;
        foreach (var c in s)
        {
            if (c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF')
            {
                continue;
            }

            if (c is '\n' or '\u2028' or '\u2029')
            {
                pendingNewline = true;
                continue;
            }

            if (char.IsWhiteSpace(c) || c is '\u00A0' or '\u202F' or '\u2007')
            {
                pendingSpace = true;
                continue;
            }

            if (pendingNewline || pendingSpace)
            {
                if (sb.Length > 0)
                {
                    sb.Append(pendingNewline ? '\n' : ' ');
                }

                pendingNewline = false;
                pendingSpace = false;
            }

            sb.Append(c switch
            {
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D' => '-',
                '\u2018' or '\u2019' or '\u201A' or '\u02BC' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
                _ => c,
            });
        }

        return sb.ToString();
    }
}
