using Lenkevakt.Content;
using Lenkevakt.Content.Languages;
using Lenkevakt.Content.Rules;
using Lenkevakt.Crawling;
using Lenkevakt.Sites;

namespace Lenkevakt.Tests.Content;

/// <summary>Shared engine, evaluator and page parsing for the content tests.</summary>
public static class ContentTestHost
{
    private static readonly Lazy<PageContentEvaluator> Lazy = new(() =>
        new PageContentEvaluator(new RuleEngine(RuleSetLoader.LoadEmbedded()), LanguageDetector.Default, new ContentOptions()));

    public static PageContentEvaluator Evaluator => Lazy.Value;

    public static SiteKind Kind(string kind) => kind switch
    {
        "municipality" => SiteKind.Municipality,
        "helsenorge" => SiteKind.Helsenorge,
        _ => SiteKind.Other,
    };

    /// <summary>Decodes the bytes as a browser would (BOM, meta charset, UTF-8 or windows-1252) and parses with AngleSharp.</summary>
    public static ParsedPage Parse(byte[] bytes, Uri url)
    {
        var (text, _) = HtmlDecoding.Decode(bytes, null);
        return PageParser.Parse(text, url);
    }

    public static ParsedPage ParseHtml(string html, string url = "https://www.example-kommune.no/helse/side/") => PageParser.Parse(html, new Uri(url));

    public static PageContentResult Evaluate(CorpusPage page)
    {
        var url = new Uri(page.Url);
        var parsed = Parse(page.Bytes(), url);
        return Evaluator.Evaluate(page.SiteId, Kind(page.SiteKind), url, parsed);
    }

    public static PageContentResult EvaluateHtml(string html, SiteKind kind = SiteKind.Municipality, string url = "https://www.example-kommune.no/helse/side/")
    {
        var parsed = ParseHtml(html, url);
        return Evaluator.Evaluate("test", kind, new Uri(url), parsed);
    }
}
