from chrome import vestrefjell

SITE = dict(site="kommune-vestrefjell", kind="municipality")
BASE = "https://www.vestrefjell.kommune.no"
# The language picker (<select>) in the header is on every page.
PICKER = ["informasjon-andre-sprak"]

PAGES = []

PAGES.append(dict(SITE, file="vestrefjell-helsestasjon-jsonld.html", url=BASE + "/helse/helsestasjon/", declared="nb", lang="nb", help=True,
    met=PICKER + ["kommunale-helsetjenester", "telefon", "e-post", "besoksadresse", "apningstider"],
    html=vestrefjell("Helsestasjon", """
<article>
<h1>Helsestasjonen</h1>
<p class="lead">Helsestasjonen følger opp barn fra fødselen til skolestart, sammen med foreldrene. Alle barn får tilbud om vaksiner, konsultasjoner og hjemmebesøk.</p>
<p>Når barnet begynner på skolen, tar skolehelsetjenesten over. Helsesykepleieren er på skolen flere dager i uken.</p>
<h2>Kontakt helsestasjonen</h2>
<p>Ring oss på <a href="tel:+4732102030">32 10 20 30</a> eller send en melding til <a href="mailto:helsestasjon@vestrefjell.kommune.no">helsestasjon@vestrefjell.kommune.no</a>.</p>
</article>
""", jsonld="""<script type="application/ld+json">
{"@context":"https://schema.org","@type":"MedicalClinic","name":"Vestre Fjell helsestasjon","telephone":"+47 32 10 20 30",
 "address":{"@type":"PostalAddress","streetAddress":"Fjellvegen 10","postalCode":"3300","addressLocality":"Vestre Fjell"},
 "openingHoursSpecification":[{"@type":"OpeningHoursSpecification","dayOfWeek":["https://schema.org/Monday","https://schema.org/Tuesday","https://schema.org/Wednesday","https://schema.org/Thursday","https://schema.org/Friday"],"opens":"08:00","closes":"15:30"}]}
</script>""")))

PAGES.append(dict(SITE, file="vestrefjell-legevakt-jsonld.html", url=BASE + "/helse/legevakt/", declared="nb", lang="nb", help=True,
    met=PICKER + ["kommunale-helsetjenester", "legevakt-116117", "legevakt-utenfor-kontortid", "nodnummer-113", "besoksadresse", "apningstider"],
    html=vestrefjell("Legevakt", """
<article>
<h1>Legevakt</h1>
<p class="lead">Vestre Fjell legevakt er et samarbeid med nabokommunene. Ring 116 117 før du drar til legevakten.</p>
<p>Legevaktsentralen er åpen utenfor kontortid og svarer på telefon når fastlegekontorene er stengt.</p>
<p>Trenger du time hos fastlegen, ring legekontoret ditt.</p>
<div class="alert"><p>Ved fare for liv: ring 113.</p></div>
<h2>Oppmøte</h2>
<p>Oppmøtested: Legevaktsentralen, Sjukehusvegen 1, 3300 Vestre Fjell.</p>
</article>
""", jsonld="""<script type="application/ld+json">
{"@context":"https://schema.org","@type":"EmergencyService","name":"Vestre Fjell legevakt","openingHours":["Mo-Fr 16:00-08:00","Sa-Su 00:00-23:59"]}
</script>""")))

PAGES.append(dict(SITE, file="vestrefjell-lietuviu.html", url=BASE + "/lt/sveikata/", declared="lt", lang="lt", help=True,
    met=PICKER + ["kommunale-helsetjenester", "fastlege-dagtid", "legevakt-116117", "legevakt-utenfor-kontortid", "nodnummer-113", "hjelpetelefoner-psykisk-helse", "frivillige-organisasjoner"],
    html=vestrefjell("Sveikatos priežiūra", """
<article>
<h1>Sveikatos priežiūra Vestre Fjell savivaldybėje</h1>
<p class="lead">Čia rasite svarbiausią informaciją apie tai, kur kreiptis susirgus.</p>
<h2>Skubi pagalba</h2>
<p>Jei gresia pavojus gyvybei, nedelsdami skambinkite 113.</p>
<h2>Šeimos gydytojas (fastlege)</h2>
<p>Dieną, jei jums reikia skubios pagalbos, skambinkite savo šeimos gydytojui (fastlege).</p>
<h2>Budinti gydytojų tarnyba (legevakt)</h2>
<p>Ne darbo metu, vakarais, naktimis ir savaitgaliais, skambinkite į legevakt numeriu 116 117.</p>
<h2>Emocinė parama</h2>
<p>Jei norite su kuo nors pasikalbėti, skambinkite Mental Helse pagalbos linija 116 123 arba Kirkens SOS 22 40 00 40.</p>
</article>
""", lang="lt")))

