#!/usr/bin/env python3
"""Combine Lenkevakt runs (bench/run.sh) and peer runs (run_peers.sh) into one table per site size.

    summarize.py --out DIR [--pages N] [--shared /work/shared/bench]

Reads DIR/runs/lenkevakt-r*/ (meta.json, time.txt, access.log, samples.tsv, stdout.txt, out.csv,
score.json from bench/score.py) and DIR/peers/results.json (written by the shared score_peers.py).
Writes DIR/results.json and DIR/results.md and prints the markdown.

Lenkevakt's recall and FPs are bench/score.py's (exact source page + target). Each Lenkevakt run is
also scored with the peers' own matcher (score_peers.py, imported read-only) so the numbers are
comparable: "t x/y" = distinct defective targets found, and the FP kinds use the peers' labels.
Stdlib only.
"""
import argparse
import csv
import json
import os
import re
import statistics
import sys
import time

CONCURRENCY_MEANING = {
    "lenkevakt": "--host-concurrency {c} --link-concurrency {c} (at most {c} requests in flight per host)",
    "linkchecker": "-t {c} threads",
    "linkinator": "--concurrency {c} (does not bound in-flight sockets; see peak conns)",
}


def load_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def cpu_steal(path):
    """Share of the machine's CPU time stolen by the hypervisor, and busy (not idle/steal), during a run
    (two /proc/stat 'cpu' lines: before and after)."""
    try:
        a, b = [list(map(int, l.split()[1:])) for l in open(path).read().splitlines()[:2]]
    except (OSError, ValueError):
        return {}
    d = [y - x for x, y in zip(a, b)]
    total = sum(d[:8]) or 1
    return {"steal_pct": round(100.0 * d[7] / total, 1), "busy_pct": round(100.0 * (total - d[3] - d[4] - d[7]) / total, 1)}


def parse_samples(path):
    rows = []
    try:
        for line in open(path, encoding="utf-8"):
            p = line.split("\t")
            if len(p) == 7:
                rows.append([float(x) for x in p])
    except OSError:
        pass
    if not rows:
        return {}
    last_alive = [r for r in rows if r[2] > 0] or rows
    return {"peak_conns": int(max(r[1] for r in rows)),
            "peak_rss_tree_mb": round(max(r[2] + r[3] for r in rows) / 1024, 1),
            "peak_rss_dotnet_mb": round(max(r[2] for r in rows) / 1024, 1),
            "peak_rss_azurite_mb": round(max(r[3] for r in rows) / 1024, 1),
            "cpu_dotnet_s": round(max(r[4] for r in last_alive), 1),
            "cpu_azurite_s": round(max(r[5] for r in last_alive), 1),
            "cpu_nginx_s": round(rows[-1][6] - rows[0][6], 1),
            "samples": len(rows)}


# Lines of Lenkevakt's console output (stamped by probe.py) that mark the stages of a run.
MARKS = {
    "azurite_starting": r"Starting Azurite",
    "azurite_started": r"Started Azurite",
    "planned": r"Planned run",
    "crawled": r"Crawled \S+: \d+ pages",
    "closed": r"Closed \S+ in ",
    "exported": r"Funn skrevet til",
}


def parse_stdout(path):
    marks, out = {}, {}
    try:
        lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    except OSError:
        return marks, out
    for line in lines:
        ts, _, text = line.partition(" ")
        for key, rx in MARKS.items():
            if key not in marks and re.search(rx, text):
                marks[key] = float(ts)
        m = re.search(r"Crawled \S+: (\d+) pages, (\d+) links, (\d+) findings in ([\d.,]+)s", text)
        if m:
            out.update(pages_reported=int(m.group(1)), links_found=int(m.group(2)),
                       findings_reported=int(m.group(3)), crawl_s_reported=float(m.group(4).replace(",", ".")))
        m = re.search(r"(\d+) sider, (\d+) lenker sjekket", text)
        if m:
            out["links_checked"] = int(m.group(2))
    return marks, out


