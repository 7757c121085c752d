using System.Text;
using System.Text.RegularExpressions;
using Lenkevakt.Content.Detectors;
using Lenkevakt.Content.Text;

namespace Lenkevakt.Content.Help;

/// <summary>
/// Judges whether a page is a health/help page (helse og omsorg, legevakt, fastlege, psykisk helse, krisehjelp, rus,
/// vold i nære relasjoner, pårørende, koronavirus, helsestasjon…), in bokmål, nynorsk and the priority languages,
/// from weighted signals: the URL path, the title, the main heading, other headings, the main text (distinct topic terms
/// and how often they occur) and the national health numbers (113, 116 117, helplines). Pages about jobs, politics
/// or hearings that merely mention health lose points. Every matched signal is recorded as a reason.
/// Also scores links for a focused crawl (<see cref="ScoreLink"/>).
/// </summary>
public static partial class HelpPageSignals
{
    /// <summary>Default score at or above which a page is a help page.</summary>
    public const double DefaultThreshold = 8;

    public static readonly IReadOnlyList<HelpTerm> Terms =
    [
        // Norwegian (bokmål + nynorsk)
        new("legevakt*", 3, "legevakt"), new("legevaktsentral*", 3, "legevakt"), new("fastlege*", 3, "fastlege"), new("legekontor*", 2, "fastlege"),
        new("øyeblikkelig hjelp", 3, "akutt"), new("augneblinkeleg hjelp", 3, "akutt"), new("akutt*", 1.5, "akutt"), new("nødnummer*", 2, "akutt"), new("naudnummer*", 2, "akutt"),
        new("psykisk helse*", 3, "psykisk helse"), new("psykiske helse*", 3, "psykisk helse"), new("psykisk helsehjelp", 3, "psykisk helse"), new("psykiske plager", 3, "psykisk helse"),
        new("psykiske vansker", 3, "psykisk helse"), new("psykiske vanskar", 3, "psykisk helse"), new("psykolog*", 2, "psykisk helse"), new("mental helse", 3, "psykisk helse"),
        new("hjelpetelefon*", 3, "hjelpetelefon"), new("kirkens sos", 3, "hjelpetelefon"), new("alarmtelefonen", 3, "hjelpetelefon"), new("kors på halsen", 3, "hjelpetelefon"),
        new("krisehjelp", 3, "krise"), new("krisesenter*", 3, "krise"), new("kriseteam*", 3, "krise"), new("krisesenteret", 3, "krise"), new("i krise", 2, "krise"),
        new("selvmord*", 3, "krise"), new("sjølvmord*", 3, "krise"), new("selvmordstanker", 3, "krise"),
        new("vold i nære relasjoner", 3, "vold"), new("vald i nære relasjonar", 3, "vold"), new("vald", 1.5, "vold"),
        // Not "vold*": that is also the place name Volda (and its college, hivolda.no).
        new("vold", 1.5, "vold"), new("volden", 1.5, "vold"), new("voldelig*", 1.5, "vold"), new("voldtekt*", 2, "vold"), new("voldsutsatt*", 2, "vold"), new("voldsoffer*", 2, "vold"),
        new("voldsutøv*", 2, "vold"), new("voldshandling*", 1.5, "vold"), new("voldsalarm*", 2, "vold"), new("overgrep*", 2, "vold"),
        new("rus*", 1.5, "rus"), new("rusproblem*", 3, "rus"), new("rusavhengig*", 3, "rus"), new("rusomsorg*", 3, "rus"), new("rustjeneste*", 3, "rus"), new("rusteneste*", 3, "rus"),
        new("rusmidl*", 2.5, "rus"), new("alkohol*", 1.5, "rus"), new("avhengighet", 2, "rus"), new("avhengigheit", 2, "rus"),
        new("pårørende*", 2.5, "pårørende"), new("pårørande*", 2.5, "pårørende"), new("avlastning", 2, "pårørende"), new("avlasting", 2, "pårørende"),
        new("koronavirus*", 3, "korona"), new("korona*", 2.5, "korona"), new("covid-19", 3, "korona"), new("covid", 2.5, "korona"), new("vaksin*", 2, "korona"), new("smitte*", 2, "korona"),
        new("helse og omsorg", 3, "helse og omsorg"), new("helse- og omsorg*", 3, "helse og omsorg"), new("helsetjeneste*", 3, "helse og omsorg"), new("helseteneste*", 3, "helse og omsorg"),
        new("omsorgstjeneste*", 2.5, "helse og omsorg"), new("omsorgsteneste*", 2.5, "helse og omsorg"), new("helsestasjon*", 3, "helse og omsorg"), new("helsesykepleier*", 2.5, "helse og omsorg"),
        new("helsesjukepleiar*", 2.5, "helse og omsorg"), new("hjemmesykepleie*", 3, "helse og omsorg"), new("heimesjukepleie*", 3, "helse og omsorg"), new("hjemmetjeneste*", 2.5, "helse og omsorg"),
        new("heimeteneste*", 2.5, "helse og omsorg"), new("sykehjem*", 2, "helse og omsorg"), new("sjukeheim*", 2, "helse og omsorg"), new("helse*", 1, "helse og omsorg"),
        new("lege", 1.5, "helse og omsorg"), new("legen", 1.5, "helse og omsorg"), new("sykepleier*", 1.5, "helse og omsorg"), new("sjukepleiar*", 1.5, "helse og omsorg"),
        new("jordmor*", 2, "helse og omsorg"), new("fysioterap*", 2, "helse og omsorg"), new("rehabilitering*", 2, "helse og omsorg"), new("demens*", 2, "helse og omsorg"),
        new("syk", 1, "helse og omsorg"), new("sjuk", 1, "helse og omsorg"), new("sykdom*", 1.5, "helse og omsorg"), new("sjukdom*", 1.5, "helse og omsorg"), new("skade*", 1, "helse og omsorg"),
        new("hjelpetilbud*", 2.5, "hjelpetilbud"), new("hjelpetilbod*", 2.5, "hjelpetilbud"), new("samtaletilbud*", 2.5, "hjelpetilbud"), new("samtaletilbod*", 2.5, "hjelpetilbud"),
        new("frivilligsentral*", 3, "frivillige"), new("ensom*", 1.5, "psykisk helse"), new("einsam*", 1.5, "psykisk helse"), new("angst", 2, "psykisk helse"), new("depresjon*", 2, "psykisk helse"),
        new("barnevernvakt*", 2.5, "krise"), new("sorg", 1.5, "krise"), new("sorggruppe*", 2, "krise"), new("lettlest", 0.5, "klart språk"),

        // Service pages that name no illness: care services, the allocation office, the surgery's own pages, volunteers.
        new("trygghetsalarm*", 3, "helse og omsorg"), new("tryggleiksalarm*", 3, "helse og omsorg"), new("dagsenter*", 2.5, "helse og omsorg"), new("dagtilbud*", 2.5, "helse og omsorg"),
        new("dagtilbod*", 2.5, "helse og omsorg"), new("tildelingskontor*", 3, "helse og omsorg"), new("tildelingsenhet*", 3, "helse og omsorg"), new("tjenestekontor*", 2.5, "helse og omsorg"),
        new("tenestekontor*", 2.5, "helse og omsorg"), new("praktisk bistand", 2.5, "helse og omsorg"), new("omsorgsbolig*", 2, "helse og omsorg"), new("omsorgsbustad*", 2, "helse og omsorg"), new("helsehus*", 2.5, "helse og omsorg"),
        new("tuberkulose*", 2.5, "helse og omsorg"), new("luftveisklinikk*", 2.5, "korona"), new("luftvegsklinikk*", 2.5, "korona"),
        new("legetime*", 2.5, "fastlege"), new("legesenter*", 2.5, "fastlege"), new("legehus*", 2.5, "fastlege"), new("legekontoret", 2, "fastlege"), new("timebestilling", 1, "fastlege"),
        new("laboratori*", 1, "fastlege"), new("skiftestue*", 2, "fastlege"), new("skadestue*", 2, "legevakt"), new("sykestue*", 2, "helse og omsorg"), new("frivillighetssentral*", 2, "frivillige"), new("frivillige", 1, "frivillige"), new("besøksven*", 2, "frivillige"),
        new("besøkstjeneste*", 3, "frivillige"), new("besøksteneste*", 3, "frivillige"), new("besøgstjeneste*", 3, "frivillige"), new("besøgsven*", 2, "frivillige"), new("besökstjänst*", 3, "frivillige"), new("besöksvän*", 2, "frivillige"), new("røde kors", 2, "frivillige"), new("helsesenter*", 2.5, "fastlege"), new("kommunelege*", 2, "fastlege"),
        new("legeteneste*", 2.5, "fastlege"), new("legetjeneste*", 2.5, "fastlege"), new("konsultasjon*", 2, "fastlege"), new("telefontime*", 1.5, "fastlege"),
        new("legeundersøk*", 2, "fastlege"), new("helsekontroll*", 2, "fastlege"), new("blodprøv*", 1.5, "fastlege"), new("resept*", 1.5, "fastlege"), new("apotek*", 1, "helse og omsorg"),
        new("kommunepsykolog*", 3, "psykisk helse"), new("ergoterap*", 2, "helse og omsorg"), new("hjemmehjelp*", 2.5, "helse og omsorg"), new("støttekontakt*", 2, "helse og omsorg"),
        new("hjelp i heimen", 3, "helse og omsorg"), new("hjelp i hjemmet", 3, "helse og omsorg"), new("sjukepleie", 2, "helse og omsorg"), new("tildelingseining*", 3, "helse og omsorg"),
        new("tenestetildeling", 3, "helse og omsorg"), new("tjenestetildeling", 3, "helse og omsorg"), new("teststasjon*", 2.5, "korona"), new("test-stasjon*", 2.5, "korona"),

        // Danish, Swedish, Dutch: pages about other countries' services, and their people's own pages
        new("læge*", 2.5, "fastlege"), new("lægevagt*", 3, "legevakt"), new("konsultation*", 2, "fastlege"), new("sygdom*", 1.5, "helse og omsorg"), new("akut", 1.5, "akutt"), new("akutmodtagelse*", 3, "akutt"),
        new("sundhed*", 2.5, "helse og omsorg"), new("hälsocentral*", 3, "fastlege"), new("vårdcentral*", 3, "fastlege"), new("läkare*", 2.5, "fastlege"), new("sjukvård*", 2.5, "helse og omsorg"),
        new("mottagning*", 1.5, "fastlege"), new("brådskande", 2, "akutt"), new("hälsostation*", 3, "fastlege"), new("äldreomsorg*", 3, "helse og omsorg"),
        new("hemtjänst*", 3, "helse og omsorg"), new("trygghetslarm*", 3, "helse og omsorg"), new("biståndshandläggare*", 2.5, "helse og omsorg"), new("korttidsboende*", 2, "helse og omsorg"),
        new("dagverksamhet*", 2, "helse og omsorg"), new("jourcentral*", 3, "legevakt"), new("jourmottagning*", 3, "legevakt"), new("huisarts*", 3, "fastlege"),
        new("huisartsenpost*", 3, "legevakt"), new("medische zorg", 3, "helse og omsorg"), new("ziekenhuis*", 1.5, "helse og omsorg"), new("spoedeisende hulp", 3, "akutt"), new("eerste hulp*", 2.5, "akutt"),

        // German: pages about the German on-call service and emergency departments, and guides for Germans in Norway
        new("arzt*", 2.5, "fastlege"), new("ärzt*", 2.5, "fastlege"), new("hausarzt*", 3, "fastlege"), new("bereitschaftsdienst*", 3, "legevakt"), new("notaufnahme*", 3, "akutt"),
        new("notfall*", 2.5, "akutt"), new("krankenhaus*", 1.5, "helse og omsorg"), new("gesundheit*", 2.5, "helse og omsorg"), new("praxis*", 1.5, "fastlege"),

        // English
        new("emergency*", 2.5, "akutt"), new("out-of-hours", 2.5, "legevakt"), new("emergency room", 3, "legevakt"), new("gp", 2, "fastlege"), new("general practitioner", 3, "fastlege"),
        new("doctor*", 2, "helse og omsorg"), new("health*", 2, "helse og omsorg"), new("mental health", 3, "psykisk helse"), new("helpline*", 3, "hjelpetelefon"), new("crisis", 2.5, "krise"),
        new("nurse*", 1.5, "helse og omsorg"), new("medical", 1.5, "helse og omsorg"), new("illness", 1.5, "helse og omsorg"), new("injur*", 1.5, "helse og omsorg"), new("violence", 2, "vold"),
        new("coronavirus*", 3, "korona"), new("quarantine", 2, "korona"), new("infection*", 1.5, "korona"), new("vaccin*", 2, "korona"), new("hospital*", 1.5, "helse og omsorg"),
        new("ambulance", 2, "akutt"), new("out of hours", 2.5, "legevakt"), new("accident and emergency", 3, "akutt"), new("a&e", 2.5, "akutt"), new("surgery", 1, "fastlege"),
        new("pharmac*", 1, "helse og omsorg"), new("visiting service", 2.5, "frivillige"), new("tuberculosis", 2.5, "helse og omsorg"),
        // English names of the care services (short English service pages name no illness either)
        new("home help*", 2.5, "helse og omsorg"), new("home-help*", 2.5, "helse og omsorg"), new("practical assistance", 2.5, "helse og omsorg"), new("personal care", 2, "helse og omsorg"), new("home care", 2.5, "helse og omsorg"), new("home nursing", 3, "helse og omsorg"), new("nursing home*", 2.5, "helse og omsorg"),
        new("short-term stay*", 2, "helse og omsorg"), new("day centre*", 2, "helse og omsorg"), new("physiotherap*", 2, "helse og omsorg"), new("occupational therap*", 2, "helse og omsorg"),
        new("dementia", 2, "helse og omsorg"), new("midwi*", 2, "helse og omsorg"), new("care services", 2.5, "helse og omsorg"),

        // Northern Sami
        new("dearvvašvuo*", 3, "helse og omsorg"), new("doavttir*", 2.5, "helse og omsorg"), new("doavttirvákt*", 3, "legevakt"), new("veahki*", 1.5, "hjelpetilbud"), new("veahkki", 1.5, "hjelpetilbud"),
        new("heahte*", 2, "akutt"), new("buohcc*", 2, "helse og omsorg"), new("psyhkalaš*", 3, "psykisk helse"),

        // Polish
        new("zdrowi*", 2.5, "helse og omsorg"), new("lekarz*", 2.5, "helse og omsorg"), new("pogotowi*", 3, "legevakt"), new("pomoc*", 1.5, "hjelpetilbud"), new("kryzys*", 2, "krise"),
        new("psychiczn*", 2.5, "psykisk helse"), new("nagł*", 2, "akutt"), new("chor*", 1.5, "helse og omsorg"),

        // Lithuanian
        new("sveikat*", 2.5, "helse og omsorg"), new("gydytoj*", 2.5, "helse og omsorg"), new("pagalb*", 2, "hjelpetilbud"), new("skubi*", 2, "akutt"), new("psichik*", 2.5, "psykisk helse"),
        new("krizi*", 2, "krise"), new("lig*", 1, "helse og omsorg"),

        // Somali
        new("caafimaad*", 3, "helse og omsorg"), new("dhakhtar*", 2.5, "helse og omsorg"), new("gargaar*", 2, "hjelpetilbud"), new("degdeg*", 2.5, "akutt"), new("caawimaad*", 1.5, "hjelpetilbud"),
        new("maskax*", 2, "psykisk helse"), new("xanuun*", 1.5, "helse og omsorg"),

        // Turkish
        new("sağlı*", 2.5, "helse og omsorg"), new("doktor*", 2.5, "helse og omsorg"), new("hekim*", 2.5, "helse og omsorg"), new("acil*", 2.5, "akutt"), new("yardım*", 1.5, "hjelpetilbud"),
        new("ruh sağlığı", 3, "psykisk helse"), new("hastalı*", 1.5, "helse og omsorg"),

        // Russian / Ukrainian
        new("здоров*", 2.5, "helse og omsorg"), new("врач*", 2.5, "helse og omsorg"), new("помощ*", 1.5, "hjelpetilbud"), new("неотложн*", 3, "legevakt"), new("скор*", 1.5, "akutt"),
        new("психическ*", 2.5, "psykisk helse"), new("кризис*", 2, "krise"), new("лікар*", 2.5, "helse og omsorg"), new("допомог*", 1.5, "hjelpetilbud"), new("невідклад*", 3, "legevakt"),
        new("психічн*", 2.5, "psykisk helse"), new("кризов*", 2, "krise"), new("здоров'я", 2.5, "helse og omsorg"), new("медичн*", 2, "helse og omsorg"), new("медицинск*", 2, "helse og omsorg"),

        // Arabic, Farsi/Dari, Urdu (matched anywhere in a word)
        new("صحة", 2.5, "helse og omsorg"), new("الصحي", 2.5, "helse og omsorg"), new("طبيب", 2.5, "helse og omsorg"), new("طوارئ", 3, "akutt"), new("مساعدة", 1.5, "hjelpetilbud"),
        new("النفسية", 2.5, "psykisk helse"), new("الإسعاف", 2.5, "akutt"), new("سلامت", 2.5, "helse og omsorg"), new("بهداشت", 2.5, "helse og omsorg"), new("پزشک", 2.5, "helse og omsorg"),
        new("اورژانس", 3, "akutt"), new("روان", 2, "psykisk helse"), new("صحت", 2.5, "helse og omsorg"), new("ڈاکٹر", 2.5, "helse og omsorg"), new("ایمرجنسی", 3, "akutt"),
        new("ذہنی", 2.5, "psykisk helse"), new("مدد", 1.5, "hjelpetilbud"), new("بیمار", 1.5, "helse og omsorg"), new("مریض", 1.5, "helse og omsorg"),

        // Tigrinya
        new("ጥዕና", 3, "helse og omsorg"), new("ሓኪም", 2.5, "helse og omsorg"), new("ሓገዝ", 1.5, "hjelpetilbud"), new("ህጹጽ", 2.5, "akutt"), new("ሕማም", 1.5, "helse og omsorg"),
    ];

