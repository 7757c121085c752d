using System.Text.Json.Serialization;

namespace Lenkevakt.Tools.ContentEval;

/// <summary>One labelled page of eval/real-pages/labels.json.</summary>
public sealed record EvalPage
{
    [JsonPropertyName("url")] public required string Url { get; init; }
    [JsonPropertyName("file")] public required string File { get; init; }
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("help")] public bool Help { get; init; }
    [JsonPropertyName("lang")] public required string Lang { get; init; }
    [JsonPropertyName("split")] public required string Split { get; init; }
    [JsonPropertyName("rules")] public required Dictionary<string, string> Rules { get; init; }
}
