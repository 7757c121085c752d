using Lenkevakt.Content.Detectors;
using Lenkevakt.Content.Languages;
using Lenkevakt.Content.Text;

namespace Lenkevakt.Content.Rules;

/// <summary>What the rules look at on one page: its text blocks, the built-in detectors' hits, and the detected language.</summary>
public sealed class PageFacts
{
    public required Uri Url { get; init; }

    public required PageText Text { get; init; }

    /// <summary>Hits per detector name.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<DetectorHit>> Hits { get; init; }

    public required LanguageGuess Language { get; init; }

    public IReadOnlyList<DetectorHit> HitsOf(string detector) => Hits.TryGetValue(detector, out var h) ? h : [];
}
