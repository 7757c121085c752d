using Lenkevakt.Findings;

namespace Lenkevakt.Checks;

/// <summary>How findings name each <see cref="LinkRole"/> (Norwegian, as the subject of a sentence) and how serious a broken one is.</summary>
public static class LinkRoles
{
    /// <summary>Whether the browser loads it by itself (checked, never crawled).</summary>
    public static bool IsResource(this LinkRole role) => role != LinkRole.Link;

    /// <summary>
    /// A broken image, iframe, embed or meta-refresh target is as bad as a broken link (the kind's own severity); a broken
    /// stylesheet, script, icon, preload, manifest, form target, media file or <c>og:</c> URL is at most a warning.
    /// </summary>
    public static Severity SeverityFor(this LinkRole role, Severity kindSeverity) => role switch
    {
        LinkRole.Link or LinkRole.Image or LinkRole.Frame or LinkRole.Embed or LinkRole.MetaRefresh => kindSeverity,
        _ => kindSeverity == Severity.Error ? Severity.Warning : kindSeverity,
    };

    /// <summary>The subject of a finding's sentence: «Lenken «tekst»», «Bildet «/bilde.png»», …</summary>
    public static string Subject(this LinkRole role, string text, string href) => role switch
    {
        LinkRole.Link => $"Lenken «{text}»",
        LinkRole.Image => $"Bildet «{Short(href)}»",
        LinkRole.Script => $"Skriptet «{Short(href)}»",
        LinkRole.Stylesheet => $"Stilarket «{Short(href)}»",
        LinkRole.Icon => $"Ikonet «{Short(href)}»",
        LinkRole.Preload => $"Den forhåndslastede ressursen «{Short(href)}»",
        LinkRole.Manifest => $"Manifestet «{Short(href)}»",
        LinkRole.Frame => $"Den innebygde siden (iframe) «{Short(href)}»",
        LinkRole.Embed => $"Det innebygde innholdet «{Short(href)}»",
        LinkRole.Media => $"Lyd- eller videofilen «{Short(href)}»",
        LinkRole.Poster => $"Forsidebildet til videoen «{Short(href)}»",
        LinkRole.Track => $"Tekstingen (track) «{Short(href)}»",
        LinkRole.FormAction => $"Skjemaets mottaksadresse «{Short(href)}»",
        LinkRole.MetaRefresh => $"Den automatiske videresendingen (meta refresh) til «{Short(href)}»",
        LinkRole.OpenGraphImage => $"Delingsbildet (og:image) «{Short(href)}»",
        LinkRole.OpenGraphUrl => $"Delingsadressen (og:url) «{Short(href)}»",
        _ => $"Adressen «{Short(href)}»",
    };

    private static string Short(string s)
    {
        s = s.Trim();
        return s.Length <= 120 ? s : s[..119] + "…";
    }
}
