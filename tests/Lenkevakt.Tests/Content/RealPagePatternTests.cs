using Lenkevakt.Content;
using Lenkevakt.Content.Detectors;
using Lenkevakt.Content.Rules;
using Xunit;

namespace Lenkevakt.Tests.Content;

/// <summary>
/// The phrasing patterns found on real municipal pages (eval/real-pages), each reproduced in our own words: the
/// real-page set needs local texts, these run in CI.
/// </summary>
[Trait("Category", "Unit")]
public sealed class RealPagePatternTests
{
    private static PageContentResult Page(string body, string title = "Helse og omsorg", string lang = "nb", string url = "https://www.example-kommune.no/helse-og-omsorg/side/") =>
        ContentTestHost.EvaluateHtml($"<!doctype html><html lang=\"{lang}\"><head><title>{title}</title></head><body><main><h1>{title}</h1>{body}<p>Her finner du informasjon om helse.</p></main></body></html>", url: url);

    private static RuleOutcome Outcome(PageContentResult r, string rule) => r.Rule(rule)?.Outcome ?? RuleOutcome.NotApplicable;

    /// <summary>A page of only its title, heading and <paramref name="body"/> (no added health sentence): for the help-page gate.</summary>
    private static PageContentResult BarePage(string title, string body, string lang, string url) =>
        ContentTestHost.EvaluateHtml($"<!doctype html><html lang=\"{lang}\"><head><title>{title}</title></head><body><main><h1>{title}</h1>{body}</main></body></html>", url: url);

