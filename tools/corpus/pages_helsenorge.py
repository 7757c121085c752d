from chrome import helsenorge

SITE = dict(site="helsenorge", kind="helsenorge")
BASE = "https://www.helsenorge.no"
# The footer links to "Information in English" on every page.
FOOTER = ["informasjon-andre-sprak"]

PAGES = []

PAGES.append(dict(SITE, file="helsenorge-legevakt.html", url=BASE + "/legevakt/", declared="nb", lang="nb", help=True,
    met=FOOTER + ["fastlege-dagtid", "legevakt-116117", "nodnummer-113"],
    html=helsenorge("Legevakt", """
<article class="hn-article">
<h1>Legevakt</h1>
<p class="hn-lead">Legevakten gir hjelp når det ikke kan vente til fastlegen har åpent. Ring legevakten før du drar dit.</p>
<section class="hn-section"><h2>Slik kontakter du legevakten</h2>
<p>Ring legevakten på <a href="tel:116117">116 117</a> hvis du trenger hjelp når fastlegekontoret er stengt. Nummeret er gratis og virker i hele landet.</p>
<p>På dagtid skal du ta kontakt med fastlegen din dersom det haster.</p></section>
<section class="hn-section hn-section--alert"><h2>Når det er fare for liv</h2>
<p>Ring 113 ved akutt sykdom eller ulykke der det kan være fare for liv.</p></section>
<section class="hn-section"><h2>Hva koster det?</h2>
<p>Du betaler egenandel for legevakt. Barn under 16 år betaler ikke. Egenandelen teller med i egenandelstaket for frikort.</p></section>
</article>
""")))

PAGES.append(dict(SITE, file="helsenorge-hjelpetelefoner.html", url=BASE + "/psykisk-helse/hjelpetelefoner/", declared="nb", lang="nb", help=True,
    met=FOOTER + ["nodnummer-113", "hjelpetelefoner-psykisk-helse"],
    html=helsenorge("Hjelpetelefoner og chattetjenester", """
<article class="hn-article">
<h1>Hjelpetelefoner og chattetjenester</h1>
<p class="hn-lead">Det finnes mange steder du kan ringe eller chatte anonymt hvis du trenger noen å snakke med.</p>
<ul class="hn-list">
<li><strong>Mental Helse hjelpetelefonen</strong>: 116 123, døgnåpen. Chat på sidetmedord.no.</li>
<li><strong>Kirkens SOS</strong>: 22 40 00 40, døgnåpen krisetelefon.</li>
<li><strong>Alarmtelefonen for barn og unge</strong>: 116 111, for barn som opplever vold eller omsorgssvikt.</li>
<li><strong>Kors på halsen</strong>: 800 33 321, for barn og unge under 18 år.</li>
</ul>
<p>Er du i akutt fare, eller er noen i livsfare? Ring medisinsk nødtelefon 113.</p>
</article>
""")))

PAGES.append(dict(SITE, file="helsenorge-koronavirus.html", url=BASE + "/koronavirus/", declared="nb", lang="nb", help=True,
    met=FOOTER + ["legevakt-116117", "klart-sprak"],
    html=helsenorge("Koronavirus", """
<article class="hn-article">
<h1>Koronavirus</h1>
<p class="hn-lead">Covid-19 er en sykdom som skyldes koronaviruset. De fleste blir lite syke, men noen trenger behandling.</p>
<h2>Symptomer</h2>
<p>Vanlige symptomer er feber, hoste, sår hals og tung pust. Hold deg hjemme til du føler deg frisk.</p>
<h2>Når bør du kontakte lege?</h2>
<p>Kontakt fastlegen din eller legevakten på 116 117 hvis du blir alvorlig syk, eller hvis du er i en risikogruppe og blir dårligere.</p>
<h2>Vaksine</h2>
<p>Kommunen tilbyr vaksine til personer over 65 år og til personer i risikogrupper. Ta kontakt med kommunen der du bor.</p>
<ul class="hn-links">
<li><a href="/koronavirus/lettlest/">Lettlest informasjon om koronavirus</a></li>
<li><a href="/koronavirus/andre-sprak/">Informasjon på andre språk</a></li>
</ul>
</article>
""")))

PAGES.append(dict(SITE, file="helsenorge-om.html", url=BASE + "/om-helsenorge/personvern/", declared="nb", lang="nb", help=False, met=[],
    html=helsenorge("Personvern og informasjonskapsler", """
<article class="hn-article">
<h1>Personvern og informasjonskapsler</h1>
<p class="hn-lead">Her kan du lese hvordan vi behandler personopplysninger når du bruker nettstedet, og hvilke informasjonskapsler vi bruker.</p>
<h2>Behandlingsansvarlig</h2>
<p>Norsk helsenett SF er behandlingsansvarlig for personopplysninger som behandles i innloggede tjenester. Helsedirektoratet er ansvarlig for det åpne innholdet.</p>
<h2>Informasjonskapsler</h2>
<p>Vi bruker informasjonskapsler for å få nettstedet til å virke og for å lage anonym statistikk. Du kan velge å avvise statistikk-kapsler.</p>
</article>
""")))

PAGES.append(dict(SITE, file="helsenorge-fastlege-nn.html", url=BASE + "/fastlegen/", declared="nn", lang="nn", help=True,
    met=FOOTER + ["fastlege-dagtid", "legevakt-116117"],
    html=helsenorge("Fastlegen din", """
<article class="hn-article">
<h1>Fastlegen din</h1>
<p class="hn-lead">Alle som bur i Noreg, har rett på ein fastlege. Fastlegen skal hjelpe deg når du blir sjuk, og vise deg vidare til spesialist når det trengst.</p>
<h2>Når det hastar</h2>
<p>Treng du augneblinkeleg hjelp på dagtid, skal du ringje fastlegekontoret. Kontoret set av tid til pasientar som må få hjelp same dag.</p>
<p>Er kontoret stengt, ring legevakta på 116 117.</p>
<h2>Byte fastlege</h2>
<p>Du kan byte fastlege to gonger i året. Logg inn på helsenorge for å sjå kven som har ledig plass.</p>
</article>
""", lang="nn")))

PAGES.append(dict(SITE, file="helsenorge-english.html", url=BASE + "/en/emergency-numbers/", declared="en", lang="en", help=True,
    met=FOOTER + ["fastlege-dagtid", "legevakt-116117", "nodnummer-113", "hjelpetelefoner-psykisk-helse"],
    html=helsenorge("Emergency numbers", """
<article class="hn-article">
<h1>Emergency numbers and where to get help</h1>
<p class="hn-lead">Information in English about who to call when you or someone else needs medical help in Norway.</p>
<h2>Medical emergency: 113</h2>
<p>Call 113 if someone is seriously ill or injured and there may be a danger to life. The call is free.</p>
<h2>Out-of-hours medical service: 116 117</h2>
<p>Call 116 117 to reach your local out-of-hours medical service (legevakt) when your GP's surgery is closed.</p>
<h2>Your GP</h2>
<p>If you need urgent medical help during the day, contact your GP.</p>
<h2>Someone to talk to</h2>
<p>The Mental Helse helpline 116 123 and Kirkens SOS on 22 40 00 40 are open day and night.</p>
</article>
""", lang="en")))
