from chrome import nordrelia

SITE = dict(site="kommune-nordrelia", kind="municipality")
BASE = "https://www.nordrelia.kommune.no"

PAGES = []

PAGES.append(dict(SITE, file="nordrelia-legevakt.html", url=BASE + "/helse-og-omsorg/legevakt/", declared="nn", lang="nn", help=True,
    met=["kommunale-helsetjenester", "fastlege-dagtid", "legevakt-116117", "legevakt-utenfor-kontortid", "nodnummer-113",
         "telefon", "besoksadresse", "apningstider"],
    html=nordrelia("Legevakt", """
  <h1>Legevakt</h1>
  <p class="ingress">Legevakta i Nordre Lia er open kveld, natt og helg. Ring alltid 116 117 før du kjem, så får du råd om kva du bør gjere.</p>
  <p><strong>Ved livstruande sjukdom eller skade: ring 113.</strong></p>
  <h2>Dagtid</h2>
  <p>På dagtid skal du kontakte fastlegen din dersom det hastar. Legekontora har augneblinkeleg hjelp kvar dag.</p>
  <h2>Opningstider</h2>
  <table class="tabell">
   <tr><th>Dag</th><th>Tid</th></tr>
   <tr><td>Måndag&ndash;fredag</td><td>16.00&ndash;08.00</td></tr>
   <tr><td>Laurdag og sundag</td><td>heile døgnet</td></tr>
  </table>
  <p>Legevakta er eit samarbeid mellom Nordre Lia og to nabokommunar. Du betaler eigendel etter statlege satsar.</p>
""", sidebar="""
  <div class="kontaktboks">
   <h3>Kontaktinformasjon</h3>
   <p>Besøksadresse:<br />Legevegen 2<br />6800 Nordre Lia</p>
   <p>Telefon legevakta: 57 11 00 00</p>
  </div>
""")))

PAGES.append(dict(SITE, file="nordrelia-psykisk-helse.html", url=BASE + "/helse-og-omsorg/psykisk-helse-og-rus/", declared="nn", lang="nn", help=True,
    met=["kommunale-helsetjenester", "hjelpetelefoner-psykisk-helse", "frivillige-organisasjoner", "telefon", "e-post", "apningstider"],
    html=nordrelia("Psykisk helse og rus", """
  <h1>Psykisk helse og rus</h1>
  <p class="ingress">Treng du nokon å snakke med? Psykisk helseteneste har lågterskeltilbod for vaksne som strevar med angst, depresjon, sorg eller einsemd.</p>
  <p>Du treng ikkje tilvising frå lege. Rustenesta hjelper deg som har utfordringar med alkohol eller andre rusmiddel, og dei som står deg nær.</p>
  <h2>Kontakt oss</h2>
  <p>Ring 57 11 20 00 (kvardagar kl. 08.00&ndash;15.30) eller send e-post til psykiskhelse(at)nordrelia.kommune.no.</p>
  <h2>Hjelpetelefonar</h2>
  <ul>
   <li>Kirkens SOS: 22400040</li>
   <li>Mental Helse: 116123</li>
  </ul>
  <p>Frivilligsentralen har besøksven-teneste for deg som kjenner deg einsam.</p>
""")))

PAGES.append(dict(SITE, file="nordrelia-koronavirus.html", url=BASE + "/helse-og-omsorg/koronavirus/", declared="nn", lang="nn", help=True,
    met=["kommunale-helsetjenester", "legevakt-116117", "informasjon-andre-sprak", "klart-sprak", "telefon", "apningstider"],
    html=nordrelia("Koronavirus", """
  <h1>Koronavirus &ndash; informasjon frå kommunen</h1>
  <p class="ingress">Her finn du oppdatert informasjon om koronavaksine, testing og kva du skal gjere om du blir sjuk.</p>
  <h2>Vaksine</h2>
  <p>Vaksinering skjer på helsestasjonen. Du kan òg få vaksine hos fastlegen din. Bestill time på nettsida vår eller ring koronatelefonen.</p>
  <h2>Koronatelefonen</h2>
  <p>Har du spørsmål om vaksine eller testing? Ring koronatelefonen 57 11 30 30, kvardagar 09.00&ndash;14.00.</p>
  <h2>Om du blir sjuk</h2>
  <p>Vert du akutt sjuk, ring legevakta på 116 117.</p>
  <h2>Informasjon på andre språk</h2>
  <ul class="sprak">
   <li><a href="https://www.helsedirektoratet.no/tema/beredskap-og-krisehandtering/koronavirus/anbefalinger-og-beslutninger/english">English</a></li>
   <li><a href="/helse-og-omsorg/koronavirus/polski/">Polski</a></li>
   <li><a href="/helse-og-omsorg/koronavirus/lietuviu/">Lietuvių</a></li>
   <li><a href="/helse-og-omsorg/koronavirus/soomaali/">Soomaali</a></li>
   <li><a href="/helse-og-omsorg/koronavirus/arabic/">العربية</a></li>
   <li><a href="/helse-og-omsorg/koronavirus/tigrinya/">ትግርኛ</a></li>
  </ul>
  <p><a href="/helse-og-omsorg/koronavirus/lettlest/">Lettlest informasjon om koronavaksine</a></p>
""")))

