# Site chrome (header, menus, footer) shared by the corpus pages of one fictional site, as real CMSes do.
# The main content of each page is written by hand in pages_*.py.

def fjordvik(title, main, lang="nb", head_extra="", url=""):
    """Episerver/Optimizely-like layout with a mega-menu, bokmål. Footer: 113 and 116 117 notice + switchboard."""
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - Fjordvik kommune</title>
<link rel="stylesheet" href="/static/css/main.min.css?v=4.12.1">
{head_extra}
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{'pageType':'ArticlePage'}});</script>
</head>
<body class="article-page">
<a class="skip-link" href="#main-content">Hopp til hovedinnhold</a>
<div class="cookie-banner" role="dialog" aria-label="Informasjonskapsler"><p>Vi bruker informasjonskapsler for å forbedre nettstedet. <a href="/personvern/">Les mer om personvern</a></p><button>Godta</button></div>
<header class="site-header">
  <div class="header-top">
    <a href="/" class="logo"><img src="/static/img/fjordvik-logo.svg" alt="Fjordvik kommune - til forsiden"></a>
    <nav class="utility-nav" aria-label="Språk og snarveier">
      <ul><li><a href="/english/" hreflang="en">English</a></li><li><a href="/kontakt-oss/">Kontakt oss</a></li><li><a href="/min-side/">Min side</a></li></ul>
    </nav>
    <form class="search" action="/sok/"><label for="q">Søk</label><input id="q" name="q" type="search"><button>Søk</button></form>
  </div>
  <nav class="mega-menu" aria-label="Hovedmeny">
    <ul>
      <li><a href="/helse-og-omsorg/">Helse og omsorg</a>
        <ul class="mega-menu__panel">
          <li><a href="/helse-og-omsorg/legevakt/">Legevakt</a></li><li><a href="/helse-og-omsorg/fastlege/">Fastlege</a></li>
          <li><a href="/helse-og-omsorg/psykisk-helse-og-rus/">Psykisk helse og rus</a></li><li><a href="/helse-og-omsorg/helsestasjon/">Helsestasjon og skolehelsetjeneste</a></li>
          <li><a href="/helse-og-omsorg/hjemmetjenester/">Hjemmetjenester</a></li><li><a href="/helse-og-omsorg/sykehjem/">Sykehjem</a></li>
          <li><a href="/helse-og-omsorg/koronavirus/">Koronavirus</a></li><li><a href="/helse-og-omsorg/frivillighet/">Frivillighet</a></li>
        </ul></li>
      <li><a href="/barnehage-og-skole/">Barnehage og skole</a></li>
      <li><a href="/bolig-og-eiendom/">Bolig, plan og eiendom</a></li>
      <li><a href="/kultur-og-fritid/">Kultur og fritid</a></li>
      <li><a href="/politikk-og-organisasjon/">Politikk og organisasjon</a></li>
    </ul>
  </nav>
</header>
<div class="breadcrumbs"><ol><li><a href="/">Forside</a></li><li><a href="/helse-og-omsorg/">Helse og omsorg</a></li><li>{title}</li></ol></div>
<main id="main-content" class="article">
{main}
<p class="last-updated">Sist oppdatert 14.09.2023</p>
</main>
<footer class="site-footer">
  <div class="footer-emergency"><p><strong>Akutt sykdom eller skade? Ring 113.</strong> Legevakt: 116 117</p></div>
  <div class="footer-contact">
    <h2>Fjordvik kommune</h2>
    <p>Postadresse: Postboks 100, 8001 Fjordvik<br>Besøksadresse: Rådhusplassen 1, 8000 Fjordvik</p>
    <p>Sentralbord: <a href="tel:+4775000000">75 00 00 00</a><br>E-post: <a href="mailto:postmottak@fjordvik.kommune.no">postmottak@fjordvik.kommune.no</a></p>
    <p>Org.nr. 944 000 001</p>
  </div>
  <ul class="footer-links"><li><a href="/personvern/">Personvern</a></li><li><a href="/tilgjengelighetserklaring/">Tilgjengelighetserklæring</a></li></ul>