PAGES.append(dict(SITE, file="vestrefjell-russkij.html", url=BASE + "/ru/zdorove/", declared="ru", lang="ru", help=True,
    met=PICKER + ["kommunale-helsetjenester", "fastlege-dagtid", "legevakt-116117", "legevakt-utenfor-kontortid", "nodnummer-113"],
    html=vestrefjell("Медицинская помощь", """
<article>
<h1>Медицинская помощь в коммуне Вестре-Фьелль</h1>
<p class="lead">На этой странице собрана основная информация о том, куда обращаться, если вы заболели.</p>
<h2>Экстренная помощь</h2>
<p>Если есть угроза жизни, немедленно звоните по номеру 113.</p>
<h2>Семейный врач (fastlege)</h2>
<p>Днём, если вам нужна срочная помощь, звоните своему семейному врачу (fastlege).</p>
<h2>Дежурная служба (legevakt)</h2>
<p>В нерабочее время, вечером, ночью и в выходные дни, звоните в дежурную службу legevakt по номеру 116 117.</p>
</article>
""", lang="ru")))

PAGES.append(dict(SITE, file="vestrefjell-ukrainska-feil-lang.html", url=BASE + "/uk/zdorovia/", declared="ru", lang="uk", help=True,
    met=PICKER + ["kommunale-helsetjenester", "fastlege-dagtid", "legevakt-116117", "legevakt-utenfor-kontortid", "nodnummer-113", "frivillige-organisasjoner"],
    html=vestrefjell("Медична допомога", """
<article>
<h1>Медична допомога для українців у Вестре-Фьєлль</h1>
<p class="lead">Тут зібрано найважливішу інформацію про те, куди звертатися, якщо ви захворіли.</p>
<h2>Екстрена допомога</h2>
<p>Якщо є загроза життю, негайно телефонуйте 113.</p>
<h2>Сімейний лікар (fastlege)</h2>
<p>Вдень, якщо вам потрібна термінова допомога, телефонуйте своєму сімейному лікарю (fastlege).</p>
<h2>Черговий лікар (legevakt)</h2>
<p>У неробочий час, увечері, вночі та у вихідні, телефонуйте до legevakt за номером 116 117.</p>
<h2>Підтримка</h2>
<p>Червоний Хрест проводить зустрічі для українців щосуботи. Там можна поговорити українською мовою.</p>
</article>
""", lang="ru")))

PAGES.append(dict(SITE, file="vestrefjell-tigrinya.html", url=BASE + "/ti/tena/", declared="ti", lang="ti", help=True,
    met=PICKER + ["kommunale-helsetjenester", "legevakt-116117", "nodnummer-113"],
    html=vestrefjell("ጥዕና", """
<article>
<h1>ኣገልግሎታት ጥዕና ኣብ ቨስትረ ፊየል</h1>
<p class="lead">ኣብዚ ገጽ እዚ፡ ምስ ሓመምካ ናበይ ከም እትኸይድ ዝሕብር ሓበሬታ ኣሎ።</p>
<h2>ህጹጽ ሓገዝ</h2>
<p>ህይወት ሰብ ኣብ ሓደጋ እንተሎ፡ ብቕልጡፍ ናብ 113 ደውል።</p>
<h2>ሓኪም ስድራቤት (fastlege)</h2>
<p>ኩሉ ኣብ ኖርወይ ዝነብር ሰብ ናይ ገዛእ ርእሱ ሓኪም ስድራቤት ክህልዎ መሰል ኣለዎ።</p>
<h2>legevakt</h2>
<p>ሓኪም ስድራቤትካ እንተዘይተረኺቡ፡ ናብ legevakt ብቑጽሪ 116 117 ደውል።</p>
</article>
""", lang="ti")))

