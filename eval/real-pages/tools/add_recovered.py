#!/usr/bin/env python3
"""Write recovered page texts for URLs already in labels.json.

Input: batch files of `### <url>` followed by the stored excerpt (no `L:` line). Each text is written to
/work/evaldata/pages/<sha1(url)[:12]>.txt (or $LENKEVAKT_EVAL_PAGES). URLs not in labels.json are reported and skipped.
"""
import sys, hashlib, json, os
here = os.path.dirname(os.path.abspath(__file__))
labels = json.load(open(os.path.join(here, "..", "labels.json"), encoding="utf-8"))
known = {p["url"] for p in labels["pages"]}
out = os.environ.get("LENKEVAKT_EVAL_PAGES", "/work/evaldata/pages")
os.makedirs(out, exist_ok=True)
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    for chunk in ("\n" + text).split("\n### "):
        if not chunk.strip():
            continue
        lines = chunk.split("\n")
        url = lines[0].strip()
        if url not in known:
            print("NOT IN LABELS:", url)
            continue
        body = "\n".join(lines[1:]).strip() + "\n"
        fid = hashlib.sha1(url.encode()).hexdigest()[:12]
        open(os.path.join(out, fid + ".txt"), "w", encoding="utf-8").write(body)
        print(fid, url)
