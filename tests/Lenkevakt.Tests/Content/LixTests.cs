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
}
