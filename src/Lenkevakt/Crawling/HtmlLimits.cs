namespace Lenkevakt.Crawling;

/// <summary>Bounds on parsing one page (from <see cref="CrawlOptions"/>): nesting depth, element count and parse time.</summary>
public sealed record HtmlLimits(int MaxDepth, int MaxElements, TimeSpan MaxParseTime, TimeProvider Time)
{
    public static HtmlLimits From(CrawlOptions options, TimeProvider time) => new(options.MaxHtmlDepth, options.MaxHtmlElements, options.MaxParseTime, time);
}
