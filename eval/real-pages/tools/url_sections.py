#!/usr/bin/env python3
"""How well the URL's section tells news from help pages, on the labelled URLs alone (no page texts needed).

Counts, over labels.json, the pages whose URL path has a news-section word, split by the help-page label.
"""
import json, os, re
here = os.path.dirname(os.path.abspath(__file__))
pages = json.load(open(os.path.join(here, "..", "labels.json"), encoding="utf-8"))["pages"]
news = re.compile(r"/(aktuelt|nyhet|nyheter|nyhetsarkiv|news|artikkel|artikler|arkiv|presse|kunngj)", re.I)
rows = {(n, h): 0 for n in (True, False) for h in (True, False)}
for p in pages:
    rows[(bool(news.search(p["url"])), p["help"])] += 1
non_help = rows[(True, False)] + rows[(False, False)]
flagged = rows[(True, False)] + rows[(True, True)]
print(f"pages {len(pages)}, non-help {non_help}, news-section URLs {flagged}")
print(f"news-section URL and help page: {rows[(True, True)]}; and not a help page: {rows[(True, False)]}")
print(f"as a 'not a help page' signal: precision {rows[(True, False)] / flagged:.2f}, recall {rows[(True, False)] / non_help:.2f}")
