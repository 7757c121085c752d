using Lenkevakt.Content.Languages;
using Xunit;

namespace Lenkevakt.Tests.Content;

[Trait("Category", "Unit")]
public sealed class Bcp47Tests
{
    [Theory]
    [InlineData("nb")]
    [InlineData("nn")]
    [InlineData("no")]
    [InlineData("nb-NO")]
    [InlineData("nn-no")]
    [InlineData("se")]
    [InlineData("se-NO")]
    [InlineData("sma")]
    [InlineData("smj")]
    [InlineData("en-GB")]
    [InlineData("prs")]
    [InlineData("fa-AF")]
    [InlineData("ti-ER")]
    [InlineData("sr-Latn-RS")]
    [InlineData("es-419")]
    [InlineData("de-CH-1996")]
    [InlineData("en-US-x-twain")]
    [InlineData("zh-Hant-TW")]
    public void Accepts_Valid_Tags(string tag) => Assert.True(Bcp47.Parse(tag).IsValid, Bcp47.Parse(tag).Problem);

    [Theory]
    [InlineData("", "tom")]
    [InlineData("nb_NO", "understrek")]
    [InlineData("en-UK", "GB")]
    [InlineData("norsk", "registrert")]
    [InlineData("norwegian", "gyldig")]
    [InlineData("nor", "«no»")]
    [InlineData("xx", "kjent")]
    [InlineData("e", "2–3")]
    [InlineData("nb-", "gyldig")]
    [InlineData("en-US-a", "mangler")]
    [InlineData("x-private", "privat")]
    public void Rejects_Invalid_Tags_With_A_Norwegian_Explanation(string tag, string explanationPart)
    {
        var parsed = Bcp47.Parse(tag);
        Assert.False(parsed.IsValid);
        Assert.Contains(explanationPart, parsed.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parses_Subtags()
    {
        var t = Bcp47.Parse("sr-Latn-RS");
        Assert.Equal(("sr", "Latn", "RS"), (t.Primary, t.Script, t.Region));
    }

    [Theory]
    [InlineData("no", "nb", true)]
    [InlineData("nb-NO", "nn", true)]
    [InlineData("smj", "se", true)]
    [InlineData("prs", "fa", true)]
    [InlineData("en", "nb", false)]
    public void Families_OfDeclaredAndDetectedTags_AreSameOrNot(string declared, string detected, bool same) =>
        Assert.Equal(same, LanguageNames.Family(declared) == LanguageNames.Family(detected));
}
