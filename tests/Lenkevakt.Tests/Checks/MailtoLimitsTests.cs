using Lenkevakt.Checks;

namespace Lenkevakt.Tests.Checks;

/// <summary>RFC 5321/5322 length limits on mailto: addresses (generated, so the boundaries are exact).</summary>
[Trait("Category", "Unit")]
public sealed class MailtoLimitsTests
{
    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void LocalPart_LongerThan64_IsInvalid(int length, bool valid) =>
        Assert.Equal(valid, SchemeLinkValidator.ValidateMailto($"mailto:{new string('a', length)}@fjordvik.no") is null);

    [Theory]
    [InlineData(63, true)]
    [InlineData(64, false)]
    public void DomainLabel_LongerThan63_IsInvalid(int length, bool valid) =>
        Assert.Equal(valid, SchemeLinkValidator.ValidateMailto($"mailto:post@{new string('b', length)}.no") is null);

    [Theory]
    [InlineData(253, true)]
    [InlineData(254, false)]
    public void Domain_LongerThan253_IsInvalid(int length, bool valid)
    {
        // Five labels (none over 63), the first padded to reach the exact length.
        var domain = new string('c', 48 + length - 247) + "." + string.Join('.', Enumerable.Repeat(new string('d', 48), 4)) + ".no";
        Assert.Equal(length, domain.Length);
        Assert.Equal(valid, SchemeLinkValidator.ValidateMailto($"mailto:post@{domain}") is null);
    }
}
