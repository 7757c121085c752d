from chrome import sorbyen

SITE = dict(site="kommune-sorbyen", kind="municipality")
BASE = "https://www.sorbyen.kommune.no"
# Every Sørbyen page has the helpline widget (Kirkens SOS, Mental Helse) in its sidebar.
WIDGET = ["hjelpetelefoner-psykisk-helse", "frivillige-organisasjoner"]

PAGES = []

PAGES.append(dict(SITE, file="sorbyen-vold.html", url=BASE + "/helse/vold-i-naere-relasjoner/", declared="nb", lang="nb", help=True,
    met=WIDGET + ["informasjon-andre-sprak", "telefon", "apningstider"],
    html=sorbyen("Vold i nære relasjoner", """
<header class="entry-header"><h1 class="entry-title">Vold i nære relasjoner</h1></header>
<div class="entry-content">
<p>Vold i nære relasjoner er vold fra noen du kjenner godt, for eksempel en partner, en forelder eller et barn. Volden kan være fysisk, psykisk, seksuell eller økonomisk. Ingen fortjener å bli utsatt for vold.</p>
<p><strong>Er du i akutt fare? Ring politiet på 112.</strong></p>
<h2>Krisesenteret</h2>
<p>Krisesenteret i Sørbyen er åpent hele døgnet, også i helger og høytider. Du kan ringe anonymt og få råd: tlf. 64 80 80 80.</p>
<h2>Andre steder å få hjelp</h2>
<p>Har du vært utsatt for overgrep, kan du få undersøkelse og behandling ved overgrepsmottaket på Sørbyen legevakt, uten å anmelde forholdet.</p>
<p>Familievernkontoret tilbyr samtaler til par og familier: 64 81 00 00.</p>
<p><a href="https://dinutvei.no/en/">Information in English about violence and abuse</a></p>
</div>
""")))

PAGES.append(dict(SITE, file="sorbyen-rus.html", url=BASE + "/helse/rus/", declared="nb", lang="nb", help=True,
    met=WIDGET + ["kommunale-helsetjenester", "klart-sprak", "telefon", "e-post", "besoksadresse", "apningstider"],
    html=sorbyen("Rus og avhengighet", """
<header class="entry-header"><h1 class="entry-title">Rus og avhengighet</h1></header>
<div class="entry-content">
<p>Rustjenesten gir råd og veiledning til deg som har problemer med alkohol, narkotika, medikamenter eller spill, og til pårørende. Du kan være anonym, og du trenger ikke henvisning.</p>
<p>Du kan også snakke med fastlegen din, som kan henvise deg til behandling i spesialisthelsetjenesten.</p>
<h2>Drop-in</h2>
<p>Vi har drop-in hver onsdag kl. 12&ndash;15 på Helsehuset, Kirkegata 3B, 1600 Sørbyen. Ta gjerne med deg noen du stoler på.</p>
<h2>Kontakt</h2>
<p>Ring oss på 64 82 10 00 eller send e-post til <a href="mailto:rus@sorbyen.kommune.no">rus@sorbyen.kommune.no</a>.</p>
<p><a href="/helse/rus/lettlest/">Les lettlest-versjonen av denne siden</a></p>
</div>
""")))

PAGES.append(dict(SITE, file="sorbyen-parorende.html", url=BASE + "/helse/parorende/", declared="nb", lang="nb", help=True,
    met=WIDGET + ["kommunale-helsetjenester", "telefon"],
    html=sorbyen("Pårørende", """
<header class="entry-header"><h1 class="entry-title">Til deg som er pårørende</h1></header>
<div class="entry-content">
<p>Er du pårørende til noen med psykiske plager eller rusproblemer? Mange pårørende bærer på mye alene. Du har rett til informasjon, og du har rett til å bli tatt på alvor.</p>
<p>Kommunens psykisk helse- og rustjeneste og hjemmetjenesten kan gi deg veiledning, avlastning og kurs. Pårørendeskolen holder kurs to ganger i året.</p>
<p>LPP Sørbyen (Landsforeningen for pårørende innen psykisk helse) har samtalegrupper den første mandagen i måneden.</p>
<h2>Kontakt</h2>
<p>Koordinator for pårørende: tlf. 466 12 345.</p>
</div>
""")))

PAGES.append(dict(SITE, file="sorbyen-lettlest-legevakt.html", url=BASE + "/helse/legevakt/lettlest/", declared="nb", lang="nb", help=True,
    met=WIDGET + ["kommunale-helsetjenester", "fastlege-dagtid", "legevakt-116117", "legevakt-utenfor-kontortid", "nodnummer-113", "klart-sprak"],
    html=sorbyen("Lettlest: Legevakten", """
<header class="entry-header"><h1 class="entry-title">Lettlest: Legevakten</h1></header>
<div class="entry-content">
<p>Legevakten er for deg som blir syk om kvelden, om natten eller i helgen.</p>
<p>Ring 116 117. Da får du snakke med en sykepleier. Sykepleieren sier hva du skal gjøre.</p>
<p>Er det fare for livet? Ring 113.</p>
<p>På dagtid ringer du fastlegen din hvis det haster.</p>
<p>Ta med bankkort. Du må betale litt. Barn betaler ikke.</p>
</div>
""")))

