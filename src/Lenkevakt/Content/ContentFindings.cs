using System.Globalization;
using Lenkevakt.Content.Languages;
using Lenkevakt.Content.Rules;
using Lenkevakt.Findings;

namespace Lenkevakt.Content;

/// <summary>Turns page and site content results into <see cref="Finding"/>s with plain Norwegian messages.</summary>
public static class ContentFindings
{
    public static IEnumerable<Finding> ForPage(PageContentResult page, RuleSet rules, ContentOptions options)
    {
        if (page.DeclaredLang is null)
        {
            yield return new Finding
            {
                Kind = ContentFindingKinds.LangMissing.Name,
                Severity = ContentFindingKinds.LangMissing.Severity,
                PageUrl = page.Url,
                Message = "Siden oppgir ikke hvilket språk den er skrevet på (lang-attributtet på <html> mangler). Skjermlesere kan da lese teksten med feil uttale." +
                          (page.DetectedLang != LanguageGuess.Undetermined ? $" Teksten ser ut til å være på {NameOf(page.DetectedLang)}: bruk lang=\"{page.DetectedLang}\"." : ""),
                Evidence = "<html> uten lang",
            };
        }
        else if (page.DeclaredLangProblem is { } problem)
        {
            yield return new Finding
            {
                Kind = ContentFindingKinds.LangInvalid.Name,
                Severity = ContentFindingKinds.LangInvalid.Severity,
                PageUrl = page.Url,
                Message = $"Språkkoden på siden er ugyldig: {problem}",
                Evidence = $"<html lang=\"{page.DeclaredLang}\">",
            };
        }
        else if (Mismatch(page, options) is { } mismatch)
        {
            yield return mismatch;
        }

        foreach (var alt in page.Alternates)
        {
            var tagOk = alt.HrefLang.Equals("x-default", StringComparison.OrdinalIgnoreCase) || Bcp47.IsValid(alt.HrefLang);
            if (!tagOk || alt.Resolved is null)
            {
                yield return new Finding
                {
                    Kind = ContentFindingKinds.HreflangBroken.Name,
                    Severity = ContentFindingKinds.HreflangBroken.Severity,
                    PageUrl = page.Url,
                    Target = alt.Href,
                    Message = !tagOk
                        ? $"Språkversjonen er merket med en ugyldig språkkode: {Bcp47.Parse(alt.HrefLang).Problem}"
                        : "Lenken til språkversjonen er ikke en gyldig nettadresse.",
                    Evidence = $"<link rel=\"alternate\" hreflang=\"{alt.HrefLang}\" href=\"{alt.Href}\">",
                };
            }
        }

        if (page.Lix is { } lix && lix > options.LixThreshold && (page.IsHelpPage || options.ReadabilityForAllPages))
        {
            yield return new Finding
            {
                Kind = ContentFindingKinds.ReadabilityHard.Name,
                Severity = page.IsHelpPage ? Severity.Warning : Severity.Info,
                PageUrl = page.Url,
                Message = $"Teksten har LIX {lix.ToString("0.#", CultureInfo.InvariantCulture)} (grensen er {options.LixThreshold.ToString("0.#", CultureInfo.InvariantCulture)}): den er vanskelig å lese. Bruk kortere setninger og kortere, vanlige ord.",
                Evidence = $"LIX {lix.ToString("0.#", CultureInfo.InvariantCulture)}",
                Status = "lix " + lix.ToString("0.#", CultureInfo.InvariantCulture),
            };
        }

        foreach (var result in page.Rules.Where(r => r.Outcome == RuleOutcome.NotMet))
        {
            var rule = rules.Rules.FirstOrDefault(r => r.Id == result.RuleId);
            if (rule is null || rule.Scope != RuleScope.Page)
            {
                continue;
            }

            yield return RequiredMissing(rule, page.Url, result.Missing ?? rule.MissingNb);
        }
    }

    /// <summary>
    /// Limits page findings of one rule (required-missing per rule id, readability-hard) to <paramref name="max"/> per
    /// site: the pages most clearly about help (highest help score, then URL) keep their own finding; the others are
    /// counted in one site finding that says where the full list is. Other findings pass unchanged.
    /// </summary>
    public static IEnumerable<Finding> CapPerRule(IEnumerable<Finding> pageFindings, IReadOnlyList<PageContentResult> pages, int max, string siteId, string siteUrl)
    {
        var all = pageFindings.ToList();
        if (max <= 0)
        {
            return all;
        }

        var score = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var p in pages)
        {
            score.TryAdd(p.Url, p.HelpScore);
        }

        static bool Capped(Finding f) => f.Kind == ContentFindingKinds.RequiredMissing.Name || f.Kind == ContentFindingKinds.ReadabilityHard.Name;
        var result = all.Where(f => !Capped(f)).ToList();
        foreach (var group in all.Where(Capped).GroupBy(f => (f.Kind, f.Target), (k, g) => (Key: k, Items: g.ToList())))
        {
            var ordered = group.Items.OrderByDescending(f => score.GetValueOrDefault(f.PageUrl)).ThenBy(f => f.PageUrl, StringComparer.Ordinal).ToList();
            result.AddRange(ordered.Take(max));
            if (ordered.Count <= max)
            {
                continue;
            }

            var first = ordered[0];
            var title = first.Message.Split(':', 2)[0];
            var rest = ordered.Count - max;
            result.Add(first with
            {
                PageUrl = siteUrl,
                PageTitle = null,
                Target = $"{group.Key.Target}:flere-sider",
                Location = null,
                Message = $"{title}: gjelder {ordered.Count} sider. De {max} sidene som tydeligst handler om helse- og hjelpetilbud, er meldt hver for seg; " +
                          $"de {rest} andre står i sidelisten (lenkevakt export pages --site {siteId}).",
                Evidence = $"{ordered.Count} sider, {rest} ikke meldt enkeltvis; f.eks. {string.Join(", ", ordered.Skip(max).Take(3).Select(f => f.PageUrl))}",
            });
        }

