namespace Lenkevakt.Content.Persistence;

/// <summary>Stores a site's content results (the latest run replaces the previous one).</summary>
public interface IContentResultStore
{
    /// <summary>
    /// Completes a site's run: <paramref name="pages"/> are all its pages (rows not written yet by
    /// <see cref="SavePagesAsync"/> are written now), rows of other pages are removed, the site row is written.
    /// </summary>
    Task SaveAsync(SiteContentResult site, IReadOnlyList<PageContentResult> pages, CancellationToken ct);

    /// <summary>Writes page rows while the crawl goes on (so the end of the crawl does not wait for all of them). Optional.</summary>
    Task SavePagesAsync(string siteId, string runId, string ruleSet, DateTimeOffset checkedAt, IReadOnlyList<PageContentResult> pages, CancellationToken ct) => Task.CompletedTask;
}
