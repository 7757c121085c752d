#!/usr/bin/env python3
"""Small helpers for bench/run.sh (stdlib only).

    probe.py stamp
        Copy stdin to stdout, prefixing each line with the epoch time (s, ms precision) it arrived.
        Used on Lenkevakt's console output so log lines can be lined up with the nginx log.

    probe.py sample --match STR --port P --out FILE [--interval 0.5] [--max-seconds S] [--nginx-pidfile F]
        Every INTERVAL s (at most MAX_SECONDS), append one tab-separated line to FILE:
          epoch  conns  rss_dotnet_kb  rss_node_kb  cpu_dotnet_s  cpu_node_s  cpu_nginx_s
        conns    established TCP connections to 127.0.0.1:P (as `ss -Htn state established "( dport = :P )"`)
        dotnet / node: processes named dotnet or node whose command line contains STR (the run's own
                 directory: the Lenkevakt CLI and the Azurite it starts), RSS summed, CPU = utime+stime
        nginx    CPU of the workers of the nginx master in the pid file (cumulative)
        Stops on SIGTERM/SIGINT or after MAX_SECONDS.
"""
import argparse
import os
import signal
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def stamp():
    for line in sys.stdin:
        sys.stdout.write("%.3f %s" % (time.time(), line))
        sys.stdout.flush()


def proc_stat(pid):
    """(comm, ppid, cpu seconds, rss kB) of a pid, or None if it is gone."""
    try:
        with open("/proc/%s/stat" % pid) as f:
            s = f.read()
    except OSError:
        return None
    comm = s[s.index("(") + 1:s.rindex(")")]
    rest = s[s.rindex(")") + 2:].split()
    ppid = int(rest[1])
    cpu = (int(rest[11]) + int(rest[12])) / TICK
    rss_kb = int(rest[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
    return comm, ppid, cpu, rss_kb


def conns(port):
    try:
        out = subprocess.run(["ss", "-Htn", "state", "established", "( dport = :%d )" % port],
                             capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.TimeoutExpired):
        return -1
    return sum(1 for line in out.splitlines() if line.strip())


def sample(a):
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    needle = a.match.encode()
    master = None
    if a.nginx_pidfile:
        try:
            master = int(open(a.nginx_pidfile).read().strip())
        except (OSError, ValueError):
            master = None
    deadline = time.time() + a.max_seconds
    with open(a.out, "a") as out:
        while not stop and time.time() < deadline:
            rss = {"dotnet": 0, "node": 0}
            cpu = {"dotnet": 0.0, "node": 0.0, "nginx": 0.0}
            for pid in os.listdir("/proc"):
                if not pid.isdigit():
                    continue
                st = proc_stat(pid)
                if st is None:
                    continue
                comm, ppid, c, r = st
                if master is not None and ppid == master:
                    cpu["nginx"] += c
                    continue
                if comm not in ("dotnet", "node"):
                    continue
                try:
                    with open("/proc/%s/cmdline" % pid, "rb") as f:
                        if needle not in f.read():
                            continue
                except OSError:
                    continue
                rss[comm] += r
                cpu[comm] += c
            out.write("%.3f\t%d\t%d\t%d\t%.2f\t%.2f\t%.2f\n" % (
                time.time(), conns(a.port), rss["dotnet"], rss["node"], cpu["dotnet"], cpu["node"], cpu["nginx"]))
            out.flush()
            time.sleep(a.interval)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("stamp")
    s = sub.add_parser("sample")
    s.add_argument("--match", required=True)
    s.add_argument("--port", type=int, required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--interval", type=float, default=0.5)
    s.add_argument("--max-seconds", type=float, default=3600)
    s.add_argument("--nginx-pidfile")
    a = ap.parse_args()
    if a.cmd == "stamp":
        stamp()
    else:
        sample(a)


if __name__ == "__main__":
    main()
