using Lenkevakt.Content.Readability;
using Xunit;

namespace Lenkevakt.Tests.Content;

public sealed class LixTests
{
    [Fact]
    public void Computes_words_per_sentence_plus_percentage_of_long_words()
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
    public void Abbreviations_times_and_numbers_do_not_end_sentences_and_are_not_words()
    {
        var lix = Lix.Compute("Åpent kl. 08.00 til 15.30 hver dag, f.eks. i påsken.");
        Assert.NotNull(lix);
        Assert.Equal(1, lix.Sentences);
        Assert.Equal(8, lix.Words);
    }

    [Fact]
    public void Every_block_ends_a_sentence()
    {
        var lix = Lix.Compute(["Legevakt", "Ring 116 117", "Hele døgnet"]);
        Assert.NotNull(lix);
        Assert.Equal(3, lix.Sentences);
        Assert.Equal(4, lix.Words);
    }

    [Fact]
    public void Hard_official_prose_scores_above_50_and_easy_text_below_30()
    {
        var hard = Lix.Compute("Kommunens helse- og omsorgstjenester tildeles etter en individuell vurdering av søkerens funksjonsnivå, behov for bistand og tilgjengelige ressurser innenfor vedtatte budsjettrammer, i tråd med helse- og omsorgstjenesteloven.");
        var easy = Lix.Compute("Er du syk? Ring legen. Du kan også ringe 116 117. Da får du hjelp.");
        Assert.True(hard!.Score > 50, $"hard {hard.Score}");
        Assert.True(easy!.Score < 30, $"easy {easy.Score}");
        Assert.Equal("svært lett", easy.BandNb);
    }

    [Fact]
    public void No_words_no_score() => Assert.Null(Lix.Compute("116 117 – 113"));
}