PAGES.append(dict(SITE, file="nordrelia-skule.html", url=BASE + "/oppvekst/skule/", declared="nn", lang="nn", help=False, met=[],
    html=nordrelia("Skule", """
  <h1>Skulane i Nordre Lia</h1>
  <p class="ingress">Nordre Lia har tre barneskular og ein ungdomsskule. Her finn du skulerute, informasjon om skuleskyss og kontaktinformasjon.</p>
  <h2>Skulerute</h2>
  <p>Skuleåret 2024&ndash;2025 startar måndag 19. august. Haustferien er i veke 40, og juleferien byrjar fredag 20. desember.</p>
  <h2>Skuleskyss</h2>
  <p>Elevar som bur meir enn fire kilometer frå skulen, har rett på gratis skyss. Søk på nettsida til fylkeskommunen.</p>
  <h2>Kontakt</h2>
  <p>Lia skule: 57 11 50 00. Nordbygda skule: 57 11 51 00. Rektor svarar kvardagar kl. 08.00&ndash;15.00.</p>
""")))

PAGES.append(dict(SITE, file="nordrelia-frivillig.html", url=BASE + "/helse-og-omsorg/frivillige-hjelpetilbod/", declared="nn", lang="nn", help=True,
    met=["kommunale-helsetjenester", "frivillige-organisasjoner", "telefon", "e-post", "besoksadresse", "apningstider"],
    html=nordrelia("Friviljuge hjelpetilbod", """
  <h1>Friviljuge hjelpetilbod for eldre og einsame</h1>
  <p class="ingress">Frivilligsentralen formidlar besøksvener, følgjeteneste til lege og handlehjelp. Tilboda er gratis.</p>
  <p>Er du einsam, eller er du pårørande og treng avlasting? Ta kontakt, så finn vi ein frivillig som passar for deg. Røde Kors har òg besøksteneste i kommunen.</p>
  <p>Frivilligsentralen samarbeider med heimesjukepleia og sjukeheimen om aktivitetar for bebuarar og heimebuande eldre.</p>
  <h2>Kontakt frivilligsentralen</h2>
  <p>Tlf. 915 22 333<br />E-post: <a href="mailto:frivilligsentralen@nordrelia.no">frivilligsentralen@nordrelia.no</a><br />Kyrkjevegen 5, 6800 Nordre Lia</p>
  <p>Ope tysdag og torsdag 10&ndash;14.</p>
""")))

PAGES.append(dict(SITE, file="nordrelia-helsestasjon-feil-lang.html", url=BASE + "/helse-og-omsorg/helsestasjon/", declared="nb", lang="nn", help=True,
    met=["kommunale-helsetjenester", "telefon", "apningstider"],
    html=nordrelia("Helsestasjon", """
  <h1>Helsestasjon og skulehelseteneste</h1>
  <p class="ingress">Helsestasjonen følgjer opp born frå dei er nyfødde til dei byrjar på skulen. Skulehelsetenesta held fram arbeidet når borna byrjar på skulen.</p>
  <p>Vi tilbyr vaksinar, vekt- og høgdemåling og samtalar om kosthald, søvn og utvikling. Foreldra kan òg spørje om amming, trøytt kvardag og korleis det går i familien.</p>
  <p>Du treng ikkje time for å snakke med helsesjukepleiar på ope kontor.</p>
  <h2>Opningstider</h2>
  <p>Måndag&ndash;fredag 08.00&ndash;15.30. Ring 57 11 40 00.</p>
""", lang="nb")))

PAGES.append(dict(SITE, file="nordrelia-kontakt.html", url=BASE + "/kontakt/", declared="nn", lang="nn", help=False, met=[],
    html=nordrelia("Kontakt oss", """
  <h1>Kontakt oss</h1>
  <p class="ingress">Servicetorget hjelper deg med spørsmål om alle kommunale tenester, og set deg over til rett person.</p>
  <p>Telefon: 57 00 00 00<br />E-post: postmottak(at)nordrelia.kommune.no<br />Besøksadresse: Rådhusvegen 1, 6800 Nordre Lia</p>
  <p>Opningstid: kvardagar kl. 08.00&ndash;15.30.</p>
  <p>Organisasjonsnummer: 964 111 222. Faktura sender du som EHF til organisasjonsnummeret.</p>
""")))
