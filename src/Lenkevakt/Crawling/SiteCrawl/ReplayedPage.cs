namespace Lenkevakt.Crawling;

/// <summary>
/// A URL fetched before this crawl resumed, as much as the frontier needs when the replayed admission reaches it:
/// its links (to offer again) and a redirect's final page (to claim again).
/// </summary>
internal sealed record ReplayedPage(string? BaseUrl, IReadOnlyList<RawLink>? Links, string? RedirectTarget);
