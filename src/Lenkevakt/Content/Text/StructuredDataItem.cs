namespace Lenkevakt.Content.Text;

/// <summary>A schema.org item found on the page (JSON-LD object or microdata property), flattened to what detectors need.</summary>
/// <param name="Type">The item's @type (first one), e.g. "MedicalClinic".</param>
/// <param name="Region"><see cref="PageRegion.StructuredData"/> for the page's own service, <see cref="PageRegion.SiteStructuredData"/> for the organisation.</param>
/// <param name="Json">The raw JSON of the object (JSON-LD), or null for microdata.</param>
/// <param name="Properties">Simple properties (telephone, email, openingHours, streetAddress…), multi-valued.</param>
public sealed record StructuredDataItem(string Type, PageRegion Region, string? Json, IReadOnlyList<KeyValuePair<string, string>> Properties);