PAGES.append(dict(SITE, file="vestrefjell-dari.html", url=BASE + "/fa/salamat/", declared="prs", lang="fa", help=True,
    met=PICKER + ["kommunale-helsetjenester", "fastlege-dagtid", "legevakt-116117", "legevakt-utenfor-kontortid", "nodnummer-113", "hjelpetelefoner-psykisk-helse", "frivillige-organisasjoner"],
    html=vestrefjell("خدمات صحی", """
<article>
<h1>خدمات صحی در شاروالی وستره فیل</h1>
<p class="lead">در این صفحه معلومات مهم در باره اینکه هنگام مریضی به کجا مراجعه کنید، آمده است.</p>
<h2>کمک عاجل</h2>
<p>اگر زندگی کسی در خطر است، فوراً با شماره 113 تماس بگیرید.</p>
<h2>داکتر خانواده (fastlege)</h2>
<p>در طول روز، اگر به کمک فوری نیاز دارید، با پزشک خانواده خود (fastlege) تماس بگیرید.</p>
<h2>legevakt</h2>
<p>خارج از ساعات اداری، شب‌ها و روزهای آخر هفته، با legevakt به شماره 116 117 تماس بگیرید.</p>
<h2>کسی برای صحبت</h2>
<p>اگر می‌خواهید با کسی صحبت کنید، با خط کمک Mental Helse به شماره 116 123 تماس بگیرید.</p>
</article>
""", lang="prs", dir_attr=' dir="rtl"')))

PAGES.append(dict(SITE, file="vestrefjell-samisk.html", url=BASE + "/se/dearvvasvuohta/", declared="se", lang="se", help=True,
    met=PICKER + ["kommunale-helsetjenester", "fastlege-dagtid", "legevakt-116117", "legevakt-utenfor-kontortid", "nodnummer-113"],
    html=vestrefjell("Dearvvašvuohta", """
<article>
<h1>Dearvvašvuođabálvalusat Vestre Fjell gielddas</h1>
<p class="lead">Dáppe gávnnat dieđuid das gosa galggat váldit oktavuođa go buohccát.</p>
<h2>Heahteveahkki</h2>
<p>Jus olbmo eallin lea áittis, riŋge dakkaviđe 113.</p>
<h2>Fásta doavttir (fastlege)</h2>
<p>Beaivet, jus dárbbašat hoahppoveahki, riŋge iežat fásta doavttirii (fastlege). Jus lea hoahppu, riŋge árrat.</p>
<h2>Doavttirvákta (legevakt)</h2>
<p>Bargoáiggi olggobealde, eahkedis, ijá ja vahkkoloahpas, riŋge doavttirváktii nummirii 116 117.</p>
</article>
""", lang="se")))

PAGES.append(dict(SITE, file="vestrefjell-bibliotek.html", url=BASE + "/kultur/bibliotek/", declared="nb", lang="nb", help=False, met=[],
    html=vestrefjell("Biblioteket", """
<article>
<h1>Vestre Fjell bibliotek</h1>
<p class="lead">Biblioteket er en møteplass for alle. Her kan du låne bøker, filmer og spill, lese aviser og bruke datamaskiner gratis.</p>
<p>Med meråpent bibliotek kan du låne og levere bøker også når det ikke er betjent, fra klokken 07 til 22 alle dager. Du trenger lånekort og PIN-kode.</p>
<h2>Arrangementer</h2>
<p>Hver lørdag er det eventyrstund for barn. I høst har vi forfatterbesøk og strikkekafé.</p>
</article>
""", jsonld="""<script type="application/ld+json">
{"@context":"https://schema.org","@type":"Library","name":"Vestre Fjell bibliotek","openingHours":"Mo-Fr 10:00-19:00",
 "address":{"@type":"PostalAddress","streetAddress":"Kulturhusvegen 3","postalCode":"3300","addressLocality":"Vestre Fjell"}}
</script>""")))

PAGES.append(dict(SITE, file="vestrefjell-english-feil-lang.html", url=BASE + "/en/health/", declared="nb", lang="en", help=True,
    met=PICKER + ["kommunale-helsetjenester", "fastlege-dagtid", "legevakt-116117", "legevakt-utenfor-kontortid", "nodnummer-113", "telefon", "e-post", "apningstider"],
    html=vestrefjell("Health services", """
<article>
<h1>Health services in Vestre Fjell</h1>
<p class="lead">Everyone who lives in Vestre Fjell, including refugees and labour migrants, can get help from the municipal health services.</p>
<h2>Emergency</h2>
<p>If a life is in danger, call 113 immediately.</p>
<h2>GP (fastlege)</h2>
<p>During office hours your GP (fastlege) is responsible for urgent medical help. Call the surgery early in the morning if it is urgent.</p>
<h2>Out-of-hours emergency clinic (legevakt)</h2>
<p>Outside office hours, call the emergency clinic (legevakt) on 116 117. It is open around the clock.</p>
<h2>Questions</h2>
<p>The health centre for refugees answers questions on 32 10 40 50 or by e-mail to flyktninghelse@vestrefjell.kommune.no.</p>
</article>
""", lang="nb")))
