using System.Text.RegularExpressions;
using Lenkevakt.Content.Text;

namespace Lenkevakt.Content.Detectors;

/// <summary>
/// Finds opening hours: a time range (<c>kl. 08.00–15.30</c>, <c>08:00-15:30</c>, <c>0800-1530</c>, <c>8–15.30</c>,
/// <c>fra kl. 8 til 16</c>) together with days (<c>man–fre</c>, <c>mandag til fredag</c>, <c>hverdager</c>, <c>kvardagar</c>,
/// <c>helg</c>…) or an opening-hours word (<c>åpningstider</c>, <c>opningstid</c>, <c>åpent</c>, <c>ope</c>, <c>telefontid</c>…)
/// in the same block, the heading or label just before, or the table/list it sits in; "open around the clock" phrases
/// (<c>døgnåpen</c>, <c>åpent hele døgnet</c>); and schema.org <c>openingHours</c> / <c>OpeningHoursSpecification</c>.
/// Hour-only ranges (<c>8–16</c>) need a day word or an opening word just before (<c>åpne på dagtid, 9-14</c>), so
/// <c>barn 8–16 år</c> is not opening hours; a closed interval (<c>stengt mellom kl. 11:30–12:00</c>) is not either. Days
/// without times under an opening-hours heading (<c>Åpent alle hverdager</c>) and English o'clock ranges count, and staffed
/// hours (<c>bemannet 08–22</c>, <c>staffed from 0830 to 2300</c>). Hours next to a national line only (the corona line) do not.
/// Days and words are known in bokmål, nynorsk, English and the priority languages.
/// </summary>
public static partial class OpeningHoursDetector
{
    public const string Name = "opening-hours";

    public static IEnumerable<DetectorHit> Find(IReadOnlyList<TextBlock> blocks, IReadOnlyList<StructuredDataItem> structured)
    {
        foreach (var block in blocks)
        {
            var previous = DetectorText.Previous(blocks, block.Index);
            var heading = SectionHeading(blocks, block.Index);
            foreach (var hit in FindInText(block.Text, previous, heading, block.Element))
            {
                yield return hit with { BlockIndex = block.Index, Region = block.Region, Where = block.Where };
            }
        }

        foreach (var item in structured)
        {
            foreach (var (key, value) in item.Properties)
            {
                if (key is "openingHours" or "openingHoursSpecification" && value.Any(char.IsAsciiDigit))
                {
                    yield return new DetectorHit(Name, value, "schema.org", $"schema.org {item.Type} {key}: {TextNormalizer.Truncate(value, 100)}", -1, item.Region, TextBlock.RegionName(item.Region), value);
                }
            }
        }
    }

    /// <summary>Characters after a range that <see cref="NotTime"/> can read (its longest alternative is "timer" + 10 + "opplæring").</summary>
    private const int NotTimeReach = 48;

    /// <summary>Opening hours in one block of text; <paramref name="previous"/> and <paramref name="heading"/> give context.</summary>

