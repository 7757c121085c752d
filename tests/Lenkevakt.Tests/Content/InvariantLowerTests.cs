using Lenkevakt.Content.Text;
using Xunit;

namespace Lenkevakt.Tests.Content;

/// <summary>The table-based lower-casing gives exactly what <c>ToLowerInvariant</c> gives.</summary>
[Trait("Category", "Unit")]
public sealed class InvariantLowerTests
{
    [Fact]
    public void EveryCharacter_LowersAsToLowerInvariant()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            Assert.Equal(char.ToLowerInvariant(ch), InvariantLower.Of(ch));
            if (!char.IsSurrogate(ch))
            {
                var s = "Ab" + ch + "ØÆÅ z";
                Assert.Equal(s.ToLowerInvariant(), InvariantLower.Of(s));
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("allerede små bokstaver")]
    [InlineData("Legevakten i BØMLO har ÅPENT")]
    [InlineData("Ring 116 117 – «Fastlegen»")]
    [InlineData("Кризисная ЛИНИЯ и Æ")]
    [InlineData("Sağlık İSTASYONU")]
    [InlineData("𐐀 Deseret and Å")]
    public void Strings_LowerAsToLowerInvariant(string text) =>
        Assert.Equal(text.ToLowerInvariant(), InvariantLower.Of(text));
}