        return result;
    }

    public static IEnumerable<Finding> ForSite(SiteContentResult site, RuleSet rules, string siteUrl)
    {
        foreach (var result in site.Rules.Where(r => r.Outcome == RuleOutcome.NotMet))
        {
            var rule = rules.Rules.FirstOrDefault(r => r.Id == result.RuleId);
            if (rule is not null)
            {
                yield return RequiredMissing(rule, siteUrl, $"Ingen av de {site.HelpPages} sidene om helse- og hjelpetilbud som ble sjekket, oppfyller kravet. {rule.MissingNb}");
            }
        }
    }

    /// <summary>hreflang reciprocity: an alternate that was crawled must list the page back as one of its alternates.</summary>
    public static IEnumerable<Finding> Reciprocity(IReadOnlyList<PageContentResult> pages)
    {
        var byUrl = new Dictionary<string, PageContentResult>(StringComparer.Ordinal);
        foreach (var p in pages)
        {
            byUrl.TryAdd(Key(p.Url), p);
        }

        foreach (var page in pages)
        {
            var self = Key(page.Url);
            foreach (var alt in page.Alternates.Where(a => a.Resolved is not null))
            {
                var target = Key(alt.Resolved!);
                if (target == self || !byUrl.TryGetValue(target, out var other))
                {
                    continue;
                }

                if (!other.Alternates.Any(a => a.Resolved is not null && Key(a.Resolved) == self))
                {
                    yield return new Finding
                    {
                        Kind = ContentFindingKinds.HreflangNotReciprocal.Name,
                        Severity = ContentFindingKinds.HreflangNotReciprocal.Severity,
                        PageUrl = page.Url,
                        Target = alt.Resolved!,
                        Message = $"Siden oppgir {alt.Resolved} som språkversjon ({alt.HrefLang}), men den siden lenker ikke tilbake med hreflang. Språkversjoner må lenke til hverandre.",
                        Evidence = $"<link rel=\"alternate\" hreflang=\"{alt.HrefLang}\" href=\"{alt.Href}\">",
                    };
                }
            }
        }
    }

    /// <summary>URL key for matching alternates: no fragment, lower-case host, no trailing slash.</summary>
    public static string Key(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var u))
        {
            return url;
        }

        var path = u.AbsolutePath.Length > 1 ? u.AbsolutePath.TrimEnd('/') : u.AbsolutePath;
        return $"{u.Scheme}://{u.Authority.ToLowerInvariant()}{path}{u.Query}";
    }

    private static Finding? Mismatch(PageContentResult page, ContentOptions options)
    {
        if (page.DetectedLang == LanguageGuess.Undetermined || page.LangConfidence < options.MinConfidenceForLanguageMismatch || page.Words < options.MinWordsForLanguageMismatch)
        {
            return null;
        }

        var declared = LanguageNames.Canonical(page.DeclaredLang!);
        var detected = page.DetectedLang;
        if (declared == detected || declared == "no" && LanguageNames.IsNorwegian(detected))
        {
            return null;
        }

        var sameFamily = LanguageNames.Family(declared) == LanguageNames.Family(detected);
        if (sameFamily && LanguageNames.Family(detected) != "no")
        {
            return null;
        }

        return new Finding
        {
            Kind = ContentFindingKinds.LangMismatch.Name,
            Severity = sameFamily ? Severity.Info : Severity.Warning,
            PageUrl = page.Url,
            Target = $"{declared}->{detected}",
            Message = sameFamily
                ? $"Siden er merket som {NameOf(declared)} (lang=\"{page.DeclaredLang}\"), men teksten ser ut til å være på {NameOf(detected)}. Bruk lang=\"{detected}\" (eller «no»)."
                : $"Siden er merket som {NameOf(declared)} (lang=\"{page.DeclaredLang}\"), men teksten ser ut til å være på {NameOf(detected)}. Skjermlesere vil lese teksten med feil uttale. Bruk lang=\"{detected}\".",
            Evidence = $"oppgitt {page.DeclaredLang}, funnet {detected} (sikkerhet {page.LangConfidence.ToString("0.00", CultureInfo.InvariantCulture)}, {page.Words} ord)",
        };
    }

    private static Finding RequiredMissing(RequiredFieldRule rule, string url, string message) => new()
    {
        Kind = ContentFindingKinds.RequiredMissing.Name,
        Severity = rule.Severity switch { "error" => Severity.Error, "info" => Severity.Info, _ => Severity.Warning },
        PageUrl = url,
        Target = rule.Id,
        Status = $"{rule.Id} v{rule.Version}",
        Message = $"{rule.TitleNb}: {message}",
        Evidence = rule.Scope == RuleScope.Site ? "sjekket alle hjelpesider på nettstedet" : "sjekket hovedinnholdet og sidebokser på siden",
    };

    private static string NameOf(string code) => code switch
    {
        "no" => "norsk",
        _ => LanguageNames.Find(code)?.NameNb ?? code,
    };
}
