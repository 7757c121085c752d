using Lenkevakt.Content.Detectors;
using Xunit;

namespace Lenkevakt.Tests.Content;

[Trait("Category", "Unit")]
public sealed class EmailDetectorTests
{
    [Theory]
    [InlineData("Send e-post til postmottak@kommune.no.", "postmottak@kommune.no", "text")]
    [InlineData("E-post: postmottak(at)nordrelia.kommune.no", "postmottak@nordrelia.kommune.no", "obfuscated")]
    [InlineData("postmottak [at] kommune [dot] no", "postmottak@kommune.no", "obfuscated")]
    [InlineData("skriv til helse (krøllalfa) bømlo.kommune.no", "helse@bømlo.kommune.no", "obfuscated")]
    [InlineData("postmottak at fjordvik punktum no", "postmottak@fjordvik.no", "obfuscated")]
    public void Finds_Plain_And_Obfuscated_Addresses(string text, string address, string kind)
    {
        var hits = EmailDetector.FindInText(text).ToList();
        Assert.Contains(hits, h => h.Value == address && h.Kind == kind);
    }

    [Theory]
    [InlineData("Vi minner om at legevakten. Ring først.")]
    [InlineData("Husk at det er stengt i påsken.")]
    [InlineData("Følg oss på @fjordvikkommune")]
    public void Ordinary_Words_Are_Not_Addresses(string text) => Assert.Empty(EmailDetector.FindInText(text));

    [Fact]
    public void Reads_Mailto_Links_With_Parameters() =>
        Assert.Equal("psykiskhelse@fjordvik.kommune.no", EmailDetector.FromMailto("mailto:Psykiskhelse%40fjordvik.kommune.no?subject=Time"));

    [Fact]
    public void Decodes_Cloudflare_Protected_Addresses()
    {
        // Key 0x42 XOR "a@b.no".
        var plain = "a@b.no";
        var hex = "42" + string.Concat(plain.Select(c => ((byte)(c ^ 0x42)).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(plain, EmailDetector.DecodeCloudflare(hex));
        Assert.Null(EmailDetector.DecodeCloudflare("zz"));
    }
}
