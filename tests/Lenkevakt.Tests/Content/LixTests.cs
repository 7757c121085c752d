using Lenkevakt.Content.Readability;
using Xunit;

namespace Lenkevakt.Tests.Content;

[Trait("Category", "Unit")]
public sealed class LixTests
{
    [Fact]
    public void Computes_Words_Per_Sentence_Plus_Percentage_Of_Long_Words()
    {
        // 9 words, 2 sentences, long words (> 6 letters): "legevakten", "sykepleier", "helsetjenesten" = 3.
        var lix = Lix.Compute("Ring legevakten om natten. En sykepleier svarer fra helsetjenesten.");
        Assert.NotNull(lix);
        Assert.Equal(9, lix.Words);
        Assert.Equal(2, lix.Sentences);
        Assert.Equal(3, lix.LongWords);
        Assert.Equal(Math.Round((9 / 2.0) + (100.0 * 3 / 9), 1), lix.Score);
    }

    [Fact]
    public void Abbreviations_Times_And_Numbers_Do_Not_End_Sentences_And_Are_Not_Words()
    {
        var lix = Lix.Compute("Åpent kl. 08.00 til 15.30 hver dag, f.eks. i påsken.");
        Assert.NotNull(lix);
        Assert.Equal(1, lix.Sentences);
        Assert.Equal(8, lix.Words);
    }

    [Fact]
    public void Every_Block_Ends_A_Sentence()
    {
        var lix = Lix.Compute(["Legevakt", "Ring 116 117", "Hele døgnet"]);
        Assert.NotNull(lix);
        Assert.Equal(3, lix.Sentences);
        Assert.Equal(4, lix.Words);
    }

    [Fact]
    public void Hard_Official_Prose_Scores_Above_50_And_Easy_Text_Below_30()
    {
        var hard = Lix.Compute("Kommunens helse- og omsorgstjenester tildeles etter en individuell vurdering av søkerens funksjonsnivå, behov for bistand og tilgjengelige ressurser innenfor vedtatte budsjettrammer, i tråd med helse- og omsorgstjenesteloven.");
        var easy = Lix.Compute("Er du syk? Ring legen. Du kan også ringe 116 117. Da får du hjelp.");
        Assert.True(hard!.Score > 50, $"hard {hard.Score}");
        Assert.True(easy!.Score < 30, $"easy {easy.Score}");
        Assert.Equal("svært lett", easy.BandNb);
    }

    [Fact]
    public void No_Words_No_Score() => Assert.Null(Lix.Compute("116 117 – 113"));

    [Fact]
    public void Span_Counting_Gives_The_Same_Result_As_The_First_Split_Based_Version_On_Random_Text()
    {
        var pieces = new[]
        {
            "Ring", "legevakten", "kl.", "08.00.", "f.eks.", "(tlf.", "«Helsestasjonen»", "1.", "A.", "Åpent!", "hvorfor?", "Adresse:",
            "\"sitat.\"", "(se", "over).", "éne", "...", ".", "»", "116", "117", "omsorgstjenesten.", "NR.", "m.fl.", "x", " ", "\t", "\r\n",
        };
        var random = new Random(20261204);
        for (var i = 0; i < 3000; i++)
        {
            var blocks = new List<string>();
            for (var b = random.Next(1, 4); b > 0; b--)
            {
                var sb = new System.Text.StringBuilder();
                for (var w = random.Next(0, 30); w > 0; w--)
                {
                    sb.Append(pieces[random.Next(pieces.Length)]).Append(random.Next(5) switch { 0 => "  ", 1 => "\u00A0", _ => " " });
                }

                blocks.Add(sb.ToString());
            }

            Assert.Equal(Reference(blocks), Lix.Compute(blocks));
        }
    }

    /// <summary>LIX as first written (string splits and trims per token), the reference for the span version.</summary>
    private static LixResult? Reference(IEnumerable<string> blocks)
    {
        string[] abbreviations =
        [
            "kl", "tlf", "ca", "nr", "bl.a", "f.eks", "mv", "osv", "dvs", "evt", "jf", "jfr", "pga", "p.g.a", "bl", "eks", "mfl", "m.fl",
            "st", "gt", "vn", "pb", "adr", "avd", "e.l", "o.l", "ift", "iht", "hhv", "dr", "prof", "tel", "tir", "ons", "fre", "lør", "søn",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "des", "e.g", "i.e", "etc", "mr", "mrs", "ms", "t.o.m", "f.o.m",
            "mnd", "stk", "kap", "ref", "org", "inkl", "ekskl", "vedr", "fhv", "sml", "mht", "m.m", "obs",
        ];
        var known = new HashSet<string>(abbreviations, StringComparer.OrdinalIgnoreCase);
        bool IsAbbreviation(string token)
        {
            var core = token.TrimEnd('.').TrimStart('(', '"', '«', '\'');
            return core.Length == 0 || core.All(char.IsAsciiDigit) || known.Contains(core) || (core.Length == 1 && char.IsLetter(core[0]));
        }

        int words = 0, sentences = 0, longWords = 0;
        foreach (var block in blocks)
        {
            var open = false;
            foreach (var raw in block.Split([' ', '\t', '\r', '\n', '\u00A0'], StringSplitOptions.RemoveEmptyEntries))
            {
                var letters = raw.Count(char.IsLetter);
                if (letters > 0)
                {
                    words++;
                    open = true;
                    longWords += letters > 6 ? 1 : 0;
                }

                var t = raw.TrimEnd('"', '\'', ')', ']', '»', '”');
                if (t.Length > 0 && open && (t[^1] is '!' or '?' or ':' || (t[^1] == '.' && !IsAbbreviation(t))))
                {
                    sentences++;
                    open = false;
                }
            }

            sentences += open ? 1 : 0;
        }

        if (words == 0)
        {
            return null;
        }

        sentences = Math.Max(1, sentences);
        return new LixResult(Math.Round(((double)words / sentences) + (100.0 * longWords / words), 1), words, sentences, longWords);
    }
}