    public static IEnumerable<DetectorHit> FindInText(string text, string? previous = null, string? heading = null, string element = "p")
    {
        // A time range needs digits; the day and keyword tests only matter once there is a valid range (computed then, once).
        var ranges = DetectorText.HasDigit(text) ? Range().Matches(text) : null;
        bool? hasDayOrNull = null;
        bool? hasPhone = null;
        bool? nationalOnly = null;
        var hasKeyword = false;
        var contextKeyword = false;
        foreach (Match m in (IEnumerable<Match>?)ranges ?? [])
        {
            if (!Valid(m, out var strong))
            {
                continue;
            }

            if (hasDayOrNull is null)
            {
                var lower = InvariantLower.Of(text);
                var context = InvariantLower.Of((heading ?? "") + "\n" + (previous ?? ""));
                hasDayOrNull = DayWords().IsMatch(lower) || DayRange().IsMatch(lower);
                hasKeyword = Keywords().IsMatch(lower);
                contextKeyword = Keywords().IsMatch(context) || DayWords().IsMatch(context);
            }

            var hasDay = hasDayOrNull.Value;

            // "Telefonen er stengt mellom kl. 11:30–12:00" is a closed interval, not opening hours.
            var lead = InvariantLower.Of(text.AsSpan(Math.Max(0, m.Index - 30), m.Index - Math.Max(0, m.Index - 30)));
            if (ClosedBefore().IsMatch(lead))
            {
                continue;
            }

            // "Koronatelefonen 815 55 015, hverdager kl. 08.00–15.30": the hours of a national line, not of the service.
            if (nationalOnly ??= NationalLines.OnlyNationalLines(text))
            {
                break;
            }

            // NotTime is anchored and reads at most about 30 characters: look at a short lower-cased prefix, not the rest of the text.
            var rest = text.AsSpan(m.Index + m.Length).TrimStart();
            var after = InvariantLower.Of(rest[..Math.Min(rest.Length, NotTimeReach)]);
            if (NotTime().IsMatch(after))
            {
                continue;
            }

            // "mellom klokken 09.00 og 15.00", "(08.00–15.00)" or "kl. 0800–2300" right by a phone number are phone hours too.
            var klWord = m.Groups["kl"].Success ? m.Groups["kl"].Value.ToLowerInvariant() : "";
            var byPhone = strong && ((klWord.StartsWith("mellom", StringComparison.Ordinal) || klWord.StartsWith("mellem", StringComparison.Ordinal) || klWord.StartsWith("między", StringComparison.Ordinal)) || (hasPhone ??= NationalLines.EightDigitNumber().IsMatch(text)));
            // An hour-only range said right after an opening word ("Dagsentrene er åpne på dagtid, 9-14") is opening hours too.
            var ok = strong ? hasDay || hasKeyword || contextKeyword || byPhone : hasDay || (hasKeyword && m.Groups["kl"].Success) || OpenBefore().IsMatch(lead);
            if (!ok)
            {
                continue;
            }

            var kind = element is "tr" or "td" or "th" ? "table" : element == "li" ? "list" : "text";
            yield return new DetectorHit(Name, TextNormalizer.OneLine(m.Value), kind, DetectorText.Snippet(text, m.Index, m.Length, 50), -1, PageRegion.None, "", DetectorText.Context(text, m.Index, m.Length, previous));
            yield break;
        }

        // A 12-hour range ("9am to 4pm", "8.30 a.m.–3 p.m.") or a single opening/closing time said with a verb or "til/etter kl."
        // ("stenger kl. 16 om torsdagane", "langope torsdag til kl 18", "after 6.30pm at weekends"), with a day or an
        // opening-hours word in the block. Deadlines ("søknadsfrist fredag kl. 12") are not opening hours.
        if (ranges is not null && text.AsSpan().IndexOfAny(SingleTimeTokens) >= 0 && (AmPmRange().Match(text) is { Success: true } ap ? ap : OClockRange().Match(text) is { Success: true } oc ? oc : SingleTime().Match(text)) is { Success: true } single)
        {
            var lower = InvariantLower.Of(text);
            var context = InvariantLower.Of((heading ?? "") + "\n" + (previous ?? ""));
            var dayOrWord = Keywords().IsMatch(lower) || Keywords().IsMatch(context)
                || ((DayWords().IsMatch(lower) || DayRange().IsMatch(lower)) && ServicePlace().IsMatch(lower));
            var before = lower[Math.Max(0, single.Index - 40)..single.Index];
            if (dayOrWord && !Deadline().IsMatch(lower) && !Negation().IsMatch(before))
            {
                var kind = element is "tr" or "td" or "th" ? "table" : element == "li" ? "list" : "text";
                yield return new DetectorHit(Name, TextNormalizer.OneLine(single.Value), kind, DetectorText.Snippet(text, single.Index, single.Length, 50), -1, PageRegion.None, "", DetectorText.Context(text, single.Index, single.Length, previous));
                yield break;
            }
        }

        // "Åpent alle hverdager." under "Åpningstider": the days the service is open, without times, under an opening-hours heading.
        if (text.Length <= 60 && OpenDays().Match(text) is { Success: true } od && Keywords().IsMatch(InvariantLower.Of((heading ?? "") + "\n" + (previous ?? ""))))
        {
            var kind = element is "tr" or "td" or "th" ? "table" : element == "li" ? "list" : "text";
            yield return new DetectorHit(Name, TextNormalizer.OneLine(od.Value), kind, DetectorText.Snippet(text, od.Index, od.Length, 50), -1, PageRegion.None, "", DetectorText.Context(text, od.Index, od.Length, previous));
            yield break;
        }

        if (MayBeAroundTheClock(text) && AroundTheClock().Match(text) is { Success: true } a)
        {
            yield return new DetectorHit(Name, a.Value.ToLowerInvariant(), "24/7", DetectorText.Snippet(text, a.Index, a.Length, 50), -1, PageRegion.None, "", DetectorText.Context(text, a.Index, a.Length, previous));
        }
    }

