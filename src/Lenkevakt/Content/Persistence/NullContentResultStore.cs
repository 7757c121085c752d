namespace Lenkevakt.Content.Persistence;

/// <summary>Keeps nothing: for runs without storage (e.g. <c>lenkevakt run --url</c> with <c>Persist=false</c>) and tests.</summary>
public sealed class NullContentResultStore : IContentResultStore
{
    public Task SaveAsync(SiteContentResult site, IReadOnlyList<PageContentResult> pages, CancellationToken ct) => Task.CompletedTask;
}
