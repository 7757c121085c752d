namespace Lenkevakt.Dashboard;

/// <summary>
/// A site's health as one number, 0–100: 100 × (1 − min(1, (errors + 0.25 × warnings) / max(10, pages))).
/// So one broken link on a 100-page site costs 1 point, while a tiny site is not ruined by a single warning;
/// an unreachable site scores 0. Info findings do not count.
/// </summary>
public static class HealthScore
{
    public static int Compute(bool reachable, int pages, int errors, int warnings)
    {
        if (!reachable)
        {
            return 0;
        }

        var penalty = (errors + (0.25 * warnings)) / Math.Max(10, pages);
        return (int)Math.Round(100 * (1 - Math.Min(1, penalty)), MidpointRounding.AwayFromZero);
    }
}
