using Lenkevakt.Content.Detectors;
using Xunit;

namespace Lenkevakt.Tests.Content;

[Trait("Category", "Unit")]
public sealed class PhoneDetectorTests
{
    [Theory]
    [InlineData("Ring legevakten på 116 117.", "116117")]
    [InlineData("Legevakt: 116117", "116117")]
    [InlineData("Fra utlandet: +47 116 117", "116117")]
    [InlineData("Legevakt tlf. 116 117 (døgnåpen)", "116117")]
    [InlineData("Kirkens SOS, tlf. 22 40 00 40", "22400040")]
    [InlineData("Kirkens SOS 22400040", "22400040")]
    [InlineData("Ring +47 22 40 00 40 hele døgnet", "22400040")]
    [InlineData("Ring 0047 22400040", "22400040")]
    [InlineData("Kors på halsen: 800 33 321", "80033321")]
    [InlineData("Mobil 915 22 333", "91522333")]
    [InlineData("Telefon 22.40.00.40", "22400040")]
    public void Finds_Numbers_Written_The_Usual_Ways(string text, string digits)
    {
        var hits = PhoneDetector.FindInText(text).ToList();
        Assert.Contains(hits, h => h.Value == digits);
    }

    [Theory]
    [InlineData("Åpent 20.00-23.00 alle dager")]
    [InlineData("Åpningstider 0800-1530")]
    [InlineData("Oppdatert 12.03.2024")]
    [InlineData("Kontonummer 1503 12 34567")]
    [InlineData("Org.nr. 964 338 531")]
    [InlineData("Planperioden 2020-2024")]
    [InlineData("Postboks 113, 4801 Gammelvik")]
    [InlineData("Budsjettet er på 1 900 000 kroner")]
    public void Ignores_Times_Dates_Accounts_And_Other_Numbers(string text)
    {
        var hits = PhoneDetector.FindInText(text).ToList();
        Assert.DoesNotContain(hits, h => h.Value.Length == 8);
        Assert.DoesNotContain(hits, h => h.Value == "113");
    }

    [Fact]
    public void Emergency_Number_113_Is_Found_In_Context_But_Not_As_A_Box_Number()
    {
        Assert.Contains(PhoneDetector.FindInText("Ved livstruende sykdom: ring 113."), h => h.Value == "113");
        Assert.DoesNotContain(PhoneDetector.FindInText("Postboks 113, 1234 Sted"), h => h.Value == "113");
        Assert.DoesNotContain(PhoneDetector.FindInText("Det kostet 113 kr."), h => h.Value == "113");
    }

    [Theory]
    [InlineData("tel:+4711611 7", "116117")]
    [InlineData("tel:116117", "116117")]
    [InlineData("tel:%2B47%2022%2040%2000%2040", "22400040")]
    [InlineData("tel:113", "113")]
    public void Reads_Tel_Links(string href, string digits) => Assert.Equal(digits, PhoneDetector.FromTelLink(href));

    [Fact]
    public void Not_A_Tel_Link_Is_Null() => Assert.Null(PhoneDetector.FromTelLink("https://example.no/116117"));
}
