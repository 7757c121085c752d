namespace Lenkevakt.Content.Languages;

/// <summary>A parsed BCP 47 language tag. <see cref="Problem"/> is null when the tag is valid.</summary>
public sealed record Bcp47Tag(string Raw, string? Language, string? Script, string? Region, IReadOnlyList<string> Variants, string? Problem)
{
    public bool IsValid => Problem is null;

    /// <summary>The primary language subtag in lower case, or null when the tag did not parse.</summary>
    public string? Primary => Language?.ToLowerInvariant();
}
