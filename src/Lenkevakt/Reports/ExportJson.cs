using System.Text.Json;
using System.Text.Json.Serialization;
using Lenkevakt.Content.Rules;

namespace Lenkevakt.Reports;

/// <summary>
/// JSON settings for exports: camelCase, indented, non-ASCII kept readable, and rule outcomes by their wire names
/// (<c>met</c>, <c>not-met</c>, <c>not-applicable</c>), as in the CSV and the README.
/// </summary>
public static class ExportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter<RuleOutcome>(JsonNamingPolicy.KebabCaseLower) },
    };
}