    private static string? SectionHeading(IReadOnlyList<TextBlock> blocks, int index)
    {
        var section = blocks[index].Section;
        for (var i = index - 1; i >= 0 && blocks[i].Section == section; i--)
        {
            if (blocks[i].HeadingLevel > 0 || blocks[i].Element is "caption" or "th" or "thead")
            {
                return blocks[i].Text;
            }
        }

        // The table's first row is often the header ("Dag | Åpningstid").
        for (var i = index - 1; i >= 0 && i >= index - 12 && blocks[i].Element == "tr"; i--)
        {
            if (i == 0 || blocks[i - 1].Element != "tr")
            {
                return blocks[i].Text;
            }
        }

        return null;
    }

    private static bool Valid(Match m, out bool strong)
    {
        strong = false;
        if (!int.TryParse(m.Groups["h1"].Value, out var h1) || !int.TryParse(m.Groups["h2"].Value, out var h2))
        {
            return false;
        }

        if (h1 > 24 || h2 > 24)
        {
            return false;
        }

        var m1 = m.Groups["m1"].Success ? int.Parse(m.Groups["m1"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var m2 = m.Groups["m2"].Success ? int.Parse(m.Groups["m2"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (h1 == h2 && m1 == m2)
        {
            return false;
        }

        strong = m.Groups["m1"].Success || m.Groups["m2"].Success || m.Groups["kl"].Success;
        return true;
    }

    [GeneratedRegex(@"(?<![\d.,:/])(?:(?<kl>mellom\s+(?:kl\.?|klokka|klokken)|mellom|mellem\s+(?:kl\.?|klokken)|mellem|między\s+godz\.?|między|od\s+godz\.?|godz\.?|kl\.?|klokka|klokken|klokkå|fra kl\.?|frå kl\.?|fra|frå|from|od|nuo|с|з|saat)\s*)?(?:(?<h1>[0-2]?\d)(?:[.:](?<m1>[0-5]\d))?|(?<h1>[0-2]\d)(?<m1>[0-5]\d))\s*(?:-|til|to|until|do|iki|до|по|ilaa|–|(?<=(?:mellom|mellem)\s*(?:kl\.?|klokka|klokken)?\s*[0-2]?\d(?:[.:][0-5]\d)?\s*)og|(?<=między\s*(?:godz\.?)?\s*[0-2]?\d(?:[.:][0-5]\d)?\s*)a)\s*(?:(?:kl|godz)\.?\s*)?(?:(?<h2>[0-2]?\d)(?:[.:](?<m2>[0-5]\d))?|(?<h2>[0-2]\d)(?<m2>[0-5]\d))(?![\d.,]\d|\d|\s?%)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Range();

    [GeneratedRegex(@"(?<![\d.,:/])(?:[01]?\d)(?:[.:][0-5]\d)?\s*(?:a\.?m\.?|p\.?m\.?)\s*(?:-|–|to|until|till)\s*(?:[01]?\d)(?:[.:][0-5]\d)?\s*(?:a\.?m\.?|p\.?m\.?)(?![a-z])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AmPmRange();

    [GeneratedRegex(@"\b(?:(?:etter|til|fra|frå|innan|inntil|stenger|stengjer|stenges|stengt|stengd|åpner|opnar|åpent|ope|open|opens|closes|closed)\s+(?:kl\.?|klokka|klokken)\s*[0-2]?\d(?:[.:][0-5]\d)?(?![\d.,]\d|\d)|(?:after|before|until|from|opens|closes)\s+(?:[01]?\d)(?:[.:][0-5]\d)?\s*(?:a\.?m\.?|p\.?m\.?)(?![a-z]))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SingleTime();

    [GeneratedRegex(@"(?<![\d.,:/])[01]?\d(?:[.:][0-5]\d)?\s*o\s*['’]?\s*clock(?:\s+in\s+the\s+(?:morning|afternoon|evening))?\s+(?:and|to|until|till|-|–)\s+[01]?\d(?:[.:][0-5]\d)?\s*o\s*['’]?\s*clock", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OClockRange();

    [GeneratedRegex(@"(?:stengt|stengd|stenges|stengjer|lukket|lukka|closed)\s*(?:\w+\s*){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex ClosedBefore();

    [GeneratedRegex(@"\b(?:åpne|åpent|åpen|opne|ope|open|opent)\b(?:\s+\w+){0,3}[\s,:]*$", RegexOptions.CultureInvariant)]
    private static partial Regex OpenBefore();

    [GeneratedRegex(@"\b(?:åpent|åpen|ope|open|opent)\s+(?:alle\s+|kvar\s+|hver\s+)?(?:hverdager|kvardagar|virkedager|yrkedagar|dager|dagar|dag|weekdays|days)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OpenDays();

    [GeneratedRegex(@"lege|kontor|senter|vakt|helsestasjon|surgery|practice|clinic|doctor", RegexOptions.CultureInvariant)]
    private static partial Regex ServicePlace();

    [GeneratedRegex(@"\b(?:ikke|ikkje|not|no)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Negation();

    [GeneratedRegex(@"frist|påmelding|påmeld|innlevering|deadline|søknad", RegexOptions.CultureInvariant)]
    private static partial Regex Deadline();

    [GeneratedRegex(@"^(?:år|års|åra|years|mnd|måneder|månader|uker|veker|dager|dagar|personer|plasser|kr|nok|prosent|%|cm|kg|km|meter|minutt\w*|min\b|g\b|timar|timer\b.{0,10}\b(?:kurs|opplæring))", RegexOptions.CultureInvariant)]
    private static partial Regex NotTime();

    [GeneratedRegex(@"\b(?:mandag|måndag|tirsdag|tysdag|onsdag|torsdag|fredag|lørdag|laurdag|søndag|sundag|mandager|måndagar|fredager|fredagar|hverdager|hverdag|kvardagar|kvardag|virkedager|yrkedagar|arbeidsdager|arbeidsdagar|helg|helga|helgen|helgene|helgane|helger|helgar|helgedager|helgedagar|helligdager|heilagdagar|høytidsdager|alle dager|kvar dag|hver dag|daglig|dagleg|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekdays|weekends?|poniedziałek|piątek|sobota|niedziela|pirmadien\w*|penktadien\w*|pazartesi|cuma|cumartesi|pazar|понедельник|пятница|понеділок|п'ятниця|п’ятниця|isniin|jimco|khamiis|vuossárga|bearjadat|mánnodat|darbo dienomis|darbo dienų|savaitgaliais|savaitgaliai|švenčių dienomis|kasdien|poniedziałku|piątku|dni powszednie|codziennie|soboty|niedziele|hverdage|weekender|weekenden|helligdage|vardagar|helgdagar)\b|الاثنين|الجمعة|دوشنبه|جمعه|پیر|جمعہ|ሰኑይ|ዓርቢ", RegexOptions.CultureInvariant)]
    private static partial Regex DayWords();

    [GeneratedRegex(@"\b(?:man|må|tir|tirs|tys|ons|tor|tors|fre|lør|laur|søn|sun|mon|tue|wed|thu|fri|sat|mo|tu|we|th|fr|sa|su)\.?\s*(?:-|til|to|og|and|,)\s*(?:man|tir|tirs|tys|ons|tor|tors|fre|lør|laur|søn|sun|mon|tue|wed|thu|fri|sat|mo|tu|we|th|fr|sa|su)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DayRange();

    [GeneratedRegex(@"åpningstid|opningstid|åpent|åpen\b|åpner|stenger|stengt|stengd|bemannet|bemanna|\bstaffed\b|\bmanned\b|\bope\b|\bopen\b|\bopnar\b|opnar|telefontid|kontortid|ekspedisjonstid|treffetid|treff-tid|drop-in|opening hours|office hours|\bclosed\b|godziny otwarcia|otwarte|darbo laikas|dirba|çalışma saatleri|açık|часы работы|открыт|години роботи|відчинено|saacadaha|furan|rabas|rahpa|ساعات|اوقات|ሰዓታት|valand|\bval\.", RegexOptions.CultureInvariant)]
    private static partial Regex Keywords();

    [GeneratedRegex(@"døgnåp(?:en|ent|ne)|døgnope|(?:åpen|åpent|ope|open)\s+(?:for\s+(?:telefon\w*|henvendelser|besøk)\s+)?(?:hele|heile|alle)\s+(?:døgnet|døgeret|døgn)|\b(?:er\s+der\s+for\s+deg|betjent|betjena)\s+(?:med\s+\w+\s+)?(?:hele|heile)\s+døgnet|(?:åpen|åpent|ope|open)\s+døgnet\s+rundt|\b(?:gis|ytes|ytast|givast|bemannet|bemanna)\s+(?:hele|heile)\s+døgnet|\b(?:gis|ytes|ytast|givast|bemannet|bemanna|åpen|åpent|ope|open)\s+24\s*(?:timer|timar)\s+i\s+døgnet|(?:åpen|åpent|ope)\s+24\s*(?:timer|timar)|\bopen\s+(?:24\s*(?:/\s*7|hours)|a?round\s+the\s+clock|day\s+and\s+night|24\s+hours\s+a\s+day)|\b(?:czynn[ey]|otwart[ey])\s+(?:przez\s+)?całą\s+dobę|\b(?:dirba|atidaryta|atidarytas)\s+visą\s+parą|\b(?:24|7/24)\s+saat\s+açık|круглосуточн\w*|цілодобов\w*|مفتوح\S*\s+(?:ليلا ونهارا|ليلاً ونهاراً|على مدار الساعة|24 ساعة)|(?:باز|فعال)\s+(?:است\s+)?(?:شبانه‌روزی|24 ساعته)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    internal static partial Regex AroundTheClock();

    /// <summary>
    /// Every alternative of <see cref="AroundTheClock"/> contains one of these (case-insensitive): without one the regex cannot
    /// match. The regex itself starts at every "er", "åpen", "betjent" of a text; this test is one vectorised search.
    /// </summary>
    internal static readonly System.Buffers.SearchValues<string> AroundTheClockTokens = System.Buffers.SearchValues.Create(
        ["døgn", "døger", "24", "clock", "night", "dobę", "parą", "круглосуточн", "цілодобов", "مفتوح", "شبانه"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Every match of <see cref="SingleTime"/>, <see cref="AmPmRange"/> or <see cref="OClockRange"/> contains one of these (case-insensitive).</summary>
    private static readonly System.Buffers.SearchValues<string> SingleTimeTokens = System.Buffers.SearchValues.Create(["kl", "am", "pm", "a.m", "p.m", "clock"], StringComparison.OrdinalIgnoreCase);

    internal static bool MayBeAroundTheClock(string text) => text.AsSpan().IndexOfAny(AroundTheClockTokens) >= 0;
}
