from chrome import gammelvik

SITE = dict(site="kommune-gammelvik", kind="municipality")
BASE = "http://www.gammelvik.kommune.no"

PAGES = []

PAGES.append(dict(SITE, file="gammelvik-legevakt-latin1.html", url=BASE + "/helse/legevakt.php", declared="no", lang="nb", help=True, encoding="iso-8859-1",
    met=["kommunale-helsetjenester", "fastlege-dagtid", "legevakt-116117", "legevakt-utenfor-kontortid", "nodnummer-113",
         "telefon", "besoksadresse", "apningstider"],
    html=gammelvik("Legevakt", """
<h1><font face="Arial">Legevakt og legetjenester</font></h1>
<p><b>Ved akutt, livstruende sykdom eller skade, ring 113.</b></p>
<table border="0" cellpadding="4" width="100%"><tr><td valign="top">
<p>Gammelvik interkommunale legevakt holder til i Sykehusveien 3, 4800 Gammelvik. Legevakten er åpen alle dager fra kl. 15.30 til kl. 08.00.</p>
<p>Telefon legevakt: 116 117</p>
<p>På dagtid skal du kontakte fastlegen din hvis du trenger øyeblikkelig hjelp.</p>
</td></tr></table>
<h2><font face="Arial">Fastlegene i Gammelvik</font></h2>
<table border="1" cellpadding="4" cellspacing="0">
<tr><td><b>Legekontor</b></td><td><b>Telefon</b></td></tr>
<tr><td>Gammelvik legesenter</td><td>37 00 11 22</td></tr>
<tr><td>Sentrum legekontor</td><td>37 00 33 44</td></tr>
</table>
<p><i>Oppdatert 12.03.2019</i></p>
""")))

PAGES.append(dict(SITE, file="gammelvik-helse-nn-latin1.html", url=BASE + "/helse/", declared="no", lang="nn", help=True, encoding="iso-8859-1",
    met=["kommunale-helsetjenester", "telefon", "e-post", "apningstider"],
    html=gammelvik("Helse og omsorg", """
<h1><font face="Arial">Helse og omsorg i Gammelvik</font></h1>
<p>Kommunen har ansvar for at alle innbyggjarane får naudsynte helse- og omsorgstenester. Her finn du ei oversikt over tenestene våre.</p>
<ul>
<li><a href="/helse/heimesjukepleie.php">Heimesjukepleia</a> &ndash; hjelp til deg som bur heime og treng sjukepleie</li>
<li><a href="/helse/sjukeheim.php">Sjukeheimen</a> &ndash; korttids- og langtidsopphald</li>
<li><a href="/helse/psykisk.php">Psykisk helseteneste</a> &ndash; samtalar og oppfølging</li>
</ul>
<p>Søknad om tenester sender du til tenestekontoret.</p>
<p><b>Tenestekontoret</b><br>Tlf. 37 00 55 66<br>E-post: <a href="mailto:tenestekontoret@gammelvik.kommune.no">tenestekontoret@gammelvik.kommune.no</a><br>
Opningstid kl. 09.00&ndash;14.00 kvardagar<br>Postadresse: Postboks 50, 4801 Gammelvik</p>
""")))

PAGES.append(dict(SITE, file="gammelvik-eiendomsskatt-latin1.html", url=BASE + "/teknisk/eiendomsskatt.php", declared="no", lang="nb", help=False, encoding="iso-8859-1", met=[],
    html=gammelvik("Eiendomsskatt", """
<h1><font face="Arial">Eiendomsskatt</font></h1>
<p>Gammelvik kommune skriver ut eiendomsskatt på alle faste eiendommer i kommunen. Skattesatsen er 4 promille av takstgrunnlaget, og bunnfradraget er 200 000 kroner per boenhet.</p>
<p>Skatteseddelen sendes ut i februar. Skatten betales i fire terminer: 20. mars, 20. mai, 20. september og 20. november.</p>
<p>Klage på takst må sendes innen seks uker etter at skatteseddelen er mottatt. Spørsmål kan rettes til skattekontoret på telefon 37 00 77 88.</p>
""")))