</footer>
<script src="/static/js/main.min.js?v=4.12.1"></script>
</body>
</html>
"""


def nordrelia(title, main, sidebar="", lang="nn"):
    """ACOS/Kommune-Kari-like layout (div ids, table-free), nynorsk. Footer: switchboard only."""
    lang_attr = f' lang="{lang}"' if lang is not None else ""
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"{lang_attr}>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{title} - Nordre Lia kommune</title>
<link href="/templates/kommune/css/stil.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/templates/kommune/js/meny.js"></script>
</head>
<body>
<div id="wrapper">
 <div id="header">
  <a href="/"><img src="/templates/kommune/bilete/logo.png" alt="Nordre Lia kommune" /></a>
  <div id="toppmeny"><a href="/tilgjenge/">Tilgjenge</a> | <a href="/nettstadkart/">Nettstadkart</a> | <a href="/kontakt/">Kontakt oss</a></div>
 </div>
 <div id="menu">
  <ul>
   <li><a href="/helse-og-omsorg/">Helse og omsorg</a></li>
   <li><a href="/helse-og-omsorg/legevakt/">Legevakt</a></li>
   <li><a href="/helse-og-omsorg/psykisk-helse-og-rus/">Psykisk helse og rus</a></li>
   <li><a href="/oppvekst/">Oppvekst og utdanning</a></li>
   <li><a href="/teknisk/">Teknisk, plan og næring</a></li>
   <li><a href="/politikk/">Politikk og administrasjon</a></li>
  </ul>
 </div>
 <div id="content">
  <div class="brodsmule"><a href="/">Heim</a> &gt; {title}</div>
{main}
  <div class="artikkelinfo">Publisert: 02.03.2022. Sist endra: 11.01.2024</div>
 </div>
 <div id="sidebar" class="sidebar">
{sidebar}
 </div>
 <div id="footer">
  Nordre Lia kommune &middot; Postboks 23, 6801 Nordre Lia &middot; Telefon 57 00 00 00 &middot; postmottak(at)nordrelia.kommune.no &middot; Opningstid servicetorget: kvardagar 08.00&ndash;15.30
 </div>
</div>
</body>
</html>
"""


SORBYEN_WIDGET = """<section class="widget widget_text"><h2 class="widget-title">Trenger du noen å snakke med?</h2>
<div class="textwidget"><ul><li>Kirkens SOS: <a href="tel:22400040">22 40 00 40</a></li><li>Mental Helse hjelpetelefon: <a href="tel:116123">116 123</a></li></ul>
<p>Begge er åpne hele døgnet.</p></div></section>"""


