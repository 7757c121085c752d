from chrome import fjordvik

SITE = dict(site="kommune-fjordvik", kind="municipality")
BASE = "https://www.fjordvik.kommune.no"

PAGES = []

PAGES.append(dict(SITE, file="fjordvik-legevakt.html", url=BASE + "/helse-og-omsorg/legevakt/", declared="nb", lang="nb", help=True,
    met=["kommunale-helsetjenester", "fastlege-dagtid", "legevakt-116117", "legevakt-utenfor-kontortid", "nodnummer-113",
         "informasjon-andre-sprak", "telefon", "besoksadresse", "apningstider"],
    html=fjordvik("Legevakt", """
<h1>Legevakt</h1>
<p class="ingress">Fjordvik legevakt gir øyeblikkelig hjelp når fastlegen er stengt. Ring alltid før du kommer.</p>
<div class="factbox factbox--alert"><p><strong>Ved livstruende sykdom eller skade: ring 113.</strong></p></div>
<h2>Ring 116 117 før du møter opp</h2>
<p>Legevaktnummeret 116 117 er det samme i hele landet. Du blir satt over til legevakten som ligger nærmest der du er. En sykepleier vurderer hvor raskt du trenger hjelp, og gir deg råd eller en time.</p>
<p>På dagtid skal du kontakte fastlegen din. Legekontorene har egne timer for pasienter som trenger hjelp samme dag.</p>
<h2>Åpningstider</h2>
<table class="table">
<caption>Åpningstider for Fjordvik legevakt</caption>
<thead><tr><th>Dag</th><th>Åpent</th></tr></thead>
<tbody>
<tr><td>Mandag&ndash;fredag</td><td>15.30&ndash;08.00</td></tr>
<tr><td>Lørdag, søndag og helligdager</td><td>Hele døgnet</td></tr>
</tbody>
</table>
<h2>Her finner du oss</h2>
<p>Besøksadresse: Sjukehusvegen 12, 8005 Fjordvik. Inngangen er på baksiden av bygget, ved ambulansestasjonen.</p>
<p>Direkte telefon til legevaktens ekspedisjon (ikke for akutt hjelp): 75 11 22 33.</p>
<h2>Hva koster det?</h2>
<p>Du betaler egenandel etter statens satser. Barn under 16 år betaler ikke egenandel. Ta med legitimasjon.</p>
""")))

PAGES.append(dict(SITE, file="fjordvik-fastlege.html", url=BASE + "/helse-og-omsorg/fastlege/", declared="nb", lang="nb", help=True,
    met=["kommunale-helsetjenester", "fastlege-dagtid", "legevakt-116117", "legevakt-utenfor-kontortid", "nodnummer-113",
         "informasjon-andre-sprak", "telefon", "besoksadresse", "apningstider"],
    html=fjordvik("Fastlege", """
<h1>Fastlege</h1>
<p class="ingress">Alle som bor i Norge, har rett til en fast lege. Fastlegen skal hjelpe deg med de fleste helseplager og henvise deg videre når det trengs.</p>
<h2>Bytte fastlege</h2>
<p>Du kan bytte fastlege to ganger i året. Det gjør du enklest på helsenorge.no eller ved å ringe Fastlegetelefonen.</p>
<h2>Når du blir akutt syk</h2>
<p>Hvis du blir akutt syk på dagtid, skal du ringe fastlegen din. Legekontorene setter av tid til øyeblikkelig hjelp hver dag, så ring så tidlig som mulig.</p>
<h2>Legekontorene i Fjordvik</h2>
<ul class="contact-list">
<li><strong>Fjordvik legesenter</strong>, Storgata 4, 8000 Fjordvik. Tlf. 75 12 34 00. Telefontid man&ndash;fre kl. 08.00&ndash;15.00.</li>
<li><strong>Nordbyen legekontor</strong>, Nordbyvegen 21, 8010 Fjordvik. Tlf. 75 12 50 50. Telefontid mandag til fredag kl. 8&ndash;15.</li>
</ul>
<h2>Når legekontoret er stengt</h2>
<p>Ring legevakten på 116 117 om kvelden, natten og i helgen.</p>
""")))