PAGES.append(dict(SITE, file="sorbyen-renovasjon.html", url=BASE + "/renovasjon/tommekalender/", declared="nb", lang="nb", help=False, met=[],
    html=sorbyen("Tømmekalender", """
<header class="entry-header"><h1 class="entry-title">Tømmekalender for avfall</h1></header>
<div class="entry-content">
<p>Restavfall hentes annenhver uke. Papir og plast hentes hver fjerde uke. Søk opp adressen din for å se når beholderne dine tømmes.</p>
<p>Beholderen må stå ved veien senest klokken 07.00 på hentedagen, med håndtaket ut mot veien.</p>
<h2>Gjenvinningsstasjonen</h2>
<p>Sørbyen gjenvinningsstasjon, Industrivegen 40, 1605 Sørbyen. Åpent mandag&ndash;fredag 07.00&ndash;19.00, lørdag 09.00&ndash;15.00.</p>
<p>Spørsmål om renovasjon: ring kundeservice på 64 85 00 00.</p>
</div>
""")))

PAGES.append(dict(SITE, file="sorbyen-kommunestyret.html", url=BASE + "/politikk/kommunestyret-vedtok-budsjett-2024/", declared="nb", lang="nb", help=False, met=[],
    html=sorbyen("Kommunestyret vedtok budsjett for 2024", """
<header class="entry-header"><h1 class="entry-title">Kommunestyret vedtok budsjett for 2024</h1></header>
<div class="entry-content">
<p>Kommunestyret i Sørbyen vedtok torsdag budsjettet for 2024 og økonomiplanen for de neste fire årene. Budsjettet har en samlet ramme på 1,9 milliarder kroner.</p>
<p>Helse og omsorg får den største økningen, med 24 millioner kroner ekstra til hjemmetjenester og til drift av den nye legevakten. Skolene får penger til flere lærere på de laveste trinnene.</p>
<p>Formannskapets innstilling ble vedtatt med 27 mot 8 stemmer. Sakspapirene finner du i møteplanen.</p>
</div>
""")))

PAGES.append(dict(SITE, file="sorbyen-turkce.html", url=BASE + "/helse/turkce/", declared="tr", lang="tr", help=True,
    met=WIDGET + ["kommunale-helsetjenester", "fastlege-dagtid", "legevakt-116117", "legevakt-utenfor-kontortid", "nodnummer-113", "informasjon-andre-sprak"],
    html=sorbyen("Sağlık hizmetleri", """
<header class="entry-header"><h1 class="entry-title">Sørbyen Belediyesi: sağlık hizmetleri hakkında bilgi</h1></header>
<div class="entry-content">
<p>Hayati tehlike varsa hemen 113'ü arayın. Ambulans ve acil tıbbi yardım ücretsizdir.</p>
<h2>Aile hekimi (fastlege)</h2>
<p>Gündüz acil yardıma ihtiyacınız olursa aile hekiminizi (fastlege) arayın. Norveç'te yaşayan herkesin bir aile hekimi olma hakkı vardır.</p>
<h2>Nöbetçi acil servis (legevakt)</h2>
<p>Mesai saatleri dışında, akşamları ve hafta sonları nöbetçi acil servise (legevakt) başvurabilirsiniz. Gitmeden önce 116 117 numarasını arayın.</p>
<p>Tercümana ihtiyacınız varsa bunu telefonda söyleyin. Tercüman hizmeti ücretsizdir.</p>
</div>
""", lang="tr")))

PAGES.append(dict(SITE, file="sorbyen-urdu.html", url=BASE + "/helse/urdu/", declared="ur", lang="ur", help=True,
    met=WIDGET + ["kommunale-helsetjenester", "fastlege-dagtid", "legevakt-116117", "legevakt-utenfor-kontortid", "nodnummer-113", "informasjon-andre-sprak"],
    html=sorbyen("صحت کی خدمات", """
<header class="entry-header"><h1 class="entry-title">سوربین میونسپلٹی میں صحت کی خدمات</h1></header>
<div class="entry-content">
<p>اگر کسی کی جان کو خطرہ ہو تو فوراً 113 پر فون کریں۔ ایمبولینس کی سروس مفت ہے۔</p>
<h2>فیملی ڈاکٹر (fastlege)</h2>
<p>دن کے وقت فوری مدد کی ضرورت ہو تو اپنے فیملی ڈاکٹر (fastlege) کو فون کریں۔ ناروے میں رہنے والے ہر شخص کو ایک مستقل ڈاکٹر کا حق حاصل ہے۔</p>
<h2>ایمرجنسی کلینک (legevakt)</h2>
<p>دفتری اوقات کے بعد، شام، رات اور ہفتے کے آخر میں legevakt سے رابطہ کریں۔ جانے سے پہلے 116 117 پر فون کریں۔</p>
<p>اگر آپ کو مترجم کی ضرورت ہو تو فون پر بتائیں۔ یہ سہولت مفت ہے۔</p>
</div>
""", lang="ur", dir_attr=' dir="rtl"')))

