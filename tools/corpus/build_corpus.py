"""Builds tests/Lenkevakt.Tests/Fixtures/corpus/ (HTML pages + labels.json) from the hand-written pages in pages_*.py.

Labels: each page lists the rules a human reader finds met ("met"); every other rule is "not-met" on help pages
and "not-applicable" on pages that are not help pages or for rules that do not apply to the site's kind.
Run: python3 tools/corpus/build_corpus.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
OUT = os.path.join(HERE, "..", "..", "tests", "Lenkevakt.Tests", "Fixtures", "corpus")

import pages_fjordvik, pages_nordrelia, pages_sorbyen, pages_gammelvik, pages_vestrefjell, pages_helsenorge  # noqa: E402

rules = json.load(open(os.path.join(HERE, "..", "..", "config", "rules", "required-fields.v1.json"), encoding="utf-8"))["rules"]

pages = []
for module in (pages_fjordvik, pages_nordrelia, pages_sorbyen, pages_gammelvik, pages_vestrefjell, pages_helsenorge):
    pages.extend(module.PAGES)

os.makedirs(OUT, exist_ok=True)
labels = []
for p in pages:
    encoding = p.get("encoding", "utf-8")
    data = p["html"].encode("latin-1" if encoding == "iso-8859-1" else "utf-8")
    with open(os.path.join(OUT, p["file"]), "wb") as f:
        f.write(data)
    unknown = [r for r in p["met"] if r not in {x["id"] for x in rules}]
    if unknown:
        raise SystemExit(f"{p['file']}: unknown rule ids {unknown}")
    result = {}
    for r in rules:
        if not p["help"] or p["kind"] not in r["appliesTo"]:
            if r["id"] in p["met"]:
                raise SystemExit(f"{p['file']}: {r['id']} listed as met but is not applicable")
            result[r["id"]] = "not-applicable"
        else:
            result[r["id"]] = "met" if r["id"] in p["met"] else "not-met"
    labels.append({
        "file": p["file"], "url": p["url"], "siteId": p["site"], "siteKind": p["kind"], "encoding": encoding,
        "declaredLang": p["declared"], "trueLang": p["lang"], "isHelpPage": p["help"], "rules": result,
    })

with open(os.path.join(OUT, "labels.json"), "w", encoding="utf-8") as f:
    json.dump({"description": "Ground truth for the content checks, written by reading each page as a human would. "
                              "Rules: met / not-met / not-applicable. See tools/corpus/build_corpus.py.",
               "pages": labels}, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(f"{len(labels)} pages written to {os.path.normpath(OUT)}")
