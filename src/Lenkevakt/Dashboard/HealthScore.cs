using Lenkevakt.Findings;

namespace Lenkevakt.Dashboard;

/// <summary>
/// A site's health as one number, 0–100, that measures the site and not the sample: it is made of rates per page
/// crawled and per rule, so crawling 50 or 100 pages of a site with the same defect density gives the same score.
/// <list type="bullet">
/// <item><b>Pages</b> (<see cref="PageWeight"/>): 1 − (pages with an error finding + ¼ × pages with only warnings) ÷ pages
/// crawled this run. Only findings seen on this run's pages count (not the open findings of pages this run did not
/// fetch), and neither required-information findings (they are the rule part) nor <c>site-unreachable</c>.</item>
/// <item><b>Rules</b> (<see cref="RuleWeight"/>): the share of the site-scope required-information rules that were
/// assessed and met (from the site's content result of this run). A site without assessed rules is scored on pages
/// alone.</item>
/// </list>
/// Score = round(100 × (0.8 × pages + 0.2 × rules)). Info findings do not count; an unreachable site scores 0.
/// </summary>
public static class HealthScore
{
    public const double PageWeight = 0.8;
    public const double RuleWeight = 0.2;

    /// <summary>A page with only warnings costs this much of a page with an error.</summary>
    public const double WarningPageWeight = 0.25;

    public static int Compute(bool reachable, int pagesCrawled, int pagesWithErrors, int pagesWithWarningsOnly, int rulesMet, int rulesAssessed)
    {
        if (!reachable)
        {
            return 0;
        }

        var pages = PageShare(pagesCrawled, pagesWithErrors, pagesWithWarningsOnly);
        var score = rulesAssessed > 0 ? (PageWeight * pages) + (RuleWeight * rulesMet / rulesAssessed) : pages;
        return (int)Math.Round(100 * score, MidpointRounding.AwayFromZero);
    }

    /// <summary>1 − (error pages + ¼ × warning-only pages) ÷ pages crawled, in 0–1 (1 when nothing was crawled).</summary>
    public static double PageShare(int pagesCrawled, int pagesWithErrors, int pagesWithWarningsOnly)
    {
        if (pagesCrawled <= 0)
        {
            return 1;
        }

        var penalty = (pagesWithErrors + (WarningPageWeight * pagesWithWarningsOnly)) / pagesCrawled;
        return 1 - Math.Clamp(penalty, 0, 1);
    }

    /// <summary>
    /// Counts the pages with an error and those with only warnings among the findings seen in <paramref name="runId"/>
    /// (page findings only: not required-information or site-unreachable findings). Capped at <paramref name="pagesCrawled"/>.
    /// </summary>
    public static (int Errors, int WarningsOnly) CountPages(IEnumerable<StoredFinding> open, string runId, int pagesCrawled)
    {
        var worst = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var f in open)
        {
            if (f.LastRunId != runId || !CountsForPages(f.Kind) || f.Severity is not ("error" or "warning"))
            {
                continue;
            }

            worst[f.PageUrl] = worst.GetValueOrDefault(f.PageUrl) || f.Severity == "error";
        }

        var errors = Math.Min(pagesCrawled, worst.Count(p => p.Value));
        var warnings = Math.Min(pagesCrawled - errors, worst.Count(p => !p.Value));
        return (errors, warnings);
    }

    private static bool CountsForPages(string kind) =>
        kind != Content.ContentFindingKinds.RequiredMissing.Name && kind != FindingKind.SiteUnreachable.Name;
}
