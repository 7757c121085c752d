using Lenkevakt.Crawling;

namespace Lenkevakt.Pipeline;

/// <summary>Receives live crawl progress (the CLI shows it; hosts without a console ignore it).</summary>
public interface ICrawlProgressSink : IProgress<SiteProgress>;

/// <summary>Discards progress.</summary>
public sealed class NullCrawlProgressSink : ICrawlProgressSink
{
    public void Report(SiteProgress value)
    {
    }
}
