using Lenkevakt.Content.Detectors;
using Lenkevakt.Content.Text;
using Xunit;

namespace Lenkevakt.Tests.Content;

[Trait("Category", "Unit")]
public sealed class OpeningHoursDetectorTests
{
    [Theory]
    [InlineData("Åpningstider: kl. 08.00–15.30")]
    [InlineData("Mandag–fredag 08:00-15:30")]
    [InlineData("Telefontid 0800-1530 på hverdager")]
    [InlineData("Vi har åpent man–fre 8–15.30")]
    [InlineData("Ope mandag til fredag kl. 8-16")]
    [InlineData("Opningstider: kvardagar 09.00–14.00")]
    [InlineData("Drop-in hver onsdag kl. 12–15")]
    [InlineData("Legevakten er åpen hele døgnet")]
    [InlineData("Legevakta er døgnåpen")]
    [InlineData("Open Monday–Friday 08:00–15:30")]
    [InlineData("Ope tysdag og torsdag 10–14.")]
    public void Finds_Opening_Hours(string text)
    {
        Assert.NotEmpty(OpeningHoursDetector.FindInText(TextNormalizer.Normalize(text)));
    }

    [Theory]
    [InlineData("Tilbudet er for barn 8–16 år.")]
    [InlineData("Planen gjelder 2020-2024.")]
    [InlineData("Ring 22 40 00 40 for å snakke med noen.")]
    [InlineData("Kurset varer 2-3 timer.")]
    [InlineData("Møtet er 12.03.2024.")]
    public void Ignores_Ranges_That_Are_Not_Hours(string text)
    {
        Assert.Empty(OpeningHoursDetector.FindInText(TextNormalizer.Normalize(text)));
    }

    [Fact]
    public void Finds_Hours_In_A_Table_Row_With_The_Header_As_Context()
    {
        var page = ContentTestHost.ParseHtml("""
            <html lang="nb"><body><main><h2>Når kan du komme?</h2>
            <table><tr><th>Dag</th><th>Åpningstid</th></tr><tr><td>Tirsdag</td><td>14.30–17.30</td></tr></table></main></body></html>
            """);
        var text = PageTextExtractor.Extract(page.Document!);
        var hits = OpeningHoursDetector.Find(text.Blocks, text.StructuredData).ToList();
        Assert.Contains(hits, h => h.Kind == "table" && h.Value.Contains("14.30", StringComparison.Ordinal));
    }

    [Fact]
    public void Reads_Schema_Org_Opening_Hours_Specification_And_Opening_Hours()
    {
        var page = ContentTestHost.ParseHtml("""
            <html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"MedicalClinic","name":"Helsestasjonen",
              "openingHoursSpecification":{"@type":"OpeningHoursSpecification","dayOfWeek":["Monday","Friday"],"opens":"08:00","closes":"15:30"}},
             {"@type":"Library","openingHours":"Mo-Fr 10:00-19:00"}]}
            </script></head><body><main><p>Ingen tider i teksten.</p></main></body></html>
            """);
        var text = PageTextExtractor.Extract(page.Document!);
        var hits = OpeningHoursDetector.Find(text.Blocks, text.StructuredData).ToList();
        Assert.Contains(hits, h => h.Kind == "schema.org" && h.Value == "Monday,Friday 08:00-15:30" && h.Region == PageRegion.StructuredData);
        Assert.Contains(hits, h => h.Value == "Mo-Fr 10:00-19:00");
    }

    [Fact]
    public void Broken_Json_Ld_Is_Ignored()
    {
        var page = ContentTestHost.ParseHtml("""<html><head><script type="application/ld+json">{"@type": "Thing", broken</script></head><body><p>Hei</p></body></html>""");
        Assert.Empty(PageTextExtractor.Extract(page.Document!).StructuredData);
    }
}
