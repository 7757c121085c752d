using Lenkevakt.Content.Detectors;
using Xunit;

namespace Lenkevakt.Tests.Content;

[Trait("Category", "Unit")]
public sealed class AddressDetectorTests
{
    [Theory]
    [InlineData("Besøksadresse: Rådhusgata 1, 1234 Sted", "visiting")]
    [InlineData("Besøksadresse:\nRådhusgata 1\n1234 Sted", "visiting")]
    [InlineData("Oppmøtestad: Kyrkjevegen 5, 6800 Nordre Lia", "visiting")]
    [InlineData("Vi holder til i Storgata 12, 2. etasje.", "visiting")]
    [InlineData("Dronning Mauds gate 5, 0250 Oslo", "street")]
    [InlineData("Fjordvik legesenter, Storgata 4, 8000 Fjordvik", "street")]
    [InlineData("Postadresse: Rådhusgata 1, 1234 Sted", "postal")]
    [InlineData("Postboks 123, 1234 Sted", "postal")]
    [InlineData("Pb. 50, 4801 Gammelvik", "postal")]
    public void Finds_And_Classifies_Addresses(string text, string kind)
    {
        var hits = AddressDetector.FindInText(text).ToList();
        Assert.Contains(hits, h => h.Kind == kind);
    }

    [Fact]
    public void Postal_And_Visiting_In_One_Block_Are_Told_Apart()
    {
        var hits = AddressDetector.FindInText("Postadresse: Postboks 100, 8001 Fjordvik. Besøksadresse: Rådhusplassen 1, 8000 Fjordvik").ToList();
        Assert.Contains(hits, h => h.Kind == "postal" && h.Value.StartsWith("Postboks", StringComparison.Ordinal));
        Assert.Contains(hits, h => h.Kind == "visiting" && h.Value.StartsWith("Rådhusplassen", StringComparison.Ordinal));
    }

    [Fact]
    public void An_E_Post_Label_Is_Not_A_Postal_Label()
    {
        var hits = AddressDetector.FindInText("E-post: post@lia.no\nKyrkjevegen 5, 6800 Nordre Lia").ToList();
        Assert.Contains(hits, h => h.Kind != "postal");
    }

    [Theory]
    [InlineData("Tilbudet gjelder fra uke 12, 2024 Oslo kommune.")]
    [InlineData("Ring 116 117 om natten.")]
    [InlineData("Mandag 12, 1500 deltakere")]
    [InlineData("Covid-19 rammet 2020 Norge hardt.")]
    public void Ignores_Text_That_Is_Not_An_Address(string text) => Assert.Empty(AddressDetector.FindInText(text));
}
