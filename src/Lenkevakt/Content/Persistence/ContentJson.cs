using System.Text.Json;
using System.Text.Json.Serialization;
using Lenkevakt.Content.Rules;
using Lenkevakt.Content.Text;

namespace Lenkevakt.Content.Persistence;

/// <summary>JSON for the rule-result columns: camelCase, outcomes as <c>met</c>/<c>not-met</c>/<c>not-applicable</c>, nulls left out, capped in size.</summary>
public static class ContentJson
{
    /// <summary>Azure Tables allows 64 KiB per property (32 K UTF-16 characters); stay well below.</summary>
    public const int MaxPropertyChars = 30_000;

    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        WriteIndented = false,
    };

    /// <summary>
    /// The rule results as <see cref="Rules"/> would store them: unchanged when their text is clearly below
    /// <see cref="MaxPropertyChars"/> (counted without serialising), otherwise read back from the shortened JSON.
    /// </summary>
    public static IReadOnlyList<RuleResult> CappedRules(IReadOnlyList<RuleResult> rules)
    {
        var chars = 0;
        foreach (var r in rules)
        {
            chars += 120 + r.RuleId.Length + (r.Evidence?.Length ?? 0) + (r.Missing?.Length ?? 0) + (r.Where?.Length ?? 0) + (r.PageUrl?.Length ?? 0);
        }

        return chars <= MaxPropertyChars / 2 ? rules : ReadRules(Rules(rules));
    }

    /// <summary>Serialises rule results, shortening evidence (300, 120, 40 characters, then none) until the JSON fits.</summary>
    public static string Rules(IReadOnlyList<RuleResult> rules)
    {
        foreach (var max in new[] { int.MaxValue, 300, 120, 40, 0 })
        {
            var list = max == int.MaxValue ? rules : rules.Select(r => r with
            {
                Evidence = Cut(r.Evidence, max),
                Missing = Cut(r.Missing, max),
                Where = Cut(r.Where, Math.Max(max, 40)),
            }).ToList();
            var json = JsonSerializer.Serialize(list, Options);
            if (json.Length <= MaxPropertyChars)
            {
                return json;
            }
        }

        return JsonSerializer.Serialize(rules.Select(r => new RuleResult(r.RuleId, r.Outcome)).ToList(), Options);
    }

    public static string Serialize<T>(T value, int maxChars = MaxPropertyChars)
    {
        var json = JsonSerializer.Serialize(value, Options);
        return json.Length <= maxChars ? json : "[]";
    }

    public static List<RuleResult> ReadRules(string? json) => string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<RuleResult>>(json, Options) ?? [];

    public static List<T> ReadList<T>(string? json) => string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<T>>(json, Options) ?? [];

    private static string? Cut(string? s, int max) => s is null || max == 0 ? null : TextNormalizer.Truncate(s, max);
}
