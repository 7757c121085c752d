#!/usr/bin/env python3
"""Split a batch file (### url / L: labels / text) into page files and label rows."""
import sys, hashlib, json, os
RULES = ["kommunale-helsetjenester","fastlege-dagtid","legevakt-116117","legevakt-utenfor-kontortid","nodnummer-113",
         "hjelpetelefoner-psykisk-helse","frivillige-organisasjoner","informasjon-andre-sprak","klart-sprak",
         "telefon","e-post","besoksadresse","apningstider","akuttmottak"]
CODE = {"m":"met","n":"not-met","-":"not-applicable"}
out = "/work/evaldata/labels-staging.jsonl"
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    for chunk in text.split("\n### ")[0:]:
        chunk = chunk[4:] if chunk.startswith("### ") else chunk
        if not chunk.strip(): continue
        lines = chunk.split("\n")
        url = lines[0].strip()
        lab = lines[1]
        assert lab.startswith("L: "), (url, lab)
        kind, help_, lang, codes = lab[3:].split()
        assert len(codes) == 14, (url, codes)
        body = "\n".join(lines[2:]).strip() + "\n"
        fid = hashlib.sha1(url.encode()).hexdigest()[:12]
        open(f"/work/evaldata/pages/{fid}.txt", "w", encoding="utf-8").write(body)
        if help_ == "n": codes = "-"*14
        row = {"url":url,"file":fid+".txt","kind":{"m":"municipality","h":"helsenorge"}[kind],"help":help_=="y","lang":lang,
               "rules":{r:CODE[c] for r,c in zip(RULES,codes)}}
        with open(out,"a",encoding="utf-8") as f: f.write(json.dumps(row, ensure_ascii=False)+"\n")
        print(fid, url)