    [Theory]
    [InlineData("<p>Ta kontakt med fastlegen din. Fastlegekontoret svarer på telefon, og legekontoret har åpent hver dag. Fastlegene har timer.</p>", false)]
    [InlineData("<p>Tildelingskontoret behandler søknaden. Tildelingskontorets saksbehandler kommer på besøk.</p>", false)]
    [InlineData("<p>Ta kontakt med fastlegen din, eller søk om hjemmesykepleie.</p>", true)]
    [InlineData("<p>Kriseteamet kan kalles ut av legevakta.</p>", true)]
    [InlineData("<p>Bor du hjemme, kan du søke om trygghetsalarm. Tjenestekontoret vurderer søknaden.</p>", true)]
    public void Services_Are_Counted_By_Service_Not_By_Word_Form(string body, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body), "kommunale-helsetjenester"));

    [Fact]
    public void Services_In_Other_Languages_Count()
    {
        var pl = Page("<p>Jeśli jesteś chory, zadzwoń do lekarza pierwszego kontaktu albo na pogotowie.</p>", "Informacje o zdrowiu", "pl");
        Assert.Equal(RuleOutcome.Met, Outcome(pl, "kommunale-helsetjenester"));
        var en = Page("<p>Contact the accident and emergency unit when you cannot reach your general practitioner.</p>", "Health services", "en");
        Assert.Equal(RuleOutcome.Met, Outcome(en, "kommunale-helsetjenester"));
    }

    [Theory]
    [InlineData("<p>Utenom kontortid ringer du legevakten på 116 117.</p>")]
    [InlineData("<p>Legevakta hjelper deg når fastlegekontoret ditt er stengt.</p>")]
    [InlineData("<p>Legevakta er for det som ikke kan vente til fastlegen er tilgjengelig igjen.</p>")]
    [InlineData("<p>Trenger du lege utenom fastlegens åpningstider, kontakter du legevakten.</p>")]
    [InlineData("<p>Telefonen er åpen på hverdager. Utenom disse tidene, ring 116117.</p>")]
    public void Out_Of_Hours_Wordings(string body) =>
        Assert.Equal(RuleOutcome.Met, Outcome(Page(body), "legevakt-utenfor-kontortid"));

    [Fact]
    public void Out_Of_Hours_In_English_And_Lithuanian()
    {
        Assert.Equal(RuleOutcome.Met, Outcome(Page("<p>Outside of the working hours of your GP, call the out-of-hours service on 116 117.</p>", "Health", "en"), "legevakt-utenfor-kontortid"));
        Assert.Equal(RuleOutcome.Met, Outcome(Page("<p>Susirgus skambinkite 116117 (visą parą).</p>", "Sveikata", "lt"), "legevakt-utenfor-kontortid"));
    }

    [Fact]
    public void Another_Services_Hours_Next_To_A_Legevakt_Mention_Are_Not_The_Legevakts_Hours()
    {
        var r = Page("<p>Jordmor har åpent mandag til fredag kl. 08.30–14.30.</p><p>Ved akutte hendelser kontakter du legevakt.</p>");
        Assert.Equal(RuleOutcome.NotMet, Outcome(r, "legevakt-utenfor-kontortid"));
    }

    [Theory]
    [InlineData("<p>Hvis det er mulig, skal du alltid ringe fastlegen først.</p>", true)]
    [InlineData("<p>Kontakt med legetenesta: Fastlegen din i opningstida, legevakt når fastlegen ikkje er tilgjengeleg.</p>", true)]
    [InlineData("<p>Fastlegen gir deg vanligvis en time samme dag hvis det haster.</p>", true)]
    [InlineData("<p>Det er fastlegen som kjenner deg best. Dette gjelder også når du blir akutt syk på dagtid.</p>", true)]
    [InlineData("<p>Fastlegen er hovedkontakten din. Legevakten tar seg av akutt sykdom om natten.</p>", false)]
    [InlineData("<p>Utenom fastlegens kontortid ringer du legevakten ved akutt sykdom.</p>", false)]
    [InlineData("<p>Legevakten tar imot akutt syke som ikke kan vente på time hos fastlegen.</p>", false)]
    [InlineData("<p>Ved akutt sykdom kontakter du fastlege, legevakt eller sykehuset.</p>", false)]
    public void Gp_First_In_The_Daytime_Is_Told_From_The_Opposite(string body, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body), "fastlege-dagtid"));

    [Theory]
    [InlineData("<p>Øyeblikkelig hjelp: 113</p>")]
    [InlineData("<ul><li>Legekontoret, tlf. 12 34 56 78</li><li>Akutt 113</li></ul>")]
    [InlineData("<p>Medisinsk nødtelefon 113</p>")]
    public void Emergency_113_After_Short_Intros(string body) =>
        Assert.Equal(RuleOutcome.Met, Outcome(Page(body), "nodnummer-113"));

    [Theory]
    [InlineData("Du når oss på telefon 12 34 56 78 mellom klokken 09.00 og 15.00.")]
    [InlineData("Sentralbord 12 34 56 78 (08.00–15.00)")]
    [InlineData("Teamet nås på 12 34 56 78 kl. 0800–2300.")]
    [InlineData("Legevakta er open for telefonar heile døgnet.")]
    [InlineData("Legevakten er der for deg hele døgnet.")]
    [InlineData("Skambinkite nuo 8 iki 15 val.")]
    public void Opening_Hours_Formats(string text) =>
        Assert.NotEmpty(OpeningHoursDetector.FindInText(text));

    [Theory]
    [InlineData("Legevakten er bemannet med lege hele døgnet andre steder.")]
    [InlineData("Barn fra 8 til 15 år kan delta.")]
    public void Not_Opening_Hours(string text) =>
        Assert.Empty(OpeningHoursDetector.FindInText(text));

    [Theory]
    [InlineData("<p>Helsestasjonen gir råd til foreldre. Tilbudet er frivillig og gratis.</p>", false)]
    [InlineData("<p>Teamet kan hjelpe med å etablere frivillige behandlingsløp ved rusproblemer.</p>", false)]
    [InlineData("<p>Frivilligsentralen formidler besøksvenner til eldre som bor hjemme.</p>", true)]
    public void Frivillig_Meaning_Optional_Is_Not_A_Voluntary_Organisation(string body, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body), "frivillige-organisasjoner"));

    [Theory]
    [InlineData("Read more at www.example-kommune.no about the service.")]
    [InlineData("You can contact us at example-kommune.no or by phone.")]
    public void At_Before_A_Web_Address_Is_Not_An_Email(string text) =>
        Assert.Empty(EmailDetector.FindInText(text));

    [Theory]
    [InlineData("Skriv til postmottak at example-kommune punktum no.", "postmottak@example-kommune.no")]
    [InlineData("E-post: post(at)example-kommune.no", "post@example-kommune.no")]
    public void Spelled_Out_Emails_Still_Count(string text, string expected) =>
        Assert.Contains(EmailDetector.FindInText(text), h => h.Value == expected);

    [Fact]
    public void A_Municipal_Mental_Health_Line_With_Its_Number_Counts_As_A_Helpline()
    {
        var r = Page("<p>Kommunens hjelpetelefon for psykisk helse: 55 12 34 56. Linjen er åpen hver dag.</p>");
        Assert.Equal(RuleOutcome.Met, Outcome(r, "hjelpetelefoner-psykisk-helse"));
        var plain = Page("<p>Har du spørsmål om skolen, ring rektor på 55 12 34 56.</p><p>Helsestasjonen har åpent.</p>");
        Assert.Equal(RuleOutcome.NotMet, Outcome(plain, "hjelpetelefoner-psykisk-helse"));
    }

    [Theory]
    [InlineData("<p>Informasjon om vaksine finner du på mange språk hos helsemyndighetene.</p>")]
    [InlineData("<p>Somali: https://example.org/so<br>Polsk: https://example.org/pl</p>")]
    [InlineData("<p>Velg språk: Bokmål Samisk</p>")]
    [InlineData("<p>Polski</p><p>Det er viktig at du bestiller time før testing.</p>")]
    [InlineData("<p>Informasjonstelefonen er tilgjengelig på språkene polsk, arabisk og somali.</p>")]
    public void Languages_Offered_As_Text(string body) =>
        Assert.Equal(RuleOutcome.Met, Outcome(Page(body), "informasjon-andre-sprak"));

    [Fact]
    public void Short_Service_Pages_Pass_The_Help_Page_Gate()
    {
        var tildeling = ContentTestHost.EvaluateHtml("<html lang=\"nb\"><head><title>Tildelingskontoret</title></head><body><main><h1>Tildelingskontoret</h1><p>Vi behandler søknader om praktisk bistand og trygghetsalarm.</p><p>Telefontid mandag–fredag kl. 10.00–14.00, tlf. 55 12 34 56, e-post post@example-kommune.no</p></main></body></html>", url: "https://www.example-kommune.no/tildelingskontoret/");
        Assert.True(tildeling.IsHelpPage, string.Join(" | ", tildeling.HelpReasons));
        var frivillig = ContentTestHost.EvaluateHtml("<html lang=\"nb\"><head><title>Frivilligsentralen</title></head><body><main><h1>Frivilligsentralen</h1><p>Frivilligsentralen deler ut mat hver onsdag kl. 14–16.</p></main></body></html>", url: "https://www.example-kommune.no/frivilligsentralen/");
        Assert.True(frivillig.IsHelpPage, string.Join(" | ", frivillig.HelpReasons));
        var surgery = ContentTestHost.EvaluateHtml("<html lang=\"nb\"><head><title>Avbestilling</title></head><body><main><h1>Avbestilling</h1><p>Legetimer må avbestilles senest dagen før, ellers må du betale for timen.</p></main></body></html>", url: "https://www.eksempellegesenter.no/avbestilling/");
        Assert.True(surgery.IsHelpPage, string.Join(" | ", surgery.HelpReasons));
    }

    [Theory]
    [InlineData("<p>Står det om liv, ring 113. Pasienter sendes videre til akuttmottaket på sykehuset.</p>", true)]
    [InlineData("<p>Ved akutt sykdom kan du bli henvist til sykehusets akuttmottak.</p>", true)]
    [InlineData("<p>In a serious emergency you may be sent to the emergency department at the hospital.</p>", true)]
    [InlineData("<p>Akutteamet i psykisk helsevern kan kontaktes gjennom legevakten.</p>", false)]
    [InlineData("<p>Akutt: ring 113. AMK sender ambulanse.</p>", false)]
    [InlineData("<p>The Accident &amp; emergency department (Legevakten) accepts patients in need of immediate help.</p>", false)]
    public void Akuttmottak_Is_The_Hospital_Emergency_Department(string body, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body), "akuttmottak"));

    [Fact]
    public void Rule_Set_Has_The_Akuttmottak_Rule_With_A_Norwegian_Title()
    {
        var rule = Assert.Single(RuleSetLoader.LoadEmbedded().Rules, r => r.Id == "akuttmottak");
        Assert.Contains("Akuttmottak", rule.TitleNb, StringComparison.Ordinal);
        Assert.Equal("site", rule.Scope.ToString().ToLowerInvariant());
    }
    [Theory]
    [InlineData("<p>Blir helsa di plutselig dårligere, eller får du en nylig oppstått sykdom, tar du først kontakt med fastlegen.</p>", true)]
    [InlineData("<p>Får du ei endring i helsetilstanden din, ringjer du fastlegen. Kan det ikkje vente, ringjer du legevakta.</p>", true)]
    [InlineData("<p>Legevakt på kvardagane frå kl. 08.00 til 15.30 er ved legekontoret i kommunen.</p>", true)]
    [InlineData("<p>Legesenteret har ø.hjelp timer hver morgen for det som ikke kan vente på en vanlig time.</p>", true)]
    [InlineData("<p>Trenger du en akuttime, ringer du oss rett etter at vi åpner.</p>", true)]
    [InlineData("<p>Er du akutt syk og har ikke fastlegen din i nærheten, kan du ringe legevakten.</p>", false)]
    [InlineData("<p>Legevakta hjelper deg når du ikke er i nærheten av fastlegen, for eksempel på reise med akutt sykdom.</p>", false)]
    [InlineData("<p>Ved akutt behov ringer du legevakten, alternativt fastlegens nummer.</p>", false)]
    public void Gp_Daytime_Constructions_Seen_On_Real_Pages(string body, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body), "fastlege-dagtid"));

    [Theory]
    [InlineData("<p>Vi vil leve gode liv sammen med dem vi er glade i.</p>", false)]
    [InlineData("<p>Leve godt med kols: et kurs for deg som lever med lungesykdom.</p>", false)]
    [InlineData("<p>Har du mistet noen i selvmord, kan du få støtte fra Leve, en forening for etterlatte.</p>", true)]
    [InlineData("<p>Leve – landsforeningen for etterlatte har samtalegrupper.</p>", true)]
    [InlineData("<p>Organisasjonen «Leve» har et eget tilbud til pårørende.</p>", true)]
    public void Leve_Counts_As_The_Organisation_Not_The_Verb(string body, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body), "frivillige-organisasjoner"));

    [Theory]
    [InlineData("<p>Tildelingseininga handsamar søknader om heimehjelp.</p>", true)]
    [InlineData("<p>Du kan søkje om korttidsopphald eller omsorgsbustad. Kvardagsrehabilitering er òg eit tilbod.</p>", true)]
    [InlineData("<p>Heimehjelpa kjem kvar veke. Heimehjelp er gratis.</p>", false)]
    [InlineData("<p>Hjelp i heimen gir deg praktisk hjelp; tildelingseininga handsamar søknaden.</p>", true)]
    public void Nynorsk_Service_Names_Count_Once_Each(string body, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body, "Helse og omsorg", "nn"), "kommunale-helsetjenester"));

    // Rule set 1.3.0: wordings found on the development pages of heldout2/dev (each in our own words).

    [Theory]
    [InlineData("<p>Nattlegevakta held til på sjukehuset i nabokommunen. Legevakta har nummer 116 117.</p>", "nn")]
    [InlineData("<p>På kveld og natt tek legevakta imot pasientar på helsesenteret.</p>", "nn")]
    [InlineData("<p>Legevakten tar imot pasienter på nattetid og i helgene.</p>", "nb")]
    [InlineData("<p>Når fastlegen din ikkje er tilgjengeleg, ringjer du legevakta.</p>", "nn")]
    [InlineData("<p>Vaktlegen er til stede utenom ordinær arbeidstid.</p>", "nb")]
    public void OutOfHours_NightAndEveningWordings_AreMet(string body, string lang) =>
        Assert.Equal(RuleOutcome.Met, Outcome(Page(body, "Helse og omsorg", lang), "legevakt-utenfor-kontortid"));

    [Theory]
    [InlineData("<p>If you fall ill in the evening, the duty doctor at the legevakt can help.</p>")]
    [InlineData("<p>When your GP surgery is closed, phone the out of hours service.</p>")]
    [InlineData("<p>The doctor on call takes patients at weekends.</p>")]
    public void OutOfHours_EnglishEveningAndClosedGpWordings_AreMet(string body) =>
        Assert.Equal(RuleOutcome.Met, Outcome(Page(body, "Health services", "en"), "legevakt-utenfor-kontortid"));

    [Theory]
    [InlineData("Legekontoret stenger kl. 15 på fredager.")]
    [InlineData("Kontoret har langope kvar tysdag til kl 19.")]
    [InlineData("Vakthavande lege er på plass etter kl. 16.00 og i helgene.")]
    [InlineData("The surgery is open 8am to 6pm on weekdays.")]
    [InlineData("Call the practice after 6.30pm at weekends.")]
    public void OpeningHours_SingleTimeWithDayOrOpeningWord_IsFound(string text) =>
        Assert.NotEmpty(OpeningHoursDetector.FindInText(text));

    [Theory]
    [InlineData("Vi tek ikkje imot prøver etter kl. 13 på fredagar.")]
    [InlineData("Søknadsfristen er fredag kl. 12.")]
    [InlineData("Møtet fredag varer til kl 14.")]
    public void OpeningHours_RestrictionsDeadlinesAndMeetings_AreNotOpeningHours(string text) =>
        Assert.Empty(OpeningHoursDetector.FindInText(text));

    [Fact]
    public void HelpGate_VisitingServiceAndSurgeryNoticePages_PassTheGate()
    {
        var visiting = ContentTestHost.EvaluateHtml("<html lang=\"nb\"><head><title>Besøkstjenesten</title></head><body><main><h1>Besøkstjenesten</h1><p>Føler du deg ensom? En besøksvenn fra Røde Kors kan komme hjem til deg en gang i uka.</p></main></body></html>", url: "https://eksempel.rodekors.no/besokstjenesten/");
        Assert.True(visiting.IsHelpPage, string.Join(" | ", visiting.HelpReasons));
        var notice = ContentTestHost.EvaluateHtml("<html lang=\"nb\"><head><title>Viktig melding</title></head><body><main><h1>Viktig melding</h1><p>Legen kan gjøre timen din om til en telefontime. Helsekontroller kan vente.</p></main></body></html>", url: "https://helserespons.no/web/eksempel/sak1/");
        Assert.True(notice.IsHelpPage, string.Join(" | ", notice.HelpReasons));
        var clinic = ContentTestHost.EvaluateHtml("<html lang=\"nn\"><head><title>Endring i rutinar</title></head><body><main><h1>Endring i rutinar</h1><p>Frå 1. mars kan legekontoret ta blodprøver berre tysdag og fredag.</p><p>Legekontoret sender prøvene til laboratoriet med bil.</p><p>Resepten kan hentast på apoteket tysdag og fredag.</p></main></body></html>", url: "https://www.example-kommune.no/?id=1");
        Assert.True(clinic.IsHelpPage, string.Join(" | ", clinic.HelpReasons));
    }

    [Theory]
    [InlineData("<p>Har du spørsmål om vaksinen, ring den nasjonale koronatelefonen 815 55 015.</p>", false)]
    [InlineData("<p>Lurer du på hvem som er fastlegen din, ring Veiledning helsenorge.no på 23 32 70 00.</p>", false)]
    [InlineData("<p>Vil du bytte lege, kan du ringe den nasjonale Fastlegetelefonen 810 59 500.</p>", false)]
    [InlineData("<p>Vaksinekontoret svarer på telefon 51 23 45 67.</p>", true)]
    public void Telefon_NationalInformationLines_AreNotTheServicesOwnNumber(string body, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body), "telefon"));

    // Rule set 1.4.0: causes shown by the heldout3 failures and the recovered development pages (each in our own words).

    [Theory]
    [InlineData("<p>In the daytime, phone your GP surgery. At night the out-of-hours service takes the calls.</p>", true)]
    [InlineData("<p>Your health visitor comes to your home after the birth, and the district nurse can change dressings.</p>", true)]
    [InlineData("<p>For a broken arm go to A&amp;E; for a small cut a walk-in centre will do.</p>", true)]
    [InlineData("<p>Ring your GP first. Most GPs in the town share a huisartsenpost for the weekend.</p>", true)]
    [InlineData("<p>Your GP practice sends the referral, and the GP's nurse takes the blood test.</p>", false)]
    public void Services_EnglishNamesOfServicesAbroad_CountAsDistinctServices(string body, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body, "Health care", "en"), "kommunale-helsetjenester"));

    [Fact]
    public void HelpGate_HeadingOnlyServicePage_PassesTheGate()
    {
        var oneLine = ContentTestHost.EvaluateHtml("<html lang=\"nn\"><head><title>Retningsliner for tildeling av helse- og omsorgstenester</title></head><body><main><h1>Retningsliner for tildeling av helse- og omsorgstenester</h1></main></body></html>", url: "https://www.example-kommune.no/tenester/retningsliner/");
        Assert.True(oneLine.IsHelpPage, string.Join(" | ", oneLine.HelpReasons));
        var building = ContentTestHost.EvaluateHtml("<html lang=\"nb\"><head><title>Byggesak og oppmåling</title></head><body><main><h1>Byggesak og oppmåling</h1></main></body></html>", url: "https://www.example-kommune.no/byggesak/");
        Assert.False(building.IsHelpPage, string.Join(" | ", building.HelpReasons));
    }

    [Theory]
    [InlineData("Dagsenteret er åpent på dagtid, 10-15.", null, true)]
    [InlineData("The surgery answers the phone on weekdays between 9 o'clock in the morning and 4 o'clock in the afternoon.", null, true)]
    [InlineData("Åpent alle hverdager.", "Åpningstider", true)]
    [InlineData("Åpent alle hverdager.", null, false)]
    [InlineData("Ope tre dagar i veka.", "Opningstider", false)]
    [InlineData("Sentralbordet er stengt mellom kl. 12.00 og 12.30.", null, false)]
    [InlineData("Gå 2-3 meter fram til teltet på tirsdag.", null, false)]
    public void OpeningHours_HourOnlyRangesDaysUnderHeadingsAndClosedIntervals(string text, string? heading, bool found) =>
        Assert.Equal(found, OpeningHoursDetector.FindInText(text, heading: heading).Any());

    [Theory]
    [InlineData("<p>The out-of-hours service is for urgent problems when your GP surgery is closed.</p>", false)]
    [InlineData("<p>Urgent means that you cannot wait until your GP is back on Monday.</p>", false)]
    [InlineData("<p>For urgent problems during the day, call your GP.</p>", true)]
    public void GpDaytime_EnglishClosedSurgeryOrCannotWait_IsNotGpFirst(string body, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body, "Health care", "en"), "fastlege-dagtid"));

    [Theory]
    [InlineData("<p>Lægevagten hjælper, når du bliver syg uden for din egen læges åbningstid.</p>", "da")]
    [InlineData("<p>Jourcentralen tar emot patienter på kvällar och helger.</p>", "sv")]
    [InlineData("<p>Buiten kantoortijden belt u de huisartsenpost.</p>", "nl")]
    [InlineData("<p>If your GP practice is closed, call NHS 111 for advice.</p>", "en")]
    public void OutOfHours_DanishSwedishDutchAndNhsWordings_AreMet(string body, string lang) =>
        Assert.Equal(RuleOutcome.Met, Outcome(Page(body, "Helse og omsorg", lang), "legevakt-utenfor-kontortid"));

    [Theory]
    [InlineData("<p>Bij een ernstig ongeluk gaat u naar de spoedeisende hulp van het ziekenhuis.</p>", true)]
    [InlineData("<p>With a suspected broken leg, go straight to A&amp;E at the hospital.</p>", true)]
    [InlineData("<p>The municipal accident and emergency unit is open every night.</p>", false)]
    public void Akuttmottak_InDutchAndAsAnEnglishAAndE(string body, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body, "Health care", "en"), "akuttmottak"));

    [Theory]
    [InlineData("Hvis du bliver syg om aftenen, skal du ringe til lægevagten. Din egen læge har åbent på hverdage, og der kan du få en tid samme dag ved akut sygdom.", "da")]
    [InlineData("Om du blir sjuk på kvällen kan du ringa jourcentralen. Vårdcentralen har öppet på vardagar och tar emot patienter som behöver hjälp samma dag.", "sv")]
    [InlineData("Als u 's avonds ziek wordt, belt u de huisartsenpost. Uw eigen huisarts is overdag bereikbaar en heeft elke dag tijd voor spoed.", "nl")]
    [InlineData("Wenn Sie am Wochenende krank werden, rufen Sie den ärztlichen Bereitschaftsdienst an. Ihre Hausärztin ist von Montag bis Freitag für Sie da.", "de")]
    [InlineData("Hvis du blir syk om kvelden, må du ringe legevakten. Fastlegen din har åpent på hverdager og kan gi deg time samme dag hvis det haster.", "nb")]
    [InlineData("Viss du blir sjuk om kvelden, må du ringje legevakta. Fastlegen din har ope på kvardagar og kan gi deg time same dag dersom det hastar.", "nn")]
    [InlineData("Retningsliner for tildeling av helse- og omsorgstenester", "nn")]
    public void Language_NeighbourLanguagesAndShortNynorskPages_AreToldApart(string text, string expected) =>
        Assert.Equal(expected, Lenkevakt.Content.Languages.LanguageDetector.Default.Detect(text).Code);

    // Rule set 1.5.0: causes shown by the heldout4 failures (each in our own words).
    [Theory]
    [InlineData("<p>Kommunens hukommelsesteam hjelper fastlegen med å utrede demens.</p>", "nb", true)]
    [InlineData("<p>Demenskoordinatoren kan besøke deg heime, og heimetenesta følgjer opp etterpå.</p>", "nn", true)]
    [InlineData("<p>Helsestasjonen og skulehelsetenesta har fått nye telefonnummer.</p>", "nn", true)]
    [InlineData("<p>Hukommelsesteamet og demenskoordinatoren samarbeider tett med demensteamet.</p>", "nb", false)]
    public void Services_MemoryTeamDementiaCoordinatorAndNynorskDefiniteForms_Count(string body, string lang, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body, lang: lang), "kommunale-helsetjenester"));

    [Theory]
    [InlineData("<p>Legevakten vår er lokalisert i akuttmottaket på sykehuset og har åpent hele døgnet.</p>", false)]
    [InlineData("<p>Legevakta flytter for å hindre smitte inn i akuttmottaket der legevakta vanligvis holder til.</p>", false)]
    [InlineData("<p>Legevakten ligger i akuttmottaket. Ved alvorlig skade kan du bli sendt til sykehusets akuttmottak.</p>", true)]
    public void Akuttmottak_TheLegevaktsPremisesInTheEmergencyDepartment_IsNotAnOffer(string body, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body), "akuttmottak"));

    [Theory]
    [InlineData("Egenandel for husstander med inntekt mellom 2 og 3 G: 400 kroner i måneden.", false)]
    [InlineData("Sentralbordet svarer mellom 9 og 15 på hverdager.", true)]
    public void OpeningHours_IncomeBandsInG_AreNotOpeningHours(string text, bool found) =>
        Assert.Equal(found, OpeningHoursDetector.FindInText(text).Any());

    [Theory]
    [InlineData("<ul><li>På kvardagar har legekontoret i bygda dagvakt frå kl. 08 til 16.</li><li>Kveld og natt: ring legevakta på 116 117.</li></ul>", "nn", false)]
    [InlineData("<ul><li>På kvardagar er det dagvakt ved Eksempelvik legekontor frå kl. 08 til 16.</li><li>Kveld og natt: ring legevakta på 116 117.</li></ul>", "nn", true)]
    public void GpDaytime_DayDutyAtTheLocalSurgery_IsGpFirst(string body, string lang, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body, lang: lang), "fastlege-dagtid"));

    [Theory]
    [InlineData("<p>Får du ikke kontakt med legekontoret, kan du ringe legevakten på 116 117.</p>", "nb")]
    [InlineData("<p>If your local doctor's office is closed, call the out-of-hours service.</p>", "en")]
    public void OutOfHours_NoContactWithTheSurgeryOrLocalDoctorClosed_AreMet(string body, string lang) =>
        Assert.Equal(RuleOutcome.Met, Outcome(Page(body, lang: lang), "legevakt-utenfor-kontortid"));

    // Rule set 1.6.0: GP first written as "during opening hours" in English, German GP-first wording, and the opposite
    // "outside your GP's opening hours" (each in our own words).
    [Theory]
    [InlineData("<ul><li>During opening hours, phone your own GP first.</li><li>At night, ring 116 117.</li></ul>", "en", true)]
    [InlineData("<p>Outside your GP's opening hours, ring the out-of-hours service on 116 117.</p>", "en", false)]
    [InlineData("<p>Bei akuten Beschwerden rufen Sie tagsüber zuerst Ihren Hausarzt an.</p>", "de", true)]
    [InlineData("<p>Außerhalb der Sprechzeiten Ihres Hausarztes wählen Sie 116 117.</p>", "de", false)]
    public void GpDaytime_OpeningHoursWordingAndGerman_AreToldFromTheOpposite(string body, string lang, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body, "Health care", lang), "fastlege-dagtid"));

    // Rule set 1.6.0: sentences that name the GP and "acute" but send you elsewhere or are about non-urgent matters.
    [Theory]
    [InlineData("<p>Legevakten tar imot akutte saker på de tidene du ikke kan bruke fastlegen din.</p>", "nb", false)]
    [InlineData("<p>Gå til fastlegen med sjukmelding og kjende plager utan akutt forverring.</p>", "nn", false)]
    [InlineData("<p>Om du ikkje har fastlege i kommunen og treng akutt hjelp, får du hjelp likevel.</p>", "nn", false)]
    [InlineData("<p>På hverdager skal du først og fremst få hjelp hos fastlegen din når noe haster.</p>", "nb", true)]
    public void GpDaytime_GpNamedButNotTheDaytimeUrgentContact_IsNotMet(string body, string lang, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body, lang: lang), "fastlege-dagtid"));

    // Rule set 1.7.0: "outside (of) my / regular office hours" is the out-of-hours message, not GP-first (our own words).
    [Theory]
    [InlineData("<p>Outside of my GP's office hours I phone the out-of-hours service on 116 117.</p>")]
    [InlineData("<p>If you need a doctor outside of regular business hours, the out-of-hours service answers on 116 117.</p>")]
    [InlineData("<p>Outside normal surgery hours, the duty doctor can be reached on 116 117.</p>")]
    public void OutOfHours_OutsideOfMyOrRegularOfficeHours_IsMet_AndIsNotGpFirst(string body)
    {
        var page = Page(body, "Health care", "en");

        Assert.Equal(RuleOutcome.Met, Outcome(page, "legevakt-utenfor-kontortid"));
        Assert.Equal(RuleOutcome.NotMet, Outcome(page, "fastlege-dagtid"));
    }

    // Rule set 1.7.0: staffed hours are opening hours; hours next to a national line only are that line's (our own words).
    [Theory]
    [InlineData("<p>The reception desk is staffed from 0830 to 2300.</p>", "en", true)]
    [InlineData("<p>Sentralbordet er bemannet kl. 07.30–21.00.</p>", "nb", true)]
    [InlineData("<p>Spørsmål om vaksine? Ring den nasjonale koronatelefonen 815 55 015, hverdager kl. 08.00–15.30.</p>", "nb", false)]
    [InlineData("<p>Giftinformasjonen svarar på 22 59 13 00, kvardagar 08.00–15.30.</p>", "nn", false)]
    [InlineData("<p>Helsestasjonen har telefontid på 51 23 45 67 og koronatelefonen 815 55 015, hverdager kl. 08.00–15.30.</p>", "nb", true)]
    public void OpeningHours_StaffedHoursCount_NationalLinesHoursDoNot(string body, string lang, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body, lang: lang), "apningstider"));

    // Rule set 1.7.0: the Poison Information Centre and the elder-abuse line are national lines, not the service's phone.
    [Theory]
    [InlineData("<p>Har barnet svelget noe giftig, ring Giftinformasjonen på 22 59 13 00.</p>", false)]
    [InlineData("<p>Er du bekymret for en eldre person, kan du ringe Vern for eldre på 800 30 196.</p>", false)]
    [InlineData("<p>Hjemmetjenesten svarer på 51 23 45 67, og Giftinformasjonen på 22 59 13 00.</p>", true)]
    public void Telefon_PoisonCentreAndElderLine_AreNotTheServicesOwnNumber(string body, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body), "telefon"));

    // Rule set 1.8.0: services, out-of-hours wording and opening hours in Polish, Lithuanian, Swedish, Danish and English
    // as the heldout6 pages write them (each in our own words).
    [Theory]
    [InlineData("<p>Po godzinach pracy przychodni podstawowej opieki zdrowotnej działa nocna i świąteczna opieka zdrowotna.</p>", "pl", true)]
    [InlineData("<p>Po šeimos gydytojo darbo valandų dirba budintis gydytojas.</p>", "lt", true)]
    [InlineData("<p>Ring hälsocentralen på dagtid. På natten tar jouren emot.</p>", "sv", true)]
    [InlineData("<p>We offer home help, and short-term stays at the nursing home.</p>", "en", true)]
    [InlineData("<p>You can apply for a place at the day centre or for occupational therapy.</p>", "en", true)]
    [InlineData("<p>Short-term stays at the nursing home are arranged by the nursing home itself.</p>", "en", false)]
    public void Services_InOtherLanguages_AsRealPagesNameThem(string body, string lang, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body, "Zdrowie / Sveikata / Hälsa / Health", lang), "kommunale-helsetjenester"));

    [Theory]
    [InlineData("<p>Nocna i świąteczna opieka zdrowotna przyjmuje pacjentów w nocy oraz w soboty, niedziele i święta.</p>", "pl")]
    [InlineData("<p>Budintis gydytojas dirba po šeimos gydytojo darbo valandų.</p>", "lt")]
    [InlineData("<p>Jouren är öppen alla tider på dygnet.</p>", "sv")]
    public void OutOfHours_InPolishLithuanianAndSwedish_IsMet(string body, string lang) =>
        Assert.Equal(RuleOutcome.Met, Outcome(Page(body, "Zdrowie / Sveikata / Hälsa", lang), "legevakt-utenfor-kontortid"));

    [Theory]
    [InlineData("<p>Lægevagten tager imod mellem kl. 16.00 og kl. 08.00.</p>", "da", true)]
    [InlineData("<p>Przychodnia przyjmuje od poniedziałku do piątku między godz. 8.00 a 18.00.</p>", "pl", true)]
    [InlineData("<p>Gydytojas budi darbo dienomis 15-22 val.</p>", "lt", true)]
    [InlineData("<p>Gydytojas konsultuoja vaikus nuo 3 iki 15 metų.</p>", "lt", false)]
    public void OpeningHours_InDanishPolishAndLithuanian_AreFound(string body, string lang, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body, "Sundhed / Zdrowie / Sveikata", lang), "apningstider"));

    [Fact]
    public void Gate_ShortEnglishCareServicePage_IsAHelpPage()
    {
        var page = ContentTestHost.EvaluateHtml("<html lang=\"en\"><head><title>Home-help services</title></head><body><main><h1>Home-help services</h1><p>The municipality offers home help to people who need practical assistance at home.</p><p>Apply through the service office.</p></main></body></html>", url: "https://www.example-kommune.no/home-help-services.html");

        Assert.True(page.IsHelpPage, string.Join(" | ", page.HelpReasons));
    }

    // Rule set 1.8.0: "ikke kan eller bør vente til fastlegen" sends you to the legevakt (not GP-first); "kommer du ikke
    // gjennom, ring 116 117" is out-of-hours wording; the police's 02800 is not the service's phone (our own words).
    [Fact]
    public void GpDaytime_CannotOrShouldNotWaitForTheGp_IsNotGpFirst()
    {
        var page = Page("<p>Legevakta er open heile døgnet for akutt sjukdom som ikkje kan eller bør vente til fastlegen er tilgjengeleg.</p>", lang: "nn");

        Assert.Equal(RuleOutcome.NotMet, Outcome(page, "fastlege-dagtid"));
        Assert.Equal(RuleOutcome.Met, Outcome(page, "legevakt-utenfor-kontortid"));
    }

    [Theory]
    [InlineData("<p>Ring legekontoret først. Kommer du ikke gjennom, ring legevakten på 116 117.</p>", "nb")]
    [InlineData("<p>Om du ikkje kjem igjennom til legekontoret, ring legevakta på 116 117.</p>", "nn")]
    public void OutOfHours_WhenYouCannotGetThrough_IsMet(string body, string lang) =>
        Assert.Equal(RuleOutcome.Met, Outcome(Page(body, lang: lang), "legevakt-utenfor-kontortid"));

    [Fact]
    public void Telefon_PoliceNationalNumber_IsNotTheServicesOwnNumber() =>
        Assert.Equal(RuleOutcome.NotMet, Outcome(Page("<p>Kriseteamet varsles av politiets operasjonssentral, tlf 02800.</p>"), "telefon"));

    // Rule set 1.9.0 (from the heldout7 failures, each in our own words): the legevakt's location is not the hospital's
    // emergency department as an offer; the Danish skadestue and "treatment is provided by hospitals" are.
    [Theory]
    [InlineData("<p>Legevakta er lokalisert ved akuttmottaket på sjukehuset.</p>", "nn", false)]
    [InlineData("<p>Lægevagten ligger sammen med skadestuen på sygehuset.</p>", "da", false)]
    [InlineData("<p>Ved alvorlig skade kjører ambulansen deg til sykehusets akuttmottak.</p>", "nb", true)]
    [InlineData("<p>Akutte skader behandles på skadestuen.</p>", "da", true)]
    [InlineData("<p>In a serious emergency, emergency medical treatment is provided by the hospitals.</p>", "en", true)]
    public void Akuttmottak_AsAnOffer_NotAsTheLegevaktsAddress(string body, string lang, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body, "Akutt hjelp / Akut hjælp / Emergency", lang), "akuttmottak"));

    [Theory]
    [InlineData("<p>Tjenesten ytes 24 timer i døgnet.</p>", true)]
    [InlineData("<p>Hjemmesykepleien gis hele døgnet.</p>", true)]
    [InlineData("<p>Alarmen kan brukes hele døgnet.</p>", false)]
    public void OpeningHours_ServiceGivenAroundTheClock_Counts(string body, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body), "apningstider"));

    [Fact]
    public void Gate_GermanOnCallServicePage_IsAHelpPage()
    {
        var page = ContentTestHost.EvaluateHtml("<html lang=\"de\"><head><title>Ärztlicher Bereitschaftsdienst</title></head><body><main><h1>Ärztlicher Bereitschaftsdienst</h1><p>Wenn Ihre Hausarztpraxis geschlossen ist, hilft der ärztliche Bereitschaftsdienst unter 116117.</p><p>In lebensbedrohlichen Fällen wählen Sie 112.</p></main></body></html>", url: "https://www.example.de/bereitschaftsdienst.php");

        Assert.True(page.IsHelpPage, string.Join(" | ", page.HelpReasons));
    }

    // Rule set 1.10.0 (from the heldout7 failures, in our own words): Swedish and Danish pages send urgent daytime needs
    // to the vårdcentral / one's own doctor ("akuttider samma dag", "egen læge i dagtiden"); the opposite sentence (when
    // the surgery is closed, call the out-of-hours line) is not it.
    [Theory]
    [InlineData("<p>Vid akuta besvär ringer du vårdcentralen på morgonen, vi har akuttider samma dag.</p>", "sv", true)]
    [InlineData("<p>Behöver du träffa en läkare snabbt, kontakta din vårdcentral på dagtid.</p>", "sv", true)]
    [InlineData("<p>Bliver du akut syg i dagtiden, skal du ringe til din egen læge.</p>", "da", true)]
    [InlineData("<p>Husk: ring til egen læge først.</p>", "da", true)]
    [InlineData("<p>När vårdcentralen är stängd och du behöver akut vård samma dag, ring 1177.</p>", "sv", false)]
    [InlineData("<p>Uden for din læges åbningstid ringer du ved akut sygdom til lægevagten.</p>", "da", false)]
    [InlineData("<p>Når din egen læge har lukket og du bliver akut syg, ring 1813.</p>", "da", false)]
    public void FastlegeDagtid_SwedishAndDanishDoctorFirst(string body, string lang, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body, "Vård och hjälp / Lægehjælp", lang), "fastlege-dagtid"));

    // Rule set 1.11.0 (from the heldout8 failures, in our own words): German pages about the on-call service name the
    // GP, the on-call service and the emergency department in words the lexicons lacked.
    [Fact]
    public void German_OnCallPage_NamesServicesOutOfHoursAndTheEmergencyDepartment()
    {
        var page = Page("<p>Ist Ihre Hausarztpraxis geschlossen, hilft Ihnen der ärztliche Bereitschaftsdienst weiter.</p>"
            + "<p>Der Bereitschaftsdienst ist nachts, am Wochenende und an Feiertagen unter 116117 erreichbar.</p>"
            + "<p>Bei lebensbedrohlichen Notfällen wählen Sie 112 oder gehen in die Notaufnahme des Krankenhauses.</p>", "Ärztlicher Bereitschaftsdienst", "de");

        Assert.Equal(RuleOutcome.Met, Outcome(page, "kommunale-helsetjenester"));
        Assert.Equal(RuleOutcome.Met, Outcome(page, "legevakt-utenfor-kontortid"));
        Assert.Equal(RuleOutcome.Met, Outcome(page, "akuttmottak"));
    }

    [Fact]
    public void German_OneServiceNamedTwice_IsNotTwoServices() =>
        Assert.Equal(RuleOutcome.NotMet, Outcome(Page("<p>Fragen Sie Ihren Hausarzt. Die Hausarztpraxis berät Sie gern.</p>", "Gesundheit", "de"), "kommunale-helsetjenester"));

    [Theory]
    [InlineData("Kyrkja si besøksteneste", "<p>Besøkstenesta er for deg som ønskjer besøk. Ein besøksven kjem heim til deg ein gong i veka. Ta kontakt med diakonen på telefon 55 44 33 22.</p>", "nn", "https://www.kyrkja-testvik.no/besoksteneste/", true)]
    [InlineData("Besøgstjeneste", "<p>Kirkens besøgstjeneste giver dig en besøgsven, hvis du sidder meget alene. Ring til kirkekontoret på 33 22 11 00.</p>", "da", "https://www.testkirke.dk/aktiviteter/besoegstjeneste/", true)]
    [InlineData("Dagsorden og referat: Sundheds- og omsorgsudvalget", "<p>Punkt 3: Sundhedscentret og hjemmeplejen. Udvalget godkender budgettet for sundhed og omsorg.</p>", "da", "https://www.testkommune.dk/dagsorden-og-referat/moeder/sundheds-og-omsorgsudvalget/", false)]
    public void Gate_VisitingServicesAndCommitteeAgendas(string title, string body, string lang, string url, bool help)
    {
        var page = BarePage(title, body, lang, url);

        Assert.True(help == page.IsHelpPage, string.Join(" | ", page.HelpReasons));
    }

    // Rule set 1.12.0 (from the heldout9 failures, in our own words).
    [Theory]
    [InlineData("<p>Har du feber, blir du testa ved luftvegsklinikken. Andre pasientar tek kontakt med legekontoret.</p>", "nn", true)]
    [InlineData("<p>Kommunelegekontoret har oppretta ein eigen luftvegspoliklinikk for pasientar med hoste.</p>", "nn", true)]
    [InlineData("<p>Luftveisklinikken og infeksjonsklinikken er samme sted.</p>", "nb", false)]
    [InlineData("<p>Hjemmehjelp er hjelp i hjemmet til praktiske oppgaver. Søk om hjemmehjelp hos kommunen.</p>", "nb", false)]
    public void Services_RespiratoryClinicsAndHomeHelp(string body, string lang, bool met)
    {
        var result = Page(body, "Tenester", lang).Rule("kommunale-helsetjenester");
        Assert.True((met ? RuleOutcome.Met : RuleOutcome.NotMet) == result?.Outcome, result?.Evidence);
    }

    [Fact]
    public void Services_EnglishMaternityAndChildClinics_AndPolishGpAndPhysiotherapy()
    {
        var en = Page("<p>The maternity clinic follows you during pregnancy. Child health clinics look after children until school age.</p>", "Clinics for families", "en");
        Assert.Equal(RuleOutcome.Met, Outcome(en, "kommunale-helsetjenester"));
        var pl = Page("<p>Każdy mieszkaniec ma prawo do lekarza stałego kontaktu. Za fizjoterapię płaci się część kosztów.</p>", "Lekarz w Norwegii", "pl");
        Assert.Equal(RuleOutcome.Met, Outcome(pl, "kommunale-helsetjenester"));
    }

    [Theory]
    [InlineData("<p>På denne linja sit rettleiarar som svarar på norsk, engelsk og arabisk.</p>", "nb", true)]
    [InlineData("<p>Les råd og informasjon om vaksinen. Read advice and information in English about the vaccine.</p>", "nb", true)]
    [InlineData("<p>Information about the vaccine (see the separate section for English).</p>", "nb", true)]
    [InlineData("<p>Legen svarer på spørsmål om vaksinen på telefon.</p>", "nb", false)]
    public void OtherLanguages_OfferedInASentence(string body, string lang, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body, "Vaksine", lang), "informasjon-andre-sprak"));

    [Theory]
    [InlineData("<p>You need a referral for the hospital accident and emergency clinic.</p>", true)]
    [InlineData("<p>At night, call 113 or go straight to the nearest emergency hospital.</p>", true)]
    [InlineData("<p>Urgent cases such as burns or poisoning should be referred to a hospital.</p>", true)]
    [InlineData("<p>Call the accident and emergency clinic (legevakt) on 116 117.</p>", false)]
    public void Akuttmottak_InEnglishGuides(string body, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body, "Health care", "en"), "akuttmottak"));

    [Theory]
    [InlineData("Søk om äldreomsorg", "<p>Du kan söka om hemtjänst, trygghetslarm och korttidsboende. En biståndshandläggare ringer dig.</p>", "sv", "https://www.testkommun.se/omsorg/sok-aldreomsorg/", true)]
    [InlineData("Omsorgsbustad", "<p>Eldre og sjuke kan søkje om omsorgsbustad. Du får pleie- og omsorgstenester og heimetenester der.</p>", "nn", "https://www.testvik.kommune.no/bustad/omsorgsbustad/", true)]
    [InlineData("Tuberculosis test", "<p>Everyone arriving from a country with much tuberculosis must be tested. Talk to the doctor to get an appointment at the hospital.</p>", "en", "https://www.testvik.kommune.no/refugees/tb-test/", true)]
    public void Gate_SwedishElderlyCare_HousingWithCare_AndTbScreening(string title, string body, string lang, string url, bool help)
    {
        var page = BarePage(title, body, lang, url);

        Assert.True(help == page.IsHelpPage, string.Join(" | ", page.HelpReasons));
    }

    // Rule set 1.13.0 (from the heldout10 failures, in our own words).
    [Theory]
    [InlineData("<p>Utenfor legesenterets åpningstid ringer du legevakt på 116 117.</p>", "nb", true)]
    [InlineData("<p>Legevakta skal gi innbyggjarane helsehjelp utanom ordinær kontortid.</p>", "nn", true)]
    [InlineData("<p>Legevakta held til i same bygg som legekontoret.</p>", "nn", false)]
    public void OutOfHours_OutsideTheSurgerysOwnHours(string body, string lang, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body, "Legevakt", lang), "legevakt-utenfor-kontortid"));

    [Theory]
    [InlineData("<p>Luftveisvakta tar imot pasienter med feber. Andre kontakter legesenteret.</p>", "nb", "Legetjenesten", true)]
    [InlineData("<p>Du kan ansöka om hemtjänst och trygghetslarm.</p>", "sv", "Stöd i hemmet", true)]
    [InlineData("<p>The health centre works closely with the general practitioners in the municipality.</p>", "en", "Health centre", true)]
    public void Services_RespiratoryWatch_SwedishHomeCare_AndGpsInThePlural(string body, string lang, string title, bool met) =>
        Assert.Equal(met ? RuleOutcome.Met : RuleOutcome.NotMet, Outcome(Page(body, title, lang), "kommunale-helsetjenester"));

    [Fact]
    public void Telefon_TheNationalDementiaLineIsNotTheServicesPhone() =>
        Assert.Equal(RuleOutcome.NotMet, Outcome(Page("<p>Demenskoordinatoren gir råd til pårørende. Du kan også ringe Demenslinjen på 23 12 00 40.</p>", "Demensomsorg"), "telefon"));

    [Theory]
    [InlineData("Legevakta flyttar", "<p>Legevakta flyttar til nye lokale i sentrum. Legevakta får betre plass, og legane på legevakta er nøgde. Ring 116 117.</p>", "nn", "https://www.testavisa.no/nyheiter/2021/05/01/Legevakta-flyttar-12345678.ece", false)]
    [InlineData("Legevakta flyttar", "<p>Legevakta flyttar til nye lokale i sentrum. Legevakta får betre plass, og legane på legevakta er nøgde. Ring 116 117.</p>", "nn", "https://www.testvik.kommune.no/aktuelt/legevakta-flyttar/", true)]
    [InlineData("Students arriving in Volda asked to test", "<p>Students arriving in Volda from abroad are asked to take a covid-19 test. The college in Volda and the town of Volda hope to keep the infection numbers low. Volda campus opens on Monday; Volda welcomes you.</p>", "en", "https://www.testcollege.no/english/news/students-arriving-asked-to-test", false)]
    public void Gate_NewspaperArticlesAndThePlaceNameVolda(string title, string body, string lang, string url, bool help)
    {
        var page = BarePage(title, body, lang, url);

        Assert.True(help == page.IsHelpPage, page.HelpScore + ": " + string.Join(" | ", page.HelpReasons));
    }
}
