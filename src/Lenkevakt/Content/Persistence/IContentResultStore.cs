namespace Lenkevakt.Content.Persistence;

/// <summary>Stores a site's content results (the latest run replaces the previous one).</summary>
public interface IContentResultStore
{
    /// <summary>
    /// Completes a site's run: <paramref name="pages"/> are all its pages; they replace the pages of its previous run,
    /// and the site row is written.
    /// </summary>
    Task SaveAsync(SiteContentResult site, IReadOnlyList<PageContentResult> pages, CancellationToken ct);
}