def access_times(path, site_port):
    """First request, last request and last HTML page GET (epoch s) of a run's nginx log slice."""
    first = last = last_page = None
    rx = re.compile(r'^(\S+) (\S+) (\d+) \d+ (\d+) "[^"]*" "([^"]*)"')
    try:
        for line in open(path, encoding="utf-8", errors="replace"):
            m = rx.match(line)
            if not m:
                continue
            ts = float(m.group(1))
            first = first if first is not None else ts
            last = ts
            if int(m.group(4)) == site_port and m.group(2) == "GET" and m.group(3) == "200" and m.group(5).startswith("text/html"):
                last_page = ts
    except OSError:
        pass
    return first, last, last_page


PHASE_ORDER = ["to_azurite_start", "azurite_start", "to_first_request", "crawl_to_last_page", "last_page_to_last_request",
               "last_request_to_crawled_log", "crawled_to_closed", "closed_to_exit"]


def phases(meta, marks, first_req, last_req, last_page):
    """Where the wall time went, from the stamped log lines and the nginx log (seconds)."""
    t0, t1 = meta["started_at"], meta["ended_at"]
    ph = {}

    def span(name, a, b):
        if a is not None and b is not None:
            ph[name] = round(b - a, 2)

    span("to_azurite_start", t0, marks.get("azurite_starting"))         # dotnet start, host build
    span("azurite_start", marks.get("azurite_starting"), marks.get("azurite_started"))
    span("to_first_request", marks.get("azurite_started"), first_req)   # provision, plan, queue pickup
    span("crawl_to_last_page", first_req, last_page)
    span("last_page_to_last_request", last_page, last_req)
    span("last_request_to_crawled_log", last_req, marks.get("crawled"))  # evaluate, spool read-back
    span("crawled_to_closed", marks.get("crawled"), marks.get("closed"))  # findings + site-crawled queues
    span("closed_to_exit", marks.get("closed"), t1)                       # drain checks, summary, export, stop
    return ph


def lenkevakt_parser(path, norm, site_base):
    """Lenkevakt CSV export -> reports in score_peers.py's shape."""
    reps = []
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        for r in ({k[:1].upper() + k[1:]: v for k, v in row.items()} for row in csv.DictReader(f)):  # camelCase or PascalCase headers
            parent = r.get("PageUrl") or site_base + "/"
            reps.append({"parent": norm.page(parent), "target": norm.link(r["Target"], parent),
                         "severity": r.get("Severity", ""),
                         "detail": ("%s %s %s" % (r.get("Kind", ""), r.get("Status", ""), r.get("StatusCode", ""))).strip()})
    return reps


def lenkevakt_runs(out_dir, shared):
    base = os.path.join(out_dir, "runs")
    runs = []
    sp = None
    try:
        sys.path.insert(0, shared)
        import score_peers as sp   # noqa: E402  (the peers' matcher, read-only)
    except ImportError:
        sp = None
    truths = {}
    for name in sorted(os.listdir(base)) if os.path.isdir(base) else []:
        d = os.path.join(base, name)
        meta = load_json(os.path.join(d, "meta.json"))
        if not name.startswith("lenkevakt-") or not meta:
            continue
        r = dict(meta)
        site_port = int(r["site_base"].rsplit(":", 1)[1])
        ext_port = int(r["ext_base"].rsplit(":", 1)[1])
        if sp:
            r.update(sp.parse_time_v(os.path.join(d, "time.txt")))
            r.update(sp.parse_access(os.path.join(d, "access.log"), site_port, ext_port))
        r.update(parse_samples(os.path.join(d, "samples.tsv")))
        r.update(cpu_steal(os.path.join(d, "procstat.txt")))
        marks, info = parse_stdout(os.path.join(d, "stdout.txt"))
        r.update(info)
        r["phases_s"] = phases(r, marks, *access_times(os.path.join(d, "access.log"), site_port))
        r["pages_per_s"] = r.get("pages_crawled", 0) / r["wall_s"] if r["wall_s"] else 0.0
        sc = load_json(os.path.join(d, "score.json"))
        r["score"] = sc   # bench/score.py
        out_csv = os.path.join(d, "out.csv")
        if sp and os.path.exists(out_csv):
            key = (r["site_dir"], r["site_base"])
            if key not in truths:
                norm = sp.Norm(r["site_base"], r["ext_base"])
                truths[key] = (norm, sp.Truth(os.path.join(r["site_dir"], "truth.json"), os.path.join(r["site_dir"], "site"), norm, r["site_base"]))
            norm, truth = truths[key]
            r["score_peers_method"] = sp.score_run(lenkevakt_parser(out_csv, norm, r["site_base"]), truth)
        runs.append(r)
    return runs


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def fmt(x, nd=1):
    return "-" if x is None else "%.*f" % (nd, x)