PAGES.append(dict(SITE, file="fjordvik-psykisk-helse.html", url=BASE + "/helse-og-omsorg/psykisk-helse-og-rus/", declared="nb", lang="nb", help=True,
    met=["kommunale-helsetjenester", "legevakt-116117", "nodnummer-113", "hjelpetelefoner-psykisk-helse", "frivillige-organisasjoner",
         "informasjon-andre-sprak", "klart-sprak", "telefon", "e-post", "apningstider"],
    html=fjordvik("Psykisk helse og rus", """
<h1>Psykisk helse og rus</h1>
<p class="ingress">Trenger du noen å snakke med? Kommunens psykiske helsetjeneste har samtaletilbud for voksne som sliter med angst, depresjon, ensomhet eller bruk av rusmidler.</p>
<h2>Slik får du hjelp</h2>
<p>Du trenger ikke henvisning fra lege. Ta kontakt med oss direkte, så finner vi sammen ut hva som kan hjelpe. Du kan også snakke med fastlegen din.</p>
<p>Ring oss på <a href="tel:+4775130000">75 13 00 00</a> (mandag til fredag kl. 8&ndash;15.30), eller send e-post til <a href="mailto:psykiskhelse@fjordvik.kommune.no">psykiskhelse@fjordvik.kommune.no</a>. Ikke send sensitive opplysninger på e-post.</p>
<p>Vi holder til i andre etasje på Fjordvik helsehus.</p>
<h2>Hjelpetelefoner</h2>
<ul>
<li>Mental Helse hjelpetelefonen: 116 123 (hele døgnet)</li>
<li>Kirkens SOS: 22 40 00 40</li>
<li>Alarmtelefonen for barn og unge: 116 111</li>
</ul>
<h2>Andre tilbud</h2>
<p>Mental Helse Fjordvik har likepersontreff hver torsdag i kafeen på frivilligsentralen.</p>
<p><a href="/helse-og-omsorg/psykisk-helse-og-rus/lettlest/">Lettlest: Psykisk helse &ndash; enkelt forklart</a></p>
""")))

PAGES.append(dict(SITE, file="fjordvik-byggesak.html", url=BASE + "/bolig-og-eiendom/byggesak/", declared="nb", lang="nb", help=False, met=[],
    html=fjordvik("Byggesak", """
<h1>Byggesak</h1>
<p class="ingress">Skal du bygge, rive eller endre bruken av et bygg? Her finner du informasjon om når du må søke og hvordan du sender søknaden.</p>
<h2>Må jeg søke?</h2>
<p>Mange mindre tiltak, som en frittliggende bod under 15 kvadratmeter, kan du gjøre uten å søke. Du må likevel følge reglene i plan- og bygningsloven og kommunens arealplan.</p>
<h2>Send søknad</h2>
<p>Søknaden sender du elektronisk gjennom Byggsøk eller en annen godkjent søknadsløsning. Behandlingstiden er normalt tre uker for enkle tiltak og tolv uker for større tiltak.</p>
<h2>Kontakt byggesaksavdelingen</h2>
<p>Telefon 75 14 00 00, telefontid mandag&ndash;fredag kl. 09.00&ndash;14.00. Besøksadresse: Rådhusplassen 1, 8000 Fjordvik.</p>
""")))

PAGES.append(dict(SITE, file="fjordvik-forside.html", url=BASE + "/", declared="nb", lang="nb", help=False, met=[],
    html=fjordvik("Forside", """
<h1 class="visually-hidden">Fjordvik kommune</h1>
<section class="quick-links"><h2>Snarveier</h2>
<ul class="tiles">
<li><a href="/helse-og-omsorg/legevakt/">Legevakt</a></li><li><a href="/helse-og-omsorg/fastlege/">Fastlege</a></li>
<li><a href="/barnehage-og-skole/skolerute/">Skolerute</a></li><li><a href="/bolig-og-eiendom/renovasjon/">Tømmekalender</a></li>
<li><a href="/politikk-og-organisasjon/ledige-stillinger/">Ledige stillinger</a></li><li><a href="/kultur-og-fritid/bibliotek/">Biblioteket</a></li>
</ul></section>
<section class="news"><h2>Aktuelt</h2>
<article class="news-item"><h3><a href="/aktuelt/ny-badeplass/">Ny badeplass åpner i Fjordvika</a></h3><p>Den nye badeplassen ved Fjordvika er klar til sommeren, med brygge, sandstrand og universelt utformet sti.</p></article>
<article class="news-item"><h3><a href="/aktuelt/kommunestyret-juni/">Kommunestyret møtes 13. juni</a></h3><p>Saker om skolestruktur og ny gang- og sykkelvei står på sakskartet. Møtet kan følges direkte på nett.</p></article>
<article class="news-item"><h3><a href="/aktuelt/vannledning/">Arbeid på vannledning i Storgata</a></h3><p>Beboere i Storgata kan oppleve lavt vanntrykk mellom klokken 09 og 14 neste uke.</p></article>
</section>
""")))

PAGES.append(dict(SITE, file="fjordvik-english.html", url=BASE + "/english/health/", declared="en", lang="en", help=True,
    met=["kommunale-helsetjenester", "fastlege-dagtid", "legevakt-116117", "legevakt-utenfor-kontortid", "nodnummer-113",
         "hjelpetelefoner-psykisk-helse", "frivillige-organisasjoner", "informasjon-andre-sprak", "e-post", "apningstider"],
    html=fjordvik("Health services in Fjordvik", """
<h1>Health services in Fjordvik</h1>
<p class="ingress">This page explains where to get medical help in Fjordvik municipality, in English.</p>
<h2>Emergencies</h2>
<p>If someone is seriously ill or injured and their life may be in danger, call 113 for an ambulance.</p>
<h2>Your GP (fastlege)</h2>
<p>During the day, contact your GP (fastlege) if you need urgent help. Everyone who lives in Norway is entitled to a regular GP.</p>
<h2>Emergency room (legevakt)</h2>
<p>Outside office hours, call the emergency room (legevakt) on 116 117 before you go there. The emergency room is open evenings, nights and weekends.</p>
<p>Opening hours: Monday&ndash;Friday 15:30&ndash;08:00, Saturday and Sunday around the clock.</p>
<h2>Someone to talk to</h2>
<p>Mental Helse helpline: 116 123. Kirkens SOS: 22 40 00 40. Both answer in Norwegian, and often in English.</p>
<p>Questions about municipal services? Write to us at postmottak@fjordvik.kommune.no.</p>
""", lang="en", head_extra="""<link rel="alternate" hreflang="en" href="https://www.fjordvik.kommune.no/english/health/">
<link rel="alternate" hreflang="nb" href="https://www.fjordvik.kommune.no/helse-og-omsorg/">""")))