def sorbyen(title, main, lang="nb", dir_attr=""):
    """WordPress-like theme (Twenty-style markup), bokmål. Sidebar widget with two helplines on every page."""
    lang_attr = f' lang="{lang}"' if lang is not None else ""
    return f"""<!doctype html>
<html{lang_attr}{dir_attr}>
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} &#8211; Sørbyen kommune</title>
<link rel='stylesheet' id='sorbyen-style-css' href='https://www.sorbyen.kommune.no/wp-content/themes/sorbyen/style.css?ver=2.3' media='all' />
<script src='https://www.sorbyen.kommune.no/wp-includes/js/jquery/jquery.min.js?ver=3.7.1' id='jquery-core-js'></script>
</head>
<body class="page-template-default page">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#primary">Hopp til innhold</a>
<header id="masthead" class="site-header">
  <div class="site-branding"><p class="site-title"><a href="https://www.sorbyen.kommune.no/" rel="home">Sørbyen kommune</a></p><p class="site-description">Godt å bo – trygt å bli gammel</p></div>
  <nav id="site-navigation" class="main-navigation"><button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">Meny</button>
    <div class="menu-hovedmeny-container"><ul id="primary-menu" class="menu">
      <li class="menu-item"><a href="/helse/">Helse og velferd</a></li><li class="menu-item"><a href="/helse/legevakt/">Legevakt</a></li>
      <li class="menu-item"><a href="/helse/rus/">Rus og avhengighet</a></li><li class="menu-item"><a href="/skole/">Skole</a></li>
      <li class="menu-item"><a href="/renovasjon/">Vann, avløp og renovasjon</a></li><li class="menu-item"><a href="/politikk/">Politikk</a></li>
    </ul></div></nav>
</header>
<div id="content" class="site-content">
<div id="primary" class="content-area">
<main id="main" class="site-main">
<article class="page type-page status-publish hentry">
{main}
</article>
</main>
</div>
<aside id="secondary" class="widget-area">
{SORBYEN_WIDGET}
<section class="widget widget_recent_entries"><h2 class="widget-title">Siste nytt</h2><ul><li><a href="/2024/03/ny-gang-og-sykkelvei/">Ny gang- og sykkelvei langs Strandvegen</a></li><li><a href="/2024/02/vannmaling/">Husk å lese av vannmåleren</a></li></ul></section>
</aside>
</div>
<footer id="colophon" class="site-footer">
  <div class="site-info">Sørbyen kommune, Torget 1, 1600 Sørbyen &middot; Telefon 64 80 00 00 &middot; <a href="mailto:post@sorbyen.kommune.no">post@sorbyen.kommune.no</a> &middot; Org.nr. 964 000 222</div>
</footer>
</div>
<script src='https://www.sorbyen.kommune.no/wp-content/themes/sorbyen/js/navigation.js?ver=2.3' id='sorbyen-navigation-js'></script>
</body>
</html>
"""


def gammelvik(title, main, lang="no"):
    """Old table-based layout (around 2005), ISO-8859-1. The caller encodes the result as Latin-1."""
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html lang="{lang}">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<meta charset="iso-8859-1">
<title>Gammelvik kommune - {title}</title>
<link rel="stylesheet" type="text/css" href="/stil/gammelvik.css">
</head>
<body bgcolor="#ffffff" leftmargin="0" topmargin="0">
<table width="900" border="0" cellpadding="0" cellspacing="0" align="center">
<tr><td colspan="2" class="topp"><img src="/bilder/topp_gammelvik.jpg" width="900" height="120" alt="Gammelvik kommune"></td></tr>
<tr>
<td width="180" valign="top" class="meny">
<a href="/index.php">Forside</a><br>
<a href="/helse/">Helse og omsorg</a><br>
<a href="/helse/legevakt.php">Legevakt</a><br>
<a href="/skole/">Skole og barnehage</a><br>
<a href="/teknisk/">Teknisk etat</a><br>
<a href="/politikk/">Politikk</a><br>
<a href="/kontakt.php">Kontakt oss</a>
</td>
<td width="720" valign="top" id="innhold">
{main}
</td>
</tr>
<tr><td colspan="2" class="bunn" align="center"><font size="1">Gammelvik kommune, Postboks 1, 4801 Gammelvik. Sentralbord 37 00 00 00. Webansvarlig: <a href="mailto:web@gammelvik.kommune.no">web@gammelvik.kommune.no</a></font></td></tr>
</table>
</body>
</html>
"""


VESTREFJELL_ORG = """<script type="application/ld+json">
{"@context":"https://schema.org","@type":"GovernmentOrganization","name":"Vestre Fjell kommune","url":"https://www.vestrefjell.kommune.no/","telephone":"+47 32 00 00 00","email":"postmottak@vestrefjell.kommune.no","address":{"@type":"PostalAddress","streetAddress":"Rådhusvegen 2","postalCode":"3300","addressLocality":"Vestre Fjell"}}
</script>"""


def vestrefjell(title, main, lang="nb", jsonld="", dir_attr=""):
    """Modern semantic layout with a language picker (<select>) in the header and schema.org JSON-LD."""
    lang_attr = f' lang="{lang}"' if lang is not None else ""
    return f"""<!DOCTYPE html>
