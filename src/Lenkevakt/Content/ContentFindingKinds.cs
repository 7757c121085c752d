using Lenkevakt.Findings;

namespace Lenkevakt.Content;

/// <summary>The content checks' finding kinds, registered with <see cref="FindingKind.Register"/>. Wire names never change.</summary>
public static class ContentFindingKinds
{
    public static readonly FindingKind LangMissing = FindingKind.Register(new("lang-missing", Severity.Error, "Siden mangler språkkode (lang)", "Missing lang attribute"));
    public static readonly FindingKind LangInvalid = FindingKind.Register(new("lang-invalid", Severity.Error, "Språkkoden på siden er ugyldig", "Invalid lang attribute"));
    public static readonly FindingKind LangMismatch = FindingKind.Register(new("lang-mismatch", Severity.Warning, "Språkkoden stemmer ikke med språket i teksten", "Declared language differs from the text's language"));
    public static readonly FindingKind HreflangBroken = FindingKind.Register(new("hreflang-broken", Severity.Warning, "Lenken til en annen språkversjon (hreflang) er feil", "Broken hreflang alternate"));
    public static readonly FindingKind HreflangNotReciprocal = FindingKind.Register(new("hreflang-not-reciprocal", Severity.Warning, "Språkversjonen lenker ikke tilbake (hreflang)", "hreflang alternate does not link back"));
    public static readonly FindingKind RequiredMissing = FindingKind.Register(new("required-missing", Severity.Warning, "Påkrevd informasjon mangler", "Required information missing"));
    public static readonly FindingKind ReadabilityHard = FindingKind.Register(new("readability-hard", Severity.Warning, "Teksten er vanskelig å lese (høy LIX)", "Hard to read (high LIX)"));

    public static IReadOnlyList<FindingKind> All => [LangMissing, LangInvalid, LangMismatch, HreflangBroken, HreflangNotReciprocal, RequiredMissing, ReadabilityHard];
}