    private static readonly string[] NegativeTerms = ["stilling", "stillinger", "ledig stilling", "ledige stillinger", "jobb", "vacancy", "søknadsfrist", "kommunestyre*", "formannskap*", "bystyre*", "sakskart*", "saksliste*", "møteplan*", "møtebok*", "møteprotokoll*", "protokoll*", "dagsorden*", "referat*", "budsjett", "høring", "høyring", "anbud", "eiendomsskatt", "byggesak", "reguleringsplan",
        // Opinion sections of newspapers: news about a service is not a help page.
        "meninger", "meiningar", "debatt", "leserbrev", "lesarbrev", "kronikk"];

    private static readonly HelpTermIndex Index = new(Terms);

    private static readonly Regex Negative = Rules.RuleEngine.PhraseRegex(NegativeTerms);

    private static readonly HashSet<string> HealthNumbers = new(StringComparer.Ordinal) { "113", "116117", "116123", "116111", "22400040", "80033321" };

    /// <summary>Judges a page. <paramref name="phones"/> are the page's phone hits (for 113, 116 117 and helplines).</summary>
    public static HelpPageVerdict Evaluate(Uri url, PageText text, IReadOnlyList<DetectorHit> phones, double threshold = DefaultThreshold)
    {
        var reasons = new List<string>();
        double score = 0;

        var path = UrlWords(url);
        var urlTerms = Matches(path);
        if (urlTerms.Count > 0)
        {
            var s = Math.Min(6, urlTerms.Sum(t => t.Weight) * 1.5);
            score += s;
            reasons.Add($"url: {string.Join(", ", urlTerms.Select(t => t.Text.TrimEnd('*')))}");
        }

        var title = text.Title ?? "";
        var titleTerms = Matches(title);
        if (titleTerms.Count > 0)
        {
            score += Math.Min(6, titleTerms.Sum(t => t.Weight) * 1.5);
            reasons.Add($"tittel: {string.Join(", ", titleTerms.Select(t => t.Text.TrimEnd('*')))}");
        }

        var h1 = text.FirstHeading ?? "";
        var h1Terms = Matches(h1);
        if (h1Terms.Count > 0)
        {
            score += Math.Min(6, h1Terms.Sum(t => t.Weight) * 1.5);
            reasons.Add($"overskrift: {string.Join(", ", h1Terms.Select(t => t.Text.TrimEnd('*')))}");
        }

        var headings = string.Join("\n", text.Headings.Select(b => b.Text).Where(t => t != h1));
        var headingTerms = Matches(headings);
        if (headingTerms.Count > 0)
        {
            score += Math.Min(4, headingTerms.Sum(t => t.Weight) * 0.5);
            reasons.Add($"mellomtitler: {string.Join(", ", headingTerms.Select(t => t.Text.TrimEnd('*')).Take(5))}");
        }

        var main = text.In(PageRegion.Main).Where(b => b.HeadingLevel == 0).Select(b => b.Text).ToList();
        var mainText = string.Join("\n", main);
        var words = Math.Max(1, Languages.LanguageDetector.CountTokens(mainText));
        var counts = new Dictionary<HelpTerm, int>();
        if (Index.Count(mainText) is { } termCounts)
        {
            for (var i = 0; i < termCounts.Length; i++)
            {
                if (termCounts[i] > 0)
                {
                    counts[Terms[i]] = termCounts[i];
                }
            }
        }

        if (counts.Count > 0)
        {
            var occurrences = counts.Values.Sum();
            var density = occurrences * 100.0 / words;
            var topics = counts.Keys.Select(t => t.Topic).Distinct().Count();
            var s = Math.Min(8, counts.Sum(kv => kv.Key.Weight * Math.Min(3, kv.Value)) * 0.35) + Math.Min(3, density * 0.5) + Math.Min(2, topics * 0.5);
            score += s;
            reasons.Add($"tekst: {string.Join(", ", counts.OrderByDescending(kv => kv.Value * kv.Key.Weight).Take(6).Select(kv => $"{kv.Key.Text.TrimEnd('*')}×{kv.Value}"))}");
        }

        var numbers = phones.Where(p => (p.Region & (PageRegion.Main | PageRegion.Aside)) != 0 && HealthNumbers.Contains(p.Value)).Select(p => p.Value).Distinct().ToList();
        if (numbers.Count > 0)
        {
            score += Math.Min(6, numbers.Count * 2.5);
            reasons.Add($"nummer: {string.Join(", ", numbers.Select(FormatNumber))}");
        }

        // A surgery's or a care service's own site ("…legesenter.no", "…legekontor.no", "legevakt…").
        if (SiteWords(url) is { Length: > 0 } site)
        {
            score += 6;
            reasons.Add($"nettsted: {site}");
        }

        // A short service page gives its contact details (phone, e-mail) next to few health words: count that as a signal.
        if (counts.Count > 0 && !Negative.IsMatch(title + "\n" + h1 + "\n" + path) && (phones.Any(p => p.Value.Length == 8 && (p.Region & (PageRegion.Main | PageRegion.Aside)) != 0) || mainText.Contains('@', StringComparison.Ordinal)))
        {
            score += 2.5;
            reasons.Add("kontaktinformasjon");
        }

        // A newspaper article (the ".ece" pages of the publishing system most Norwegian newspapers use) is news about a
        // service, never the municipality's help page, however much it says about the legevakt.
        if (url.AbsolutePath.EndsWith(".ece", StringComparison.OrdinalIgnoreCase))
        {
            score -= 20;
            reasons.Add("trekk: avisartikkel");
        }

        var negative = Negative.Matches(title + "\n" + h1 + "\n" + path).Select(m => m.Value.ToLowerInvariant()).Distinct().ToList();
        if (negative.Count > 0)
        {
            score -= 6 * negative.Count;
            reasons.Add($"trekk: {string.Join(", ", negative)}");
        }

        // A page without any health term in its main text (a menu-only page, a portal page) is not a help page, unless the
        // page is only its title and heading (a one-line service page: "Retningsliner for tildeling av helse- og omsorgstenester").
        var headingOnly = main.Count == 0 && (h1Terms.Count > 0 || titleTerms.Count > 0);
        var isHelp = score >= threshold && (counts.Count > 0 || headingOnly);
        return new HelpPageVerdict(isHelp, Math.Round(score, 1), reasons);
    }

