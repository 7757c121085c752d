namespace Lenkevakt.Findings;

/// <summary>What closing a site's run changed.</summary>
public sealed record RunChanges(IReadOnlyList<StoredFinding> Open, IReadOnlyList<StoredFinding> New, IReadOnlyList<StoredFinding> Resolved);
