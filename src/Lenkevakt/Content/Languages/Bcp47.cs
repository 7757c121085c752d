using System.Collections.Frozen;

namespace Lenkevakt.Content.Languages;

/// <summary>
/// A compact BCP 47 (RFC 5646) validator for the tags seen on web pages: language (2–3 letters, optionally with
/// extended subtags), optional script (4 letters), optional region (2 letters from ISO 3166-1 or 3 digits), variants
/// (5–8 alphanumerics or a digit and 3), extensions (singleton + 2–8) and private use (<c>x-…</c>), plus the
/// irregular grandfathered tags. The primary language must be a known ISO 639 code (<see cref="KnownLanguages"/>),
/// and for two-letter-capable languages the three-letter form is flagged (<c>nor</c> → <c>no</c>), as BCP 47 requires the shortest.
/// Common mistakes get Norwegian explanations: <c>nb_NO</c> (underscore), <c>en-UK</c> (use GB), <c>norwegian</c>, empty.
/// </summary>
public static class Bcp47
{
    /// <summary>Known primary language subtags: ISO 639-1 plus the ISO 639-2/3 codes relevant in Norway.</summary>
    public static readonly FrozenSet<string> KnownLanguages = (
        "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu " +
        "fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko " +
        "kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi " +
        "pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk " +
        "ur uz ve vi vo wa wo xh yi yo za zh zu " +
        "sma smj smn sms sju sje fkv rmf rmu rom prs pes ckb kmr sdh ber kab tzm ti tig ajp apc arz ary acm ayl yue cmn hak nan wuu fil " +
        "haw hmn ilo sco gsw nds frr fil ast ceb chr mus ypk kal fit swb tpi bcl mos kri lua").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Three-letter codes that have a two-letter code (BCP 47 requires the two-letter one).</summary>
    private static readonly FrozenDictionary<string, string> ThreeToTwo = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["nor"] = "no", ["nob"] = "nb", ["nno"] = "nn", ["eng"] = "en", ["sme"] = "se", ["pol"] = "pl", ["lit"] = "lt", ["ara"] = "ar",
        ["som"] = "so", ["urd"] = "ur", ["tir"] = "ti", ["fas"] = "fa", ["per"] = "fa", ["tur"] = "tr", ["rus"] = "ru", ["ukr"] = "uk",
        ["deu"] = "de", ["ger"] = "de", ["fra"] = "fr", ["fre"] = "fr", ["spa"] = "es", ["swe"] = "sv", ["dan"] = "da", ["fin"] = "fi",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Regions = (
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH " +
        "CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN " +
        "GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI " +
        "LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM " +
        "PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD " +
        "TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW EU UN XK 419").Split(' ').ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Grandfathered = new[]
    {
        "art-lojban", "cel-gaulish", "en-gb-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo",
        "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "no-bok", "no-nyn", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de", "zh-guoyu", "zh-hakka",
        "zh-min", "zh-min-nan", "zh-xiang",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static Bcp47Tag Parse(string? raw)
    {
        var tag = raw?.Trim() ?? "";
        if (tag.Length == 0)
        {
            return new Bcp47Tag(tag, null, null, null, [], "Språkkoden er tom.");
        }

        if (tag.Contains('_', StringComparison.Ordinal))
        {
            return new Bcp47Tag(tag, null, null, null, [], $"«{tag}» bruker understrek; BCP 47 bruker bindestrek («{tag.Replace('_', '-')}»).");
        }

        var lower = tag.ToLowerInvariant();
        if (Grandfathered.Contains(lower))
        {
            var note = lower is "no-bok" or "no-nyn" ? $"«{tag}» er utgått; bruk «{(lower == "no-bok" ? "nb" : "nn")}»." : null;
            return new Bcp47Tag(tag, lower, null, null, [], note);
        }

        var parts = tag.Split('-');
        if (parts.Any(p => p.Length == 0 || p.Length > 8 || !p.All(char.IsAsciiLetterOrDigit)))
        {
            return new Bcp47Tag(tag, null, null, null, [], $"«{tag}» er ikke en gyldig språkkode (bare bokstaver, tall og bindestrek, delkoder på 1–8 tegn).");
        }

        if (parts[0].Equals("x", StringComparison.OrdinalIgnoreCase))
        {
            return new Bcp47Tag(tag, null, null, null, [], $"«{tag}» er en privat kode og sier ikke hvilket språk siden er på.");
        }

        var i = 0;
        var language = parts[i++];
        if (!language.All(char.IsAsciiLetter) || language.Length is < 2 or > 8 || language.Length == 4)
        {
            return new Bcp47Tag(tag, null, null, null, [], $"«{tag}» starter ikke med en språkkode på 2–3 bokstaver.");
        }

        var primary = language.ToLowerInvariant();
        if (language.Length >= 5)
        {
            return new Bcp47Tag(tag, language, null, null, [], $"«{language}» er ikke en registrert språkkode (bruk for eksempel «nb», «nn» eller «en»).");
        }

        if (ThreeToTwo.TryGetValue(primary, out var two))
        {
            return new Bcp47Tag(tag, language, null, null, [], $"«{language}» skal skrives med den korte koden «{two}».");
        }

        if (!KnownLanguages.Contains(primary))
        {
            return new Bcp47Tag(tag, language, null, null, [], $"«{language}» er ikke en kjent språkkode.");
        }

        // extlang: up to three 3-letter subtags (rare; accepted syntactically).
        var ext = 0;
        while (i < parts.Length && parts[i].Length == 3 && parts[i].All(char.IsAsciiLetter) && ext < 3 && primary.Length <= 3)
        {
            i++;
            ext++;
        }

        string? script = null;
        if (i < parts.Length && parts[i].Length == 4 && parts[i].All(char.IsAsciiLetter))
        {
            script = parts[i++];
        }

        string? region = null;
        if (i < parts.Length && ((parts[i].Length == 2 && parts[i].All(char.IsAsciiLetter)) || (parts[i].Length == 3 && parts[i].All(char.IsAsciiDigit))))
        {
            region = parts[i++];
            var upper = region.ToUpperInvariant();
            if (!Regions.Contains(upper) && !(upper.Length == 3 && upper.All(char.IsAsciiDigit)))
            {
                var hint = upper == "UK" ? " (Storbritannia er «GB»)" : "";
                return new Bcp47Tag(tag, language, script, region, [], $"«{region}» er ikke en gyldig landkode{hint}.");
            }
        }

        var variants = new List<string>();
        while (i < parts.Length && ((parts[i].Length >= 5) || (parts[i].Length == 4 && char.IsAsciiDigit(parts[i][0]))))
        {
            variants.Add(parts[i++]);
        }

        // Extensions and private use.
        while (i < parts.Length)
        {
            var singleton = parts[i];
            if (singleton.Length != 1)
            {
                return new Bcp47Tag(tag, language, script, region, variants, $"«{singleton}» hører ikke hjemme i språkkoden «{tag}».");
            }

            i++;
            var start = i;
            var isPrivate = singleton.Equals("x", StringComparison.OrdinalIgnoreCase);
            while (i < parts.Length && (isPrivate ? parts[i].Length >= 1 : parts[i].Length >= 2))
            {
                i++;
            }

            if (i == start)
            {
                return new Bcp47Tag(tag, language, script, region, variants, $"Utvidelsen «{singleton}» i «{tag}» mangler innhold.");
            }

            if (isPrivate)
            {
                i = parts.Length;
            }
        }

        return new Bcp47Tag(tag, language, script, region, variants, null);
    }

    public static bool IsValid(string? tag) => Parse(tag).IsValid;
}