PAGES.append(dict(SITE, file="sorbyen-somali.html", url=BASE + "/helse/soomaali/", declared="so", lang="so", help=True,
    met=WIDGET + ["kommunale-helsetjenester", "fastlege-dagtid", "legevakt-116117", "legevakt-utenfor-kontortid", "nodnummer-113", "informasjon-andre-sprak"],
    html=sorbyen("Adeegyada caafimaadka", """
<header class="entry-header"><h1 class="entry-title">Adeegyada caafimaadka ee degmada Sørbyen</h1></header>
<div class="entry-content">
<p>Haddii nolosha qof ay khatar ku jirto, isla markiiba wac 113. Ambalaaska waa bilaash.</p>
<h2>Dhakhtarka qoyska (fastlege)</h2>
<p>Maalintii, haddii aad u baahan tahay caawimaad degdeg ah, wac dhakhtarkaaga qoyska (fastlege). Qof kasta oo Norway ku nool wuxuu xaq u leeyahay dhakhtar joogto ah.</p>
<h2>Xarunta gargaarka degdegga ah (legevakt)</h2>
<p>Saacadaha shaqada ka baxsan, fiidkii, habeenkii iyo dhammaadka toddobaadka, wac legevakt lambarka 116 117 ka hor intaadan tagin.</p>
<p>Haddii aad u baahan tahay turjubaan, ku sheeg taleefanka. Turjubaanku waa bilaash.</p>
</div>
""", lang="so")))

PAGES.append(dict(SITE, file="sorbyen-arabic.html", url=BASE + "/helse/arabic/", declared="ar", lang="ar", help=True,
    met=WIDGET + ["kommunale-helsetjenester", "fastlege-dagtid", "legevakt-116117", "legevakt-utenfor-kontortid", "nodnummer-113", "informasjon-andre-sprak", "telefon", "apningstider"],
    html=sorbyen("الخدمات الصحية", """
<header class="entry-header"><h1 class="entry-title">الخدمات الصحية في بلدية سوربين</h1></header>
<div class="entry-content">
<p>إذا كانت حياة شخص ما في خطر، اتصل فورا بالرقم 113 لطلب الإسعاف.</p>
<h2>الطبيب العام (fastlege)</h2>
<p>خلال النهار، إذا كنت بحاجة إلى مساعدة عاجلة، اتصل بطبيبك العام (fastlege). لكل من يعيش في النرويج الحق في طبيب عام ثابت.</p>
<h2>عيادة الطوارئ (legevakt)</h2>
<p>خارج ساعات العمل، في المساء والليل وعطلة نهاية الأسبوع، اتصل بعيادة الطوارئ على الرقم 116 117 قبل الذهاب إليها.</p>
<h2>العنف في العلاقات القريبة</h2>
<p>مركز الأزمات في سوربين مفتوح ليلا ونهارا. يمكنك الاتصال دون ذكر اسمك: 64 80 80 80.</p>
</div>
""", lang="ar", dir_attr=' dir="rtl"')))

PAGES.append(dict(SITE, file="sorbyen-helsestasjon-uten-lang.html", url=BASE + "/helse/helsestasjon-for-ungdom/", declared=None, lang="nb", help=True,
    met=WIDGET + ["kommunale-helsetjenester", "telefon", "besoksadresse", "apningstider"],
    html=sorbyen("Helsestasjon for ungdom", """
<header class="entry-header"><h1 class="entry-title">Helsestasjon for ungdom (HFU)</h1></header>
<div class="entry-content">
<p>Helsestasjon for ungdom er et gratis tilbud for deg mellom 13 og 20 år. Her kan du snakke med helsesykepleier, lege eller psykolog om det du lurer på, for eksempel prevensjon, kropp, følelser eller rus.</p>
<p>Åpent hver tirsdag kl. 14.30&ndash;17.30. Du trenger ikke bestille time.</p>
<p>Vi holder til i 2. etasje på Sørbyen helsehus, Torggata 8.</p>
<p>Telefon: 64 83 20 00. Du kan også kontakte skolehelsetjenesten på skolen din.</p>
</div>
""", lang=None)))
