namespace Lenkevakt.Crawling;

/// <summary>Live counters of one site's crawl, for progress display.</summary>
public sealed record SiteProgress(string SiteId, string Phase, int Pages, int Links, int Findings);
