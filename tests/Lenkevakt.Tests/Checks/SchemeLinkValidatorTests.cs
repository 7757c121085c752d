using Lenkevakt.Checks;

namespace Lenkevakt.Tests.Checks;

public sealed class SchemeLinkValidatorTests
{
    [Theory]
    [InlineData("mailto:postmottak@fjordvik.kommune.no", true)]
    [InlineData("mailto:post@kommune.no?subject=Sp%C3%B8rsm%C3%A5l", true)]
    [InlineData("mailto:a@b.no,c@d.no", true)]
    [InlineData("mailto:psykisk.helse@fjordvik", false)]
    [InlineData("mailto:postmottak.kommune.no", false)]
    [InlineData("mailto:", false)]
    [InlineData("mailto:post mottak@kommune.no", false)]
    public void Mailto(string href, bool valid) => Assert.Equal(valid, SchemeLinkValidator.ValidateMailto(href) is null);

    [Theory]
    [InlineData("tel:+4757123400", true)]
    [InlineData("tel:+47 57 12 34 00", true)]
    [InlineData("tel:57123400", true)]
    [InlineData("tel:116117", true)]
    [InlineData("tel:116 123", true)]
    [InlineData("tel:113", true)]
    [InlineData("tel:0047 22 40 00 40", true)]
    [InlineData("tel:+46812345678", true)]
    [InlineData("tel:+47 57 12 3x 00", false)]
    [InlineData("tel:1234", true)]
    [InlineData("tel:5712340", false)]
    [InlineData("tel:+47 0571234", false)]
    [InlineData("tel:ring oss", false)]
    public void Tel(string href, bool valid) => Assert.Equal(valid, SchemeLinkValidator.ValidateTel(href) is null);
}