    /// <summary>
    /// How promising a link is for a focused crawl of help pages, 0–100 (higher first): help terms in the link text weigh
    /// most, then in the URL path; a link labelled with a priority language scores well too; files, log-ins, calendars,
    /// print/share links and non-page links (mailto:, tel:, javascript:) score low or 0. Pure and cheap.
    /// </summary>
    public static double ScoreLink(string url, string linkText)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return 0;
        }

        var u = url.Trim();
        if (u.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || u.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) ||
            u.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || u.StartsWith('#') || u.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        double score = 10;
        var text = TextNormalizer.OneLine(linkText ?? "");
        var textTerms = Matches(text);
        score += Math.Min(45, textTerms.Sum(t => t.Weight) * 6);

        var path = Uri.TryCreate(u, UriKind.Absolute, out var abs) ? UrlWords(abs) : Words(u);
        var pathTerms = Matches(path);
        score += Math.Min(30, pathTerms.Sum(t => t.Weight) * 4);

        if (Languages.LanguageNames.FromLabel(text) is { } lang && !Languages.LanguageNames.IsNorwegian(lang))
        {
            score += 20;
        }

        var lower = u.ToLowerInvariant();
        if (FileLink().IsMatch(lower))
        {
            score -= 25;
        }

        if (LowValue().IsMatch(lower) || LowValue().IsMatch(InvariantLower.Of(text)))
        {
            score -= 30;
        }

        if (Negative.IsMatch(text) || Negative.IsMatch(path))
        {
            score -= 15;
        }

        return Math.Round(Math.Clamp(score, 0, 100), 1);
    }

    private static List<HelpTerm> Matches(string text)
    {
        var list = new List<HelpTerm>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return list;
        }

        if (Index.Find(text) is not { } found)
        {
            return list;
        }

        for (var i = 0; i < found.Length; i++)
        {
            var term = Terms[i];
            if (found[i] > 0 && !list.Any(t => t.Topic == term.Topic && t.Weight >= term.Weight))
            {
                list.RemoveAll(t => t.Topic == term.Topic);
                list.Add(term);
            }
        }

        return list;
    }

    /// <summary>The URL's path and query as words: "/helse-og-omsorg/legevakt_1" → "helse og omsorg legevakt 1"; %-escapes and ascii spellings decoded.</summary>
    internal static string UrlWords(Uri url) => Words(Uri.UnescapeDataString(url.AbsolutePath + " " + url.Query));

    private static string Words(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            sb.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        // Common ascii spellings in URLs: "parorende", "psykisk-helse", "legevakt", "sjukeheim", "hjemmetjeneste".
        return sb.ToString().Replace("parorende", "pårørende", StringComparison.Ordinal).Replace("parorande", "pårørande", StringComparison.Ordinal)
            .Replace("oyeblikkelig", "øyeblikkelig", StringComparison.Ordinal).Replace("sjolvmord", "sjølvmord", StringComparison.Ordinal);
    }

    private static readonly string[] SiteServiceWords = ["legesenter", "legekontor", "legehus", "legevakt", "helsesenter", "helsestasjon", "frivilligsentral", "helserespons", "rodekors", "redcross"];

    /// <summary>The service word in the site's host name, if any ("granasenlegesenter.no" → "legesenter").</summary>
    internal static string SiteWords(Uri url)
    {
        var host = url.Host;
        foreach (var word in SiteServiceWords)
        {
            if (host.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return word;
            }
        }

        return "";
    }

    private static string FormatNumber(string digits) => digits.Length switch
    {
        6 => digits[..3] + " " + digits[3..],
        8 => string.Join(' ', digits.Chunk(2).Select(c => new string(c))),
        _ => digits,
    };

    /// <summary>The regex meaning of one term (<see cref="HelpTermIndex"/> matches the same; tests compare the two).</summary>
    internal static Regex TermRegex(string term)
    {
        var prefix = term.EndsWith('*');
        var core = Regex.Escape(prefix ? term[..^1] : term).Replace(@"\ ", @"\s+", StringComparison.Ordinal).Replace("-", "[-\\s]?", StringComparison.Ordinal);
        var simple = core.Where(char.IsLetter).All(c => c < '\u0590');
        var pattern = simple
            ? @"(?<![\p{L}\p{N}])" + core + (prefix ? @"[\p{L}\p{N}]*" : "") + @"(?![\p{L}\p{N}])"
            : core;
        return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    [GeneratedRegex(@"\.(?:pdf|docx?|xlsx?|pptx?|zip|jpe?g|png|gif|mp4|mp3|ics)(?:$|[?#])")]
    private static partial Regex FileLink();

    [GeneratedRegex(@"logg[\s-]?inn|login|/min[\s-]?side|minside|/print|utskrift|share|del på|facebook\.com|twitter\.com|x\.com/|linkedin|instagram|youtube|kalender|calendar|arrangement|/sok\b|/search|[?&](?:sort|page|side|q)=", RegexOptions.CultureInvariant)]
    private static partial Regex LowValue();
}