def rng(xs):
    xs = sorted(set(xs))
    return str(xs[0]) if len(xs) == 1 else "%s–%s" % (xs[0], xs[-1])


def tool_row(tool, variant, runs, conc):
    walls = [r["wall_s"] for r in runs]
    cpu = [(r.get("cpu_user_s") or 0) + (r.get("cpu_sys_s") or 0) for r in runs]
    pages = [r.get("pages_crawled", 0) for r in runs]
    row = {"tool": tool, "variant": variant, "runs": len(runs), "concurrency": conc,
           "concurrency_meaning": CONCURRENCY_MEANING.get(tool, "").format(c=conc)
           + ("" if tool != "lenkevakt" else "; every check on (content checks too)" if all(r.get("content_checks", False) for r in runs)
              else "; link checks only (--no-content)" if not any(r.get("content_checks", False) for r in runs) else "; mixed content settings"),
           "wall_s_median": med(walls), "wall_s_min": min(walls), "wall_s_max": max(walls),
           "pages_crawled": pages, "pages_per_s_median": med([r.get("pages_per_s") for r in runs]),
           "peak_rss_mb_median": med([r.get("peak_rss_mb") for r in runs]),
           "peak_rss_mb_max": max((r.get("peak_rss_mb") or 0) for r in runs),
           "cpu_s_median": med(cpu), "req_per_page_median": med([r.get("requests_site", 0) / max(1, r.get("pages_crawled") or 1) for r in runs]),
           "peak_conns_max": max((r.get("peak_conns") or 0) for r in runs),
           "timed_out": sum(bool(r.get("timed_out")) for r in runs),
           "rc": sorted({r.get("rc") for r in runs}),
           "loadavg_before": [r.get("loadavg_before") for r in runs],
           "steal_pct": [r.get("steal_pct") for r in runs], "busy_pct": [r.get("busy_pct") for r in runs]}
    if tool == "lenkevakt":
        row["peak_rss_tree_mb_median"] = med([r.get("peak_rss_tree_mb") for r in runs])
        row["peak_rss_azurite_mb_median"] = med([r.get("peak_rss_azurite_mb") for r in runs])
        row["cpu_dotnet_s_median"] = med([r.get("cpu_dotnet_s") for r in runs])
        row["cpu_azurite_s_median"] = med([r.get("cpu_azurite_s") for r in runs])
        row["cpu_nginx_s_median"] = med([r.get("cpu_nginx_s") for r in runs])
        keys = [k for k in PHASE_ORDER if any(k in r.get("phases_s", {}) for r in runs)]
        row["phases_s_median"] = {k: med([r.get("phases_s", {}).get(k) for r in runs]) for k in keys}
        scored = [r for r in runs if r.get("score")]
        row["recall"] = {}
        for r in scored:
            for cls, v in r["score"]["recall"].items():
                row["recall"].setdefault(cls, {"found": [], "total": v["total"]})["found"].append(v["found"])
        row["fp"] = [len(r["score"]["false_positives"]) for r in scored]
        row["fp_examples"] = scored[0]["score"]["false_positives"][:10] if scored else []
        row["missed_first"] = scored[0]["score"]["missed"][:20] if scored else []
        pm = [r["score_peers_method"] for r in runs if r.get("score_peers_method")]
    else:
        pm = [r["score"] for r in runs if r.get("score")]
        row["recall"] = {}
        for s in pm:
            for cls, v in s["recall"].items():
                row["recall"].setdefault(cls, {"found": [], "total": v["occurrences"]})["found"].append(v["exact"])
        row["fp"] = [s["fp_count"] for s in pm]
        row["fp_examples"] = pm[0]["fp_examples"][:10] if pm else []
    # the peers' matcher, for every tool: exact occurrences, distinct targets, FP kinds, incidental
    row["peers_method"] = {
        "exact": [s["recall_exact_total"][0] for s in pm], "exact_total": pm[0]["recall_exact_total"][1] if pm else None,
        "targets": [s["recall_targets_total"][0] for s in pm], "targets_total": pm[0]["recall_targets_total"][1] if pm else None,
        "fp": [s["fp_count"] for s in pm], "fp_by_class_first": pm[0]["fp_by_class"] if pm else {},
        "incidental_first": len(pm[0]["incidental_hits"]) if pm else 0,
        "targets_by_class": {cls: ([v["targets_found"] for v in [s["recall"][cls] for s in pm]], pm[0]["recall"][cls]["targets"])
                             for cls in (pm[0]["recall"] if pm else {})}}
    return row


