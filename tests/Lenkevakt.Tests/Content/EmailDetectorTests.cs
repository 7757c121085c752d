using Lenkevakt.Content.Detectors;
using Xunit;

namespace Lenkevakt.Tests.Content;

public sealed class EmailDetectorTests
{
    [Theory]
    [InlineData("Send e-post til postmottak@kommune.no.", "postmottak@kommune.no", "text")]
    [InlineData("E-post: postmottak(at)nordrelia.kommune.no", "postmottak@nordrelia.kommune.no", "obfuscated")]
    [InlineData("postmottak [at] kommune [dot] no", "postmottak@kommune.no", "obfuscated")]
    [InlineData("skriv til helse (krøllalfa) bømlo.kommune.no", "helse@bømlo.kommune.no", "obfuscated")]
    [InlineData("postmottak at fjordvik punktum no", "postmottak@fjordvik.no", "obfuscated")]
    public void Finds_plain_and_obfuscated_addresses(string text, string address, string kind)
    {
        var hits = EmailDetector.FindInText(text).ToList();
        Assert.Contains(hits, h => h.Value == address && h.Kind == kind);
    }

    [Theory]
    [InlineData("Vi minner om at legevakten. Ring først.")]
    [InlineData("Husk at det er stengt i påsken.")]
    [InlineData("Følg oss på @fjordvikkommune")]
    public void Ordinary_words_are_not_addresses(string text) => Assert.Empty(EmailDetector.FindInText(text));

    [Fact]
    public void Reads_mailto_links_with_parameters() =>
        Assert.Equal("psykiskhelse@fjordvik.kommune.no", EmailDetector.FromMailto("mailto:Psykiskhelse%40fjordvik.kommune.no?subject=Time"));

    [Fact]
    public void Decodes_cloudflare_protected_addresses()
    {
        // Key 0x42 XOR "a@b.no".
        var plain = "a@b.no";
        var hex = "42" + string.Concat(plain.Select(c => ((byte)(c ^ 0x42)).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(plain, EmailDetector.DecodeCloudflare(hex));
        Assert.Null(EmailDetector.DecodeCloudflare("zz"));
    }
}
