namespace Lenkevakt.Content.Persistence;

/// <summary>Stores a site's content results (the latest run replaces the previous one).</summary>
public interface IContentResultStore
{
    Task SaveAsync(SiteContentResult site, IReadOnlyList<PageContentResult> pages, CancellationToken ct);
}