<html{lang_attr}{dir_attr}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title} | Vestre Fjell kommune</title>
<link rel="stylesheet" href="/_next/static/css/app.css">
{VESTREFJELL_ORG}
{jsonld}
</head>
<body>
<header class="vf-header">
  <a class="vf-header__logo" href="/"><img src="/logo.svg" alt="Vestre Fjell kommune"></a>
  <div class="vf-header__language">
    <label for="lang-picker">Språk / Language</label>
    <select id="lang-picker" onchange="location.href=this.value">
      <option value="/">Norsk</option>
      <option value="/en/health/" lang="en">English</option>
      <option value="/lt/sveikata/" lang="lt">Lietuvių</option>
      <option value="/ru/zdorove/" lang="ru">Русский</option>
      <option value="/uk/zdorovia/" lang="uk">Українська</option>
      <option value="/ti/tena/" lang="ti">ትግርኛ</option>
      <option value="/fa/salamat/" lang="fa">دری</option>
      <option value="/se/dearvvasvuohta/" lang="se">Davvisámegiella</option>
    </select>
  </div>
  <nav class="vf-nav" aria-label="Hovedmeny"><ul>
    <li><a href="/helse/">Helse</a></li><li><a href="/omsorg/">Omsorg</a></li><li><a href="/oppvekst/">Oppvekst</a></li><li><a href="/kultur/">Kultur</a></li><li><a href="/om-kommunen/">Om kommunen</a></li>
  </ul></nav>
</header>
<main id="hovedinnhold">
{main}
</main>
<footer class="vf-footer">
  <p>Vestre Fjell kommune &middot; Rådhusvegen 2, 3300 Vestre Fjell &middot; <a href="tel:+4732000000">32 00 00 00</a> &middot; <a href="mailto:postmottak@vestrefjell.kommune.no">postmottak@vestrefjell.kommune.no</a></p>
  <p><a href="/personvern">Personvern og informasjonskapsler</a> &middot; <a href="/tilgjengelighet">Tilgjengelighetserklæring</a></p>
</footer>
</body>
</html>
"""


def helsenorge(title, main, lang="nb"):
    """helsenorge.no-like layout. Footer links to information in English."""
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - helsenorge.no</title>
<link rel="stylesheet" href="/core/dist/css/helsenorge.css">
</head>
<body>
<div id="__hn">
<header class="hn-header" role="banner">
  <a href="/" class="hn-header__logo" aria-label="helsenorge – til forsiden"><svg aria-hidden="true" width="120" height="24"></svg></a>
  <nav class="hn-header__nav" aria-label="Hovedmeny"><ul>
    <li><a href="/sykdom/">Sykdom</a></li><li><a href="/psykisk-helse/">Psykisk helse</a></li><li><a href="/helsetjenester/">Helsetjenester i Norge</a></li>
    <li><a href="/rettigheter/">Pasientrettigheter</a></li><li><a href="/koronavirus/">Koronavirus</a></li>
  </ul></nav>
  <a class="hn-header__login" href="https://helsenorge.no/auth/signin">Logg inn</a>
</header>
<main id="main-content" class="hn-main">
{main}
</main>
<footer class="hn-footer" role="contentinfo">
  <div class="hn-footer__help"><h2>Trenger du hjelp med helsenorge?</h2><p>Veiledning helsenorge: <a href="tel:+4723327000">23 32 70 00</a>, hverdager 08.00&ndash;15.30</p></div>
  <ul class="hn-footer__links"><li><a href="/en/" hreflang="en">Information in English</a></li><li><a href="/om-helsenorge/">Om helsenorge</a></li><li><a href="/personvern/">Personvern og informasjonskapsler</a></li></ul>
</footer>
</div>
</body>
</html>
"""
