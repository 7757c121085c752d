namespace Lenkevakt.Findings;

/// <summary>Whether a stored finding is still a problem. Stored in the <c>Findings</c> table as <c>open</c> or <c>resolved</c>.</summary>
public enum FindingState
{
    /// <summary>Seen in its site's last run, or on a page that run did not check again.</summary>
    Open,

    /// <summary>Not seen again on a page that was checked again, or the page is gone (<see cref="StoredFinding.ResolvedReason"/>).</summary>
    Resolved,
}