def markdown(pages, rows, all_runs, classes, date):
    L = ["## %d pages (%s)" % (pages, date), "",
         "Wall = whole process, cold, median of runs (min–max). pages = distinct site pages answered 200 text/html "
         "to a GET (nginx log). pages/s = pages / wall. Peak RSS = /usr/bin/time -v (largest single process). "
         "CPU = user+sys s (for Lenkevakt incl. its Azurite child). req/page = site requests per crawled page. "
         "conns = peak established TCP connections to the site port (sampled every 0.5 s).", "",
         "| tool | concurrency | runs | wall s | pages crawled | pages/s | peak RSS MB | CPU s | req/page | conns | timed out | recall exact | targets found | FP |",
         "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        pm = r["peers_method"]
        exact = sum(min(v["found"]) for v in r["recall"].values()) if r["recall"] else 0
        exact_hi = sum(max(v["found"]) for v in r["recall"].values()) if r["recall"] else 0
        total = sum(v["total"] for v in r["recall"].values())
        L.append("| %s | %s | %d | %s (%s–%s) | %s | %s | %s | %s | %s | %d | %d | %s/%d | %s/%s | %s |" % (
            r["tool"], r["concurrency_meaning"], r["runs"], fmt(r["wall_s_median"]), fmt(r["wall_s_min"]), fmt(r["wall_s_max"]),
            rng(r["pages_crawled"]), fmt(r["pages_per_s_median"]), fmt(r["peak_rss_mb_median"], 0), fmt(r["cpu_s_median"]),
            fmt(r["req_per_page_median"]), r["peak_conns_max"], r["timed_out"],
            str(exact) if exact == exact_hi else "%d–%d" % (exact, exact_hi), total,
            rng(pm["targets"]) if pm["targets"] else "-", pm["targets_total"] or "-", rng(r["fp"]) if r["fp"] else "-"))
    lv = next((r for r in rows if r["tool"] == "lenkevakt"), None)
    if lv:
        L += ["", "Lenkevakt, sampled: peak RSS of dotnet + Azurite together %s MB (Azurite alone %s MB); CPU dotnet %s s, "
              "Azurite %s s, nginx worker %s s (medians)." % (
                  fmt(lv.get("peak_rss_tree_mb_median"), 0), fmt(lv.get("peak_rss_azurite_mb_median"), 0),
                  fmt(lv.get("cpu_dotnet_s_median")), fmt(lv.get("cpu_azurite_s_median")), fmt(lv.get("cpu_nginx_s_median")))]
        if lv.get("phases_s_median"):
            L += ["", "Lenkevakt wall time by stage (median s; from its stamped log lines and the nginx log):", "",
                  "| " + " | ".join(lv["phases_s_median"]) + " |", "|" + "---|" * len(lv["phases_s_median"]),
                  "| " + " | ".join(fmt(v, 2) for v in lv["phases_s_median"].values()) + " |"]
    L += ["", "Recall per defect class: exact (source page, target) occurrences found / total, min–max over runs "
          "(Lenkevakt: bench/score.py; peers: score_peers.py). (t x/y) = distinct defective targets found, peers' matcher.", "",
          "| class | " + " | ".join(r["tool"] for r in rows) + " |", "|---|" + "---|" * len(rows)]
    for cls in classes:
        cells = []
        for r in rows:
            v = r["recall"].get(cls)
            t = r["peers_method"]["targets_by_class"].get(cls)
            if not v:
                cells.append("-")
                continue
            s = "%s/%d" % (rng(v["found"]), v["total"])
            if t:
                s += " (t %s/%d)" % (rng(t[0]), t[1])
            cells.append(s)
        L.append("| %s | %s |" % (cls, " | ".join(cells)))
    L += ["", "False positives (first run, peers' labels):", ""]
    for r in rows:
        pm = r["peers_method"]
        kinds = ", ".join("%s %d" % kv for kv in sorted(pm["fp_by_class_first"].items())) or "none"
        inc = "; plus %d reports on defect targets for the wrong reason (not counted)" % pm["incidental_first"] if pm["incidental_first"] else ""
        L.append("- %s: %s%s" % (r["tool"], kinds, inc))
    if all_runs:
        L += ["", "Every run (load = 1/5/15-min load average just before; steal = CPU time taken by the hypervisor "
              "during the run, % of both cores; busy = non-idle share of both cores):", "",
              "| tool | run | load before | steal % | busy % | rc | wall s | CPU s | peak RSS MB | pages |",
              "|---|---|---|---|---|---|---|---|---|---|"]
        for r in sorted(all_runs, key=lambda r: r["started_at"]):
            L.append("| %s | r%d | %s | %s | %s | %s | %.1f | %.1f | %s | %s |" % (
                r["tool"], r["repeat"], r.get("loadavg_before"), fmt(r.get("steal_pct")), fmt(r.get("busy_pct")), r.get("rc"), r["wall_s"],
                (r.get("cpu_user_s") or 0) + (r.get("cpu_sys_s") or 0), fmt(r.get("peak_rss_mb"), 0), r.get("pages_crawled")))
    return "\n".join(L) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--pages", type=int)
    ap.add_argument("--shared", default="/work/shared/bench")
    a = ap.parse_args()
    lv = lenkevakt_runs(a.out, a.shared)
    peers = load_json(os.path.join(a.out, "peers", "results.json")) or {"runs": []}
    peer_runs = [r for r in peers["runs"] if r.get("variant") in ("linkchecker", "linkinator")]
    for r in peer_runs:
        r.update(cpu_steal(os.path.join(a.out, "peers", "runs", "%s-r%d" % (r["variant"], r["repeat"]), "procstat.txt")))
    all_runs = lv + peer_runs
    if not all_runs:
        sys.exit("no runs in %s" % a.out)
    pages = a.pages or all_runs[0]["pages"]
    all_runs = [r for r in all_runs if r["pages"] == pages]
    truth = load_json(os.path.join(all_runs[0]["site_dir"], "truth.json"))
    classes = list(truth["classes"]) if truth else []
    rows = []
    for tool in ("lenkevakt", "linkchecker", "linkinator"):
        rs = [r for r in all_runs if r["tool"] == tool]
        if rs:
            rows.append(tool_row(tool, rs[0]["variant"], rs, rs[0].get("concurrency")))
    dates = sorted({time.strftime("%Y-%m-%d", time.gmtime(r["started_at"])) for r in all_runs})
    md = "# Lenkevakt vs peer link checkers\n\n" + markdown(pages, rows, all_runs, classes, ", ".join(dates))
    with open(os.path.join(a.out, "results.md"), "w", encoding="utf-8") as f:
        f.write(md)
    slim = [{k: v for k, v in r.items() if k not in ("dir",)} for r in lv]
    with open(os.path.join(a.out, "results.json"), "w", encoding="utf-8") as f:
        json.dump({"pages": pages, "dates": dates, "summary": rows, "lenkevakt_runs": slim,
                   "peer_runs": peer_runs, "peer_results": os.path.join(a.out, "peers", "results.json")},
                  f, ensure_ascii=False, indent=1)
    print(md)


if __name__ == "__main__":
    main()
