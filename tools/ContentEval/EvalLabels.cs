using System.Text.Json.Serialization;

namespace Lenkevakt.Tools.ContentEval;

/// <summary>The labels file.</summary>
public sealed record EvalLabels
{
    [JsonPropertyName("pages")] public required List<EvalPage> Pages { get; init; }
}
