using System.Text.RegularExpressions;
using Lenkevakt.Content.Languages;
using Lenkevakt.Content.Text;

namespace Lenkevakt.Content.Detectors;

/// <summary>
/// Finds offers of information in other languages: links (or language-picker options) labelled with a language name
/// («English», «Polski», «Lietuvių», «العربية», «Soomaali», «اردو», «ትግርኛ», «Davvisámegiella», «Українська», «Informasjon på polsk»),
/// links with an <c>hreflang</c> attribute, hreflang alternates in the head, and links to pages about "information in other
/// languages" («Informasjon på andre språk», «Other languages»). Norwegian (nb/nn/no) is not an other language.
/// Values are language codes, or <c>multi</c> for a general "other languages" link.
/// </summary>
public static partial class LanguageOfferDetector
{
    public const string Name = "language-offer";

    public static IEnumerable<DetectorHit> Find(IReadOnlyList<TextBlock> blocks, IEnumerable<(string Lang, string Href)> alternates)
    {
        foreach (var block in blocks)
        {
            foreach (var link in block.Links)
            {
                if (link.Href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || link.Href.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var (label, otherLanguages) = Label(link.Text);
                var code = label;
                var kind = "link-label";
                if (code is null && link.HrefLang is { Length: > 0 } hl && Bcp47.Parse(hl) is { IsValid: true } tag)
                {
                    code = LanguageNames.Canonical(tag.Primary!);
                    kind = "link-hreflang";
                }

                if (code is null && otherLanguages)
                {
                    code = "multi";
                    kind = "other-languages-link";
                }

                if (code is null || LanguageNames.IsNorwegian(code))
                {
                    continue;
                }

                yield return new DetectorHit(Name, code, kind, $"lenke «{TextNormalizer.Truncate(link.Text, 80)}» → {TextNormalizer.Truncate(link.Href, 120)}", block.Index, block.Region, block.Where + ", lenke", link.Href);
            }

            if (block.Links.Count == 0 && block.HeadingLevel > 0 && OtherLanguages().IsMatch(block.Text))
            {
                yield return new DetectorHit(Name, "multi", "heading", block.Text, block.Index, block.Region, block.Where, block.Text);
            }
        }

        foreach (var (lang, href) in alternates)
        {
            var tag = Bcp47.Parse(lang);
            if (!tag.IsValid || LanguageNames.IsNorwegian(tag.Primary!))
            {
                continue;
            }

            yield return new DetectorHit(Name, LanguageNames.Canonical(tag.Primary!), "hreflang", $"<link rel=\"alternate\" hreflang=\"{lang}\" href=\"{TextNormalizer.Truncate(href, 120)}\">", -1, PageRegion.StructuredData, "sidehode (hreflang)", href);
        }
    }

    private const int MaxCachedLabels = 20_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string? Code, bool OtherLanguages)> Labels = new(StringComparer.Ordinal);
    private static int cachedLabels;

    /// <summary>
    /// <see cref="LanguageNames.FromLabel"/> and the other-languages test of a link text, remembered: menus and footers
    /// repeat the same link texts on every page. Both are pure functions of the text.
    /// </summary>
    internal static (string? Code, bool OtherLanguages) Label(string text)
    {
        if (Labels.TryGetValue(text, out var known))
        {
            return known;
        }

        var result = (LanguageNames.FromLabel(text), OtherLanguages().IsMatch(text));
        if (text.Length <= 200 && Volatile.Read(ref cachedLabels) < MaxCachedLabels && Labels.TryAdd(text, result))
        {
            Interlocked.Increment(ref cachedLabels);
        }

        return result;
    }

    [GeneratedRegex(@"(?:informasjon|info|informasjonsmateriell|brosjyrer?|materiell|tekster?|innhold)\s+(?:på|paa)\s+(?:andre|flere|fleire|ulike|mange)\s+språk|^(?:andre|flere|fleire)\s+språk$|other languages|information in (?:other|several|many) languages|languages?\s*/\s*språk|språk\s*/\s*languages?|^languages$|^språk$|translated (?:information|material)|oversatt (?:informasjon|materiell)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex OtherLanguages();
}
