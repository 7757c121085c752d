namespace Lenkevakt.Html;

/// <summary>The shell shared by the rendered pages: doctype, Norwegian language, a strict Content-Security-Policy (no scripts at all), one inline style sheet.</summary>
public static class HtmlPage
{
    /// <summary>No scripts, no external anything; inline styles and SVG only; forms post back to the same app.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'";

    public const string BaseCss = """
        :root{--ink:#1d2733;--muted:#5b6673;--line:#d5dbe1;--bg:#f4f6f8;--good:#1f7a3f;--fair:#a15c00;--poor:#b3261e;--accent:#005a8c;--head:#0b3954}
        *{box-sizing:border-box}
        html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,"Noto Sans Ethiopic","Abyssinica SIL",Ebrima,Nyala,Kefa,"Noto Sans Arabic","Geeza Pro",Tahoma,"DejaVu Sans",sans-serif;color:var(--ink);background:#fff}
        header.top{background:var(--head);color:#fff;padding:18px 28px}
        header.top h1{margin:0;font-size:1.55rem;font-weight:650}
        header.top p{margin:4px 0 0;color:#d6e4ee}
        header.top a{color:#fff}
        main{padding:16px 28px 40px;max-width:1500px}
        h2{font-size:1.3rem;margin:30px 0 8px;border-bottom:2px solid var(--line);padding-bottom:4px}
        h3{font-size:1.05rem;margin:20px 0 6px}
        table{border-collapse:collapse;width:100%;font-size:.88rem}
        th,td{border-bottom:1px solid var(--line);padding:5px 7px;text-align:left;vertical-align:top}
        thead th{background:var(--bg);font-weight:600;position:sticky;top:0}
        td.num,th.num{text-align:right;white-space:nowrap}
        a{color:var(--accent)}
        .muted{color:var(--muted)}
        .nolink,.url{word-break:break-all}
        .nolink{color:var(--muted)}
        .cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0 6px}
        .card{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:140px;background:var(--bg)}
        .card b{display:block;font-size:1.45rem;line-height:1.2}
        .card span{color:var(--muted);font-size:.85rem}
        .good{color:var(--good)}.fair{color:var(--fair)}.poor{color:var(--poor)}
        .up{color:var(--good)}.down{color:var(--poor)}
        svg{max-width:100%;height:auto}
        svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,"Noto Sans Ethiopic",Ebrima,Nyala,Kefa,"Noto Sans Arabic","Geeza Pro",Tahoma,"DejaVu Sans",sans-serif;fill:var(--ink)}
        svg .tick{fill:var(--muted);font-size:10px}
        svg .track{fill:#edf0f3}
        svg .grid{stroke:#d5dbe1;stroke-dasharray:2 3}
        svg .axis{stroke:#9aa5b1}
        svg .bar.good,svg .dot.good{fill:var(--good)}
        svg .bar.fair,svg .dot.fair{fill:#d98b00}
        svg .bar.poor,svg .dot.poor{fill:var(--poor)}
        svg .line{fill:none;stroke:var(--accent);stroke-width:2}
        @media print{
          @page{size:A4 landscape;margin:12mm}
          body{font-size:9.5pt}
          header.top{background:none;color:#000;padding:0 0 6px;border-bottom:2px solid #000}
          header.top p{color:#333}
          header.top a,a{color:inherit;text-decoration:none}
          main{padding:0;max-width:none}
          .noprint{display:none!important}
          thead{display:table-header-group}
          thead th{position:static}
          tr,.card,svg{break-inside:avoid}
          h2,h3{break-after:avoid}
        }

        """;

    /// <summary>Writes the document start up to and including <c>&lt;body&gt;</c>; <paramref name="css"/> is a constant of the page.</summary>
    public static HtmlWriter Begin(string title, string css)
    {
        var w = new HtmlWriter();
        w.Trusted("<!DOCTYPE html>\n");
        w.Open("html", ("lang", "nb"));
        w.Open("head");
        w.Empty("meta", ("charset", "utf-8"));
        w.Empty("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"));
        w.Empty("meta", ("http-equiv", "Content-Security-Policy"), ("content", ContentSecurityPolicy));
        w.Empty("meta", ("name", "referrer"), ("content", "no-referrer"));
        w.Element("title", title);
        w.Open("style").Trusted(BaseCss).Trusted(css).Close("style");
        w.Close("head");
        w.Open("body");
        return w;
    }

    /// <summary>Closes <c>body</c> and <c>html</c> and returns the document.</summary>
    public static string End(HtmlWriter w)
    {
        w.Close("body").Close("html");
        return w.ToString() + "\n";
    }
}
