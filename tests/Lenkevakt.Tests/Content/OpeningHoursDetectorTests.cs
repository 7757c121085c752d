using Lenkevakt.Content.Detectors;
using Lenkevakt.Content.Text;
using Xunit;

namespace Lenkevakt.Tests.Content;

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
    public void Finds_opening_hours(string text)
    {
        Assert.NotEmpty(OpeningHoursDetector.FindInText(TextNormalizer.Normalize(text)));
    }

    [Theory]
    [InlineData("Tilbudet er for barn 8–16 år.")]
    [InlineData("Planen gjelder 2020-2024.")]
    [InlineData("Ring 22 40 00 40 for å snakke med noen.")]
    [InlineData("Kurset varer 2-3 timer.")]
    [InlineData("Møtet er 12.03.2024.")]
    public void Ignores_ranges_that_are_not_hours(string text)
    {
        Assert.Empty(OpeningHoursDetector.FindInText(TextNormalizer.Normalize(text)));
    }

    [Fact]
    public void Finds_hours_in_a_table_row_with_the_header_as_context()
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
    public void Reads_schema_org_opening_hours_specification_and_opening_hours()
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
    public void Broken_json_ld_is_ignored()
    {
        var page = ContentTestHost.ParseHtml("""<html><head><script type="application/ld+json">{"@type": "Thing", broken</script></head><body><p>Hei</p></body></html>""");
        Assert.Empty(PageTextExtractor.Extract(page.Document!).StructuredData);
    }
}
