using AngleSharp.Html.Dom;
using Lenkevakt.Content.Detectors;
using Lenkevakt.Content.Help;
using Lenkevakt.Content.Languages;
using Lenkevakt.Content.Readability;
using Lenkevakt.Content.Rules;
using Lenkevakt.Content.Text;
using Lenkevakt.Crawling;
using Lenkevakt.Sites;

namespace Lenkevakt.Content;

/// <summary>
/// Runs every content check on one parsed page and returns a small <see cref="PageContentResult"/>: text extraction,
/// detectors, language (declared and detected), help-page verdict, LIX and the rules. Thread-safe and stateless.
/// </summary>
public sealed class PageContentEvaluator(RuleEngine engine, LanguageDetector detector, ContentOptions options)
{
    public RuleEngine Engine => engine;

    public ContentOptions Options => options;

    /// <summary>The rule audience of a site kind: <c>municipality</c>, <c>helsenorge</c>, or null (no rules).</summary>
    public string? Audience(SiteKind kind) => kind switch
    {
        SiteKind.Municipality => "municipality",
        SiteKind.Helsenorge => "helsenorge",
        _ => options.RulesForOtherSites == "none" ? null : options.RulesForOtherSites,
    };

    public PageContentResult Evaluate(string siteId, SiteKind kind, Uri url, ParsedPage page)
    {
        ArgumentNullException.ThrowIfNull(page.Document);
        return Evaluate(siteId, kind, url, page.Document, page.Lang, page.Alternates, page.BaseUri);
    }

    public PageContentResult Evaluate(string siteId, SiteKind kind, Uri url, IHtmlDocument document, string? declaredLang, IReadOnlyList<HreflangAlternate> alternates, Uri? baseUri = null)
    {
        var text = PageTextExtractor.Extract(document);
        var resolved = alternates.Select(a => new AlternateLink(a.Lang, a.Href, Resolve(baseUri ?? url, a.Href))).ToList();
        var phones = PhoneDetector.Find(text.Blocks).ToList();
        var verdict = HelpPageSignals.Evaluate(url, text, phones, options.HelpPageThreshold);

        // E-mail, address and opening hours only feed the required-field rules, which apply to help pages only:
        // on other pages (most of a municipal site) they are not run at all.
        var hits = new Dictionary<string, IReadOnlyList<DetectorHit>>(StringComparer.Ordinal)
        {
            [PhoneDetector.Name] = phones,
            [EmailDetector.Name] = verdict.IsHelpPage ? [.. EmailDetector.Find(text.Blocks)] : [],
            [AddressDetector.Name] = verdict.IsHelpPage ? [.. AddressDetector.Find(text.Blocks, text.StructuredData)] : [],
            [OpeningHoursDetector.Name] = verdict.IsHelpPage ? [.. OpeningHoursDetector.Find(text.Blocks, text.StructuredData)] : [],
            [LanguageOfferDetector.Name] = [.. LanguageOfferDetector.Find(text.Blocks, resolved.Select(a => (a.HrefLang, a.Resolved ?? a.Href)))],
        };

        var mainBlocks = text.In(PageRegion.Main).Select(b => b.Text).ToList();
        var mainText = string.Join("\n", mainBlocks);
        var language = detector.Detect(mainText);

        var declared = string.IsNullOrWhiteSpace(declaredLang) ? null : declaredLang.Trim();
        var tag = declared is null ? null : Bcp47.Parse(declared);

        double? lix = null;
        var norwegian = LanguageNames.IsNorwegian(language.Code) || (!language.IsDetermined && tag is { IsValid: true } && LanguageNames.IsNorwegian(tag.Primary));
        if (norwegian && Lix.Compute(mainBlocks) is { } l && l.Words >= options.MinWordsForLix)
        {
            lix = l.Score;
        }

        var facts = new PageFacts { Url = url, Text = text, Hits = hits, Language = language };
        var rules = engine.Evaluate(facts, Audience(kind), verdict.IsHelpPage)
            .Select(r => r.Evidence is { } e && e.Length > options.MaxEvidenceChars ? r with { Evidence = TextNormalizer.Truncate(e, options.MaxEvidenceChars) } : r)
            .ToList();

        var offers = hits[LanguageOfferDetector.Name]
            .Select(h => new LanguageOffer(h.Value, h.Kind, TextNormalizer.Truncate(h.Evidence, 200), url.AbsoluteUri))
            .DistinctBy(o => (o.Code, o.Kind))
            .ToList();
        if (language.IsDetermined && !LanguageNames.IsNorwegian(language.Code) && language.Confidence >= 0.6 && language.Words >= 20)
        {
            offers.Insert(0, new LanguageOffer(language.Code, "page", $"Siden er på {LanguageNames.Find(language.Code)?.NameNb ?? language.Code}", url.AbsoluteUri));
        }

        return new PageContentResult
        {
            SiteId = siteId,
            Url = url.AbsoluteUri,
            Title = text.Title is { } t ? TextNormalizer.Truncate(t, 200) : null,
            DeclaredLang = declared,
            DeclaredLangProblem = tag?.Problem,
            DetectedLang = language.Code,
            LangConfidence = language.Confidence,
            LangMethod = language.Method,
            Words = language.Words,
            IsHelpPage = verdict.IsHelpPage,
            HelpScore = verdict.Score,
            HelpReasons = verdict.Reasons,
            Lix = lix,
            Rules = rules,
            Alternates = resolved,
            LanguageOffers = offers,
        };
    }

    private static string? Resolve(Uri baseUri, string href) =>
        Uri.TryCreate(baseUri, href.Trim(), out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps) ? StripFragment(u) : null;

    private static string StripFragment(Uri u) => string.IsNullOrEmpty(u.Fragment) ? u.AbsoluteUri : u.AbsoluteUri[..^u.Fragment.Length];
}
