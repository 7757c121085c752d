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
                continue;
            }

            if (block.Links.Count == 0 && TextOffer(block.Text) is { } offer)
            {
                yield return new DetectorHit(Name, offer.Code, offer.Kind, TextNormalizer.Truncate(offer.Evidence, 200), block.Index, block.Region, block.Where, block.Text);
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

    /// <summary>
    /// An offer written as text, not as a link: a line that is a language's name («Polski»), a language picker written
    /// out («Velg språk: Bokmål Samisk»), a list of «Somali: https://…» lines, or a sentence saying the information exists
    /// in other languages («informasjon på mange språk», «oversatt til arabisk, polsk …», «information in several languages»,
    /// a line that «svarer på norsk, engelsk, arabisk …», «Read the information in English», «see the section for English»).
    /// </summary>
    internal static (string Code, string Kind, string Evidence)? TextOffer(string text)
    {
        if (text.Length > 4000)
        {
            return null;
        }

        // The sentence test only where one of its words is (cheap ordinal scans rule out most blocks).
        if (text.AsSpan().ContainsAny(OfferWords) && OtherLanguagesInText().Match(text) is { Success: true } m)
        {
            return ("multi", "text", DetectorText.Snippet(text, m.Index, m.Length, 60));
        }

        var named = 0;
        string? firstCode = null;
        string? firstLine = null;
        foreach (var raw in text.Contains('\n', StringComparison.Ordinal) ? text.Split('\n') : [text])
        {
            var line = raw.Trim();
            var colonAt = line.IndexOf(':', StringComparison.Ordinal);

            // Only short lines and "Name: …" lines can be offers written as text: skip the rest without allocating.
            if (line.Length is 0 or > 120 || (line.Length > 40 && colonAt is < 0 or > 30 && line[0] is not ('V' or 'v' or 'S' or 's' or 'L' or 'l' or 'C' or 'c')))
            {
                continue;
            }

            // «Velg språk: Bokmål Samisk», «Språk Sami - Samisk», «Languages: English Polski».
            if (Picker().Match(line) is { Success: true } p)
            {
                foreach (var word in line[(p.Index + p.Length)..].Split([' ', '-', '|', '/', ',', ':'], StringSplitOptions.RemoveEmptyEntries))
                {
                    if (LanguageNames.FromExactLabel(word) is { } pc && !LanguageNames.IsNorwegian(pc))
                    {
                        return (pc, "text-picker", line);
                    }
                }
            }

            // «Polski», «English», or «English A A A» (a name before the text-size buttons).
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (line.Length <= 40 && LanguageNames.FromExactLabel(words[0]) is { } wc && !LanguageNames.IsNorwegian(wc) && words.Skip(1).All(w => w.Length <= 2))
            {
                return (wc, "text-label", line);
            }

            // «Somali: https://…»
            var colon = colonAt;
            if (colon is > 2 and <= 30 && LanguageNames.FromExactLabel(line[..colon]) is { } lc && !LanguageNames.IsNorwegian(lc))
            {
                named++;
                firstCode ??= lc;
                firstLine ??= line;
                if (line[(colon + 1)..].TrimStart().StartsWith("http", StringComparison.OrdinalIgnoreCase) || named >= 2)
                {
                    return (firstCode, "text-list", firstLine);
                }
            }
        }

        return null;
    }

    private static readonly System.Buffers.SearchValues<string> OfferWords = System.Buffers.SearchValues.Create(["språk", "languag", "setts", "ranslat", "english", "engelsk", "arabisk", "arabic", "polsk", "polish", "urdu", "tigrin"], StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(?:velg språk|vel språk|språk|language|languages|choose language|select language)\b[:\s]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Picker();

    [GeneratedRegex(@"\b(?:informasjon|information|info|brosjyrer?|brochures?|videoer?|videos?|filmer?|materiell|plakater)\s+(?:(?:om|about)\s+[\w-]+\s+)?(?:på|in)\s+(?:andre|flere|fleire|ulike|mange|several|many|different|other|various)\s+(?:språk|languages)\b|\b(?:oversatt|omsett|translated)\s+(?:til|into|to)\s+(?:\p{L}+,\s+)*(?:arabisk|engelsk|polsk|somali|tigrinja|urdu|litauisk|russisk|ukrainsk|dari|farsi|tyrkisk|arabic|english|polish|somali|tigrinya|lithuanian|ukrainian)\b|\bpå\s+språk(?:a|ene)\s+\p{L}+|\b(?:in|på)\s+(?:several|different|many|flere|ulike|mange)\s+(?:languages|språk)\b|\bfind\s+information\s+in\s+(?:arabic|english|polish|somali|tigrinya|lithuanian|urdu)|\b(?:svarer|svarar|answers?|snakker|snakkar|speaks?)\s+(?:på\s+|in\s+)?(?:\p{L}+,\s+){0,6}(?:og\s+|and\s+)?(?:engelsk|arabisk|polsk|somali|tigrinja|urdu|litauisk|russisk|ukrainsk|dari|farsi|tyrkisk|english|arabic|polish|tigrinya|lithuanian|ukrainian)\b|\b(?:information|advice|informasjon|info)\b[^.\n]{0,60}?\bin\s+english\b|\b(?:section|page|version)\s+(?:for|in)\s+english\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherLanguagesInText();

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
