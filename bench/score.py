#!/usr/bin/env python3
"""Score a Lenkevakt findings export (CSV from `lenkevakt run --export` or `export findings --format csv`)
against a gen_site.py truth.json: recall per defect class (exact source page + target) and false positives.
Link-check findings are scored against `defects`; language findings (lang-missing, lang-mismatch) against
`page_findings`; other content findings (required information, readability, hreflang) are not in the truth
and are counted separately, not as link false positives.

    score.py TRUTH_JSON FINDINGS_CSV [--json OUT]
"""
import csv, json, sys
from collections import defaultdict
from urllib.parse import urlsplit, unquote, quote

def canon_path(url):
    """Path (+query) with normalised percent-encoding; '/' -> '/index.html'; file:/mailto:/tel: as written."""
    if not url.startswith(("http://", "https://", "/")):
        return url.strip()
    s = urlsplit(url)
    path = quote(unquote(s.path, errors="surrogateescape"), safe="/%:@!$&'()*+,;=-._~", errors="surrogateescape") if "%" not in s.path else s.path
    if path.endswith("/"):
        path += "index.html"
    return path + (("?" + s.query) if s.query else "")

def key(source, target, fragment=None):
    frag = ("#" + unquote(fragment)) if fragment else ""
    host = ""
    if target.startswith(("http://", "https://")):
        host = urlsplit(target).netloc
    return (canon_path(source), host + canon_path(target.split("#")[0]) + frag)

def main():
    truth = json.load(open(sys.argv[1]))
    site_host = None
    # The exports use camelCase headers (pageUrl, kind, target); older ones PascalCase. Read both.
    rows = [{k[:1].upper() + k[1:]: v for k, v in r.items()} for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))]
    if rows:
        site_host = urlsplit(rows[0]["PageUrl"]).netloc
    expected = {}
    for d in truth["defects"]:
        target = d["target"]
        host = urlsplit(target).netloc if target.startswith("http") else ""
        frag = target.split("#", 1)[1] if "#" in target else None
        tgt = target if host else target
        k = (canon_path(d["source"]), (host if host and host != site_host else "") + canon_path(tgt.split("#")[0]) + (("#" + unquote(frag)) if frag else "")) \
            if tgt.startswith(("/", "http")) else (canon_path(d["source"]), tgt)
        expected[k] = d["class"]
    content_kinds = {"lang-missing", "lang-invalid", "lang-mismatch", "hreflang-broken", "hreflang-not-reciprocal", "required-missing", "readability-hard"}
    lang_found = {(canon_path(r["PageUrl"]), r["Kind"]) for r in rows if r["Kind"] in ("lang-missing", "lang-mismatch")}
    lang_expected = {(canon_path(p["page"]), "lang-missing" if p["class"] == "lang_missing" else "lang-mismatch"): p["class"] for p in truth.get("page_findings", [])}
    content_other = [r for r in rows if r["Kind"] in content_kinds]
    rows = [r for r in rows if r["Kind"] not in content_kinds]
    found = {}
    for r in rows:
        tgt = r["Target"]
        host = urlsplit(tgt).netloc if tgt.startswith("http") else ""
        frag = tgt.split("#", 1)[1] if "#" in tgt and tgt.startswith("http") else None
        if tgt.startswith("http"):
            t = (host if host != site_host else "") + canon_path(tgt.split("#")[0]) + (("#" + unquote(frag)) if frag else "")
        else:
            t = tgt
        found[(canon_path(r["PageUrl"]), t)] = r["Kind"]
    per = defaultdict(lambda: [0, 0])
    for k, cls in expected.items():
        per[cls][1] += 1
        if k in found:
            per[cls][0] += 1
    fps = [(k, v) for k, v in found.items() if k not in expected]
    result = {"recall": {c: {"found": f, "total": n} for c, (f, n) in sorted(per.items())},
              "false_positives": [{"page": k[0], "target": k[1], "kind": v} for k, v in fps],
              "missed": [{"page": k[0], "target": k[1], "class": c} for k, c in expected.items() if k not in found]}
    for k, cls in lang_expected.items():
        per[cls][1] += 1
        if k in lang_found:
            per[cls][0] += 1
    lang_fp = [k for k in lang_found if k not in lang_expected]
    result["recall"] = {c: {"found": f, "total": n} for c, (f, n) in sorted(per.items())}
    result["language_false_positives"] = [{"page": k[0], "kind": k[1]} for k in lang_fp]
    result["content_findings_not_scored"] = len(content_other) - len([r for r in content_other if r["Kind"] in ("lang-missing", "lang-mismatch")])
    for c, (f, n) in sorted(per.items()):
        print(f"{c:28s} {f}/{n}")
    print(f"language false positives: {len(lang_fp)}")
    print(f"other content findings (not in truth, not scored): {result['content_findings_not_scored']}")
    print(f"false positives: {len(fps)}")
    for fp in result["false_positives"][:20]:
        print("  FP", fp)
    for m in result["missed"][:20]:
        print("  MISSED", m)
    if "--json" in sys.argv:
        json.dump(result, open(sys.argv[sys.argv.index("--json") + 1], "w"), indent=1, ensure_ascii=False)

main()
