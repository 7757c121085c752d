#!/usr/bin/env python3
"""Score and summarise bench/nation.sh runs (stdlib only).

    nation_score.py --nation DIR --run RUNDIR --rc N --t0 S --t1 S --load L --repo REPO
        Splits RUNDIR/out.csv by siteId, scores each site with score.py against its truth.json, reads
        /usr/bin/time's and probe.py's figures, and writes RUNDIR/meta.json and RUNDIR/score.json.
    nation_score.py --summarize OUTDIR
        One Markdown table of every run in OUTDIR/runs/ plus the median of each column.
"""
import argparse, json, os, statistics, subprocess, sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score as site_score  # noqa: E402


def time_v(path):
    out = {}
    try:
        for line in open(path):
            k, _, v = line.strip().rpartition(": ")
            out[k] = v
    except OSError:
        pass
    return out


def samples(path):
    """Peak RSS (kB) of the dotnet and node processes, and their CPU seconds, from probe.py's samples."""
    peak_dotnet = peak_node = cpu_dotnet = cpu_node = 0
    try:
        for line in open(path):
            f = line.split("\t")
            if len(f) < 7:
                continue
            peak_dotnet = max(peak_dotnet, int(f[2]))
            peak_node = max(peak_node, int(f[3]))
            cpu_dotnet = max(cpu_dotnet, float(f[4]))
            cpu_node = max(cpu_node, float(f[5]))
    except OSError:
        pass
    return peak_dotnet, peak_node, cpu_dotnet, cpu_node


def score_run(a):
    nation = json.load(open(os.path.join(a.nation, "nation.json")))
    rows = site_score.read_rows(os.path.join(a.run, "out.csv")) if os.path.exists(os.path.join(a.run, "out.csv")) else []
    by_site = defaultdict(list)
    for r in rows:
        by_site[r["SiteId"]].append(r)
    found = total = fps = lang_fps = 0
    per_class = defaultdict(lambda: [0, 0])
    sites_short = []
    for s in nation["sites"]:
        truth = json.load(open(s["truth"]))
        result, per, fp, lang_fp = site_score.score(truth, by_site.get(s["id"], []))
        for c, (f, n) in per.items():
            per_class[c][0] += f
            per_class[c][1] += n
            found += f
            total += n
        fps += len(fp)
        lang_fps += len(lang_fp)
        if any(f < n for f, n in per.values()) or fp:
            sites_short.append({"site": s["id"], "missed": len(result["missed"]), "fp": len(fp)})
    wall = float(a.t1) - float(a.t0)
    tv = time_v(os.path.join(a.run, "time.txt"))
    peak_dotnet, peak_node, cpu_dotnet, cpu_node = samples(os.path.join(a.run, "samples.tsv"))
    pages = len(nation["sites"]) * nation["pages_per_site"]
    rev = subprocess.run(["git", "-C", a.repo, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    env = open(os.path.join(a.run, "env")).read().split() if os.path.exists(os.path.join(a.run, "env")) else []
    report = time_v(os.path.join(a.run, "report-time.txt"))
    meta = {
        "commit": rev, "rc": int(a.rc), "sites": len(nation["sites"]), "pages": pages, "wall_s": round(wall, 1),
        "pages_per_s": round(pages / wall, 1) if wall > 0 else None,
        "cpu_pct": tv.get("Percent of CPU this job got"), "peak_rss_dotnet_mb": round(peak_dotnet / 1024),
        "peak_rss_node_mb": round(peak_node / 1024), "cpu_dotnet_s": round(cpu_dotnet, 1), "cpu_azurite_s": round(cpu_node, 1),
        "loadavg_before": a.load, "env": env,
        "defects_found": found, "defects_total": total, "false_positives": fps, "language_false_positives": lang_fps,
        "per_class": {c: {"found": f, "total": n} for c, (f, n) in sorted(per_class.items())},
        "sites_not_perfect": sites_short[:50],
        "report_wall_s": report.get("Elapsed (wall clock) time (h:mm:ss or m:ss)"),
        "report_peak_rss_mb": round(int(report["Maximum resident set size (kbytes)"]) / 1024) if "Maximum resident set size (kbytes)" in report else None,
    }
    json.dump(meta, open(os.path.join(a.run, "meta.json"), "w"), indent=1)
    print(f"rc={a.rc} wall={meta['wall_s']}s pages/s={meta['pages_per_s']} cpu={meta['cpu_pct']} "
          f"rss dotnet={meta['peak_rss_dotnet_mb']} MB node={meta['peak_rss_node_mb']} MB "
          f"defects {found}/{total} FP {fps} langFP {lang_fps} sites not perfect {len(sites_short)}"
          + (f" report {meta['report_wall_s']} {meta['report_peak_rss_mb']} MB" if meta["report_wall_s"] else ""))


def summarize(out):
    runs = []
    for name in sorted(os.listdir(os.path.join(out, "runs")), key=lambda n: int(n[1:]) if n[1:].isdigit() else 0):
        p = os.path.join(out, "runs", name, "meta.json")
        if os.path.exists(p):
            runs.append((name, json.load(open(p))))
    cols = ["wall_s", "pages_per_s", "cpu_pct", "peak_rss_dotnet_mb", "peak_rss_node_mb", "defects_found", "defects_total", "false_positives"]
    print("| run | commit | settings | " + " | ".join(cols) + " |")
    print("|" + " --- |" * (len(cols) + 3))
    for name, m in runs:
        print(f"| {name} | {m['commit']} | {' '.join(m['env']) or 'defaults'} | " + " | ".join(str(m.get(c)) for c in cols) + " |")
    if runs:
        def med(c):
            vals = [float(str(m[c]).rstrip("%")) for _, m in runs if m.get(c) is not None]
            return round(statistics.median(vals), 1) if vals else None
        print("| median | | | " + " | ".join(str(med(c)) for c in cols) + " |")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--nation"); p.add_argument("--run"); p.add_argument("--rc", default="0")
    p.add_argument("--t0"); p.add_argument("--t1"); p.add_argument("--load", default=""); p.add_argument("--repo", default=".")
    p.add_argument("--summarize")
    a = p.parse_args()
    if a.summarize:
        summarize(a.summarize)
    else:
        score_run(a)


if __name__ == "__main__":
    main()