PAGES.append(dict(SITE, file="fjordvik-helse-og-omsorg.html", url=BASE + "/helse-og-omsorg/", declared="nb", lang="nb", help=True,
    met=["kommunale-helsetjenester", "legevakt-116117", "nodnummer-113", "frivillige-organisasjoner", "informasjon-andre-sprak",
         "telefon", "e-post", "besoksadresse", "apningstider"],
    html=fjordvik("Helse og omsorg", """
<h1>Helse og omsorg</h1>
<p class="ingress">Kommunen gir helse- og omsorgstjenester til alle som bor i Fjordvik, fra helsestasjon for de minste til hjemmetjenester og sykehjem for eldre.</p>
<div class="link-list">
<ul>
<li><a href="/helse-og-omsorg/fastlege/">Fastlege</a></li>
<li><a href="/helse-og-omsorg/legevakt/">Legevakt</a></li>
<li><a href="/helse-og-omsorg/helsestasjon/">Helsestasjon og skolehelsetjeneste</a></li>
<li><a href="/helse-og-omsorg/hjemmetjenester/">Hjemmesykepleie og praktisk bistand</a></li>
<li><a href="/helse-og-omsorg/psykisk-helse-og-rus/">Psykisk helse og rus</a></li>
<li><a href="/helse-og-omsorg/frivillighet/">Frivillige tilbud og frivilligsentralen</a></li>
</ul>
</div>
<p>Søknad om helse- og omsorgstjenester sendes til tildelingskontoret. Vi vurderer behovet ditt og svarer skriftlig.</p>
<p><a href="/english/health/" hreflang="en">Information in English</a> &middot; <a href="/polski/zdrowie/">Informacja po polsku</a></p>
<aside class="contact-box">
<h2>Tildelingskontoret</h2>
<p>Telefon: 75 15 00 00<br>E-post: <a href="mailto:tildeling@fjordvik.kommune.no">tildeling@fjordvik.kommune.no</a><br>
Besøksadresse: Rådhusplassen 1, 8000 Fjordvik<br>Åpent man&ndash;fre 09.00&ndash;14.00</p>
</aside>
""", head_extra="""<link rel="alternate" hreflang="nb" href="https://www.fjordvik.kommune.no/helse-og-omsorg/">
<link rel="alternate" hreflang="en" href="https://www.fjordvik.kommune.no/english/health/">""")))

PAGES.append(dict(SITE, file="fjordvik-polski.html", url=BASE + "/polski/zdrowie/", declared="pl", lang="pl", help=True,
    met=["kommunale-helsetjenester", "fastlege-dagtid", "legevakt-116117", "legevakt-utenfor-kontortid", "nodnummer-113",
         "hjelpetelefoner-psykisk-helse", "frivillige-organisasjoner", "informasjon-andre-sprak"],
    html=fjordvik("Zdrowie - informacje po polsku", """
<h1>Opieka zdrowotna w gminie Fjordvik</h1>
<p class="ingress">Na tej stronie znajdziesz najważniejsze informacje o tym, gdzie szukać pomocy medycznej w gminie Fjordvik.</p>
<h2>Nagłe wypadki</h2>
<p>W nagłych wypadkach zagrażających życiu dzwoń pod numer alarmowy 113.</p>
<h2>Lekarz rodzinny (fastlege)</h2>
<p>Każdy mieszkaniec Norwegii ma prawo do stałego lekarza rodzinnego. W ciągu dnia, jeśli potrzebujesz pilnej pomocy, zadzwoń do swojego lekarza rodzinnego (fastlege).</p>
<h2>Pogotowie lekarskie (legevakt)</h2>
<p>Pogotowie lekarskie jest czynne wieczorem, w nocy i w weekendy. Zanim tam pojedziesz, zadzwoń pod numer 116 117.</p>
<h2>Wsparcie psychiczne</h2>
<p>Jeśli potrzebujesz z kimś porozmawiać, możesz zadzwonić na telefon zaufania Mental Helse: 116 123. Rozmowa jest bezpłatna i anonimowa.</p>
""", lang="pl", head_extra="""<link rel="alternate" hreflang="pl" href="https://www.fjordvik.kommune.no/polski/zdrowie/">
<link rel="alternate" hreflang="nb" href="https://www.fjordvik.kommune.no/helse-og-omsorg/">""")))
