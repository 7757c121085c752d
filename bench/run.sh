#!/usr/bin/env bash
# Benchmark Lenkevakt against the peer link checkers (LinkChecker, linkinator) on the synthetic
# municipal site from /work/shared/bench, and print one combined table.
#
#   bench/run.sh [--pages N] [--repeats R] [--concurrency C] [--tools LIST] [--out DIR]
#                [--lc-repeats K] [--timeout S] [--peer-timeout S] [--skip-peers] [--skip-build] [--no-content]
#                [--max-load L] [--load-wait S] [--seed S] [--shared DIR] [--site-dir DIR] [--set KEY=VALUE]...
#
#   --pages N         site size (default 2000); the site is /tmp/lenkevakt-bench/site-N, generated
#                     with gen_site.py --seed 42 if missing (the same site run_peers.sh uses)
#   --repeats R       timed runs per tool (default 3); rounds are interleaved:
#                     lenkevakt r1, linkchecker r1, linkinator r1, lenkevakt r2, ...
#   --lc-repeats K    LinkChecker runs (default R; 1 is enough at 10 000 pages, it takes ~10 min)
#   --concurrency C   default 10. Lenkevakt: --host-concurrency C --link-concurrency C;
#                     LinkChecker: -t C threads; linkinator: --concurrency C (does not bound sockets)
#   --tools LIST      comma list of lenkevakt,linkchecker,linkinator (default all three)
#   --out DIR         default /tmp/lenkevakt-bench/bench-N. Runs accumulate in DIR/runs/lenkevakt-r<k>/
#                     and DIR/peers/runs/<tool>-r<k>/ (run_peers.sh); every call re-summarises all
#                     of them into DIR/results.json and DIR/results.md. Use a new DIR for a clean set.
#   --timeout S       per Lenkevakt run (default 900); --peer-timeout S per peer run (default 600)
#   --skip-peers      run no peers; reuse DIR/peers/results.json if present
#   --skip-build      do not rebuild Lenkevakt (default: dotnet build -c Release first)
#   --no-content      Lenkevakt without its content checks (languages, required fields): link checks only, as the
#                     peers do. Default: every check on (--content, kept for older calls, is the default)
#   --site-dir DIR    crawl this gen_site.py-style site instead of /tmp/lenkevakt-bench/site-N (not generated; e.g. the
#                     copy with real-page resources that bench/add_resources.py makes)
#   --set K=V         an extra configuration value for the Lenkevakt runs, as an environment variable
#                     (e.g. --set Lenkevakt__Crawl__CheckResources=false); recorded in the run's env file
#   --max-load L      before each timed run wait until the 1-min load average is <= L (default 1.5) ...
#   --load-wait S     ... for at most S seconds (default 120), then run anyway (the load is recorded)
#
# Each Lenkevakt run: a fresh empty working directory (so a fresh Azurite data folder), Azurite on
# three free loopback ports (so the run never shares an emulator with another process), the CLI
# timed with /usr/bin/time -v under timeout; the whole process is timed (dotnet start, Azurite
# start, crawl, queue stages, summary, export, Azurite stop). Scored with bench/score.py.
# Only loopback traffic. nginx is started with serve.sh (and stopped at exit) only if it was not
# already serving this site.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
SHARED=/work/shared/bench
PAGES=2000; REPEATS=3; LC_REPEATS=; CONC=10; TOOLS=lenkevakt,linkchecker,linkinator; OUT=
TIMEOUT=900; PEER_TIMEOUT=600; SKIP_PEERS=0; SKIP_BUILD=0; MAX_LOAD=1.5; LOAD_WAIT=120; SEED=42; CONTENT=true
SITE_PORT=18080; EXT_PORT=18081; SITE_DIR_ARG=; SETS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --pages) PAGES=$2; shift 2 ;;
    --repeats) REPEATS=$2; shift 2 ;;
    --lc-repeats) LC_REPEATS=$2; shift 2 ;;
    --concurrency) CONC=$2; shift 2 ;;
    --tools) TOOLS=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    --peer-timeout) PEER_TIMEOUT=$2; shift 2 ;;
    --skip-peers) SKIP_PEERS=1; shift ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    --content) CONTENT=true; shift ;;
    --no-content) CONTENT=false; shift ;;
    --max-load) MAX_LOAD=$2; shift 2 ;;
    --load-wait) LOAD_WAIT=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --shared) SHARED=$2; shift 2 ;;
    --site-dir) SITE_DIR_ARG=$2; shift 2 ;;
    --set) SETS+=("$2"); shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
LC_REPEATS=${LC_REPEATS:-$REPEATS}
OUT=${OUT:-/tmp/lenkevakt-bench/bench-$PAGES}
SITE_DIR=${SITE_DIR_ARG:-/tmp/lenkevakt-bench/site-$PAGES}
SITE_BASE=http://127.0.0.1:$SITE_PORT
NGINX_DIR=/tmp/lenkevakt-bench/nginx-$SITE_PORT
DLL=$REPO/src/Lenkevakt.Cli/bin/Release/net10.0/Lenkevakt.Cli.dll
has_tool() { case ",$TOOLS," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }
mkdir -p "$OUT/runs"

# ---------- cleanup: only what this script started ----------
STARTED_SERVER=0; SAMPLER=; RUN_DIR=
cleanup() {
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null || true
  [ -n "$RUN_DIR" ] && kill_leftovers "$RUN_DIR"
  if [ "$STARTED_SERVER" = 1 ]; then "$SHARED/serve.sh" stop --site-port "$SITE_PORT" || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Processes of one Lenkevakt run that outlived it (e.g. Azurite after a timeout kill): their
# command line names the run's own directory; each is ended by its pid.
kill_leftovers() {
  local pid
  for pid in $(grep -lsaF -- "$1" /proc/[0-9]*/cmdline 2>/dev/null | cut -d/ -f3); do
    [ "$pid" = "$$" ] && continue
    case "$(cat "/proc/$pid/comm" 2>/dev/null)" in
      dotnet|node) log "ending leftover $(cat "/proc/$pid/comm") pid $pid"; kill -INT "$pid" 2>/dev/null || true ;;
    esac
  done
}

# ---------- (a) build, and the pinned Azurite installed before any timed run ----------
if has_tool lenkevakt; then
  if [ "$SKIP_BUILD" = 0 ]; then
    log "building Lenkevakt (Release)"
    timeout 900 dotnet build "$REPO/src/Lenkevakt.Cli" -c Release -nologo -v q >"$OUT/build.log" 2>&1 \
      || { tail -20 "$OUT/build.log" >&2; exit 1; }
  fi
  [ -f "$DLL" ] || { echo "no $DLL: build first" >&2; exit 1; }
  if [ ! -x "$REPO/tools/azurite/node_modules/.bin/azurite" ]; then
    log "installing the pinned Azurite (npm ci in tools/azurite), outside the timed runs"
    (cd "$REPO/tools/azurite" && timeout 600 npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
fi

# ---------- (b) site, (c) server ----------
if [ -z "$SITE_DIR_ARG" ] && { [ ! -f "$SITE_DIR/truth.json" ] || ! grep -q "\"pages\": $PAGES," "$SITE_DIR/truth.json"; }; then
  log "generating $SITE_DIR (seed $SEED)"
  python3 "$SHARED/gen_site.py" --pages "$PAGES" --seed "$SEED" --out "$SITE_DIR" --site-port "$SITE_PORT" --ext-port "$EXT_PORT"
fi
if status=$("$SHARED/serve.sh" status --site-port "$SITE_PORT"); then
  case "$status" in
    *" site $SITE_DIR") log "nginx already serves $SITE_DIR; using it" ;;
    *) echo "port $SITE_PORT already serves another site ($status); stop it first" >&2; exit 1 ;;
  esac
else
  "$SHARED/serve.sh" start --site "$SITE_DIR" --site-port "$SITE_PORT" --ext-port "$EXT_PORT"
  STARTED_SERVER=1
fi
ACCESS_LOG=$NGINX_DIR/access.log
find "$SITE_DIR/site" -type f -print0 | xargs -0 cat > /dev/null   # warm the page cache, as run_peers.sh does

# ---------- load gate ----------
wait_for_load() {   # bounded wait until the 1-min load average is <= MAX_LOAD
  local waited=0 load
  sleep 3           # let the previous run's connections and processes settle
  while :; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    if awk -v l="$load" -v m="$MAX_LOAD" 'BEGIN { exit !(l <= m) }'; then break; fi
    if [ "$waited" -ge "$LOAD_WAIT" ]; then log "load $load still > $MAX_LOAD after ${waited}s; running anyway"; break; fi
    sleep 5; waited=$((waited + 5))
  done
  log "uptime:$(uptime)"
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# Three distinct free ports (held together while picked: one at a time, the same port can come back twice).
free_ports3() { python3 -c 'import socket; s = [socket.socket() for _ in range(3)]; [x.bind(("127.0.0.1", 0)) for x in s]; print(*[x.getsockname()[1] for x in s])'; }

# ---------- (d) one timed Lenkevakt run ----------
run_lenkevakt() {
  local k=1 dir cwd
  while [ -e "$OUT/runs/lenkevakt-r$k" ] && [ "$k" -lt 1000 ]; do k=$((k + 1)); done
  dir=$OUT/runs/lenkevakt-r$k; cwd=$dir/cwd; mkdir -p "$cwd"; RUN_DIR=$dir
  # Azurite on three free loopback ports; the development account key is the public one in the source.
  local key bp qp tp conn
  key=$(grep -o 'DevAccountKey = "[^"]*"' "$REPO/src/Lenkevakt.Cli/Hosting/AzuriteLauncher.cs" | cut -d'"' -f2)
  read -r bp qp tp < <(free_ports3)
  conn="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$bp/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$qp/devstoreaccount1;TableEndpoint=http://127.0.0.1:$tp/devstoreaccount1;"
  echo "dotnet $DLL run --url $SITE_BASE/ --allow-private --host-concurrency $CONC --host-delay 0 --link-concurrency $CONC --max-pages $((PAGES * 2)) --export $dir/out.csv" > "$dir/cmd"
  { echo "Lenkevakt__Content__Enabled=$CONTENT"; for kv in "${SETS[@]}"; do echo "$kv"; done; } > "$dir/env"
  wait_for_load
  local load uptime_before off0 off1 t0 t1 rc=0
  load=$(cut -d' ' -f1-3 /proc/loadavg); uptime_before=$(uptime)
  off0=$(stat -c %s "$ACCESS_LOG")
  python3 "$HERE/probe.py" sample --match "$dir" --port "$SITE_PORT" --out "$dir/samples.tsv" \
    --max-seconds "$((TIMEOUT + 60))" --nginx-pidfile "$NGINX_DIR/nginx.pid" &
  SAMPLER=$!
  log "lenkevakt run $k: $(cat "$dir/env") $(cat "$dir/cmd")"
  head -1 /proc/stat > "$dir/procstat.txt"   # before/after: CPU steal and other load during the run
  t0=$(date +%s.%N)
  set +e
  ( cd "$cwd" && env -u http_proxy -u https_proxy -u HTTP_PROXY -u HTTPS_PROXY \
      DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
      Lenkevakt__Storage__ConnectionString="$conn" Logging__LogLevel__Lenkevakt=Information \
      Lenkevakt__Content__Enabled="${CONTENT:-true}" "${SETS[@]}" \
      /usr/bin/time -v -o "$dir/time.txt" timeout -s INT -k 30 "$TIMEOUT" $(cat "$dir/cmd") 2>&1 ) \
    | python3 "$HERE/probe.py" stamp > "$dir/stdout.txt"
  rc=${PIPESTATUS[0]}
  set -e
  t1=$(date +%s.%N)
  head -1 /proc/stat >> "$dir/procstat.txt"
  kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=
  sleep 0.3
  kill_leftovers "$dir"; RUN_DIR=
  off1=$(stat -c %s "$ACCESS_LOG")
  tail -c +"$((off0 + 1))" "$ACCESS_LOG" | head -c "$((off1 - off0))" > "$dir/access.log"
  local azurite_kb; azurite_kb=$(du -sk "$cwd/.lenkevakt" 2>/dev/null | cut -f1 || echo 0)
  rm -rf "$cwd"   # Azurite's data: only its size is kept
  python3 - "$dir" "$k" "$rc" "$t0" "$t1" "$load" "$uptime_before" "$azurite_kb" "$bp,$qp,$tp" <<EOF
import json, subprocess, sys
d, k, rc, t0, t1, load, up, akb, ports = sys.argv[1:]
rev = subprocess.run(["git", "-C", "$REPO", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
json.dump({"tool": "lenkevakt", "variant": "lenkevakt", "repeat": int(k), "pages": $PAGES, "rc": int(rc),
           "timed_out": int(rc) in (124, 137), "wall_s": round(float(t1) - float(t0), 3),
           "started_at": float(t0), "ended_at": float(t1), "loadavg_before": load, "uptime_before": up.strip(),
           "concurrency": $CONC, "host_concurrency": $CONC, "link_concurrency": $CONC, "timeout_s": $TIMEOUT, "content_checks": "$CONTENT" == "true",
           "cmd": open(d + "/cmd").read().strip(), "tool_version": "git " + rev, "azurite_ports": ports,
           "azurite_data_kb": int(akb or 0), "site_dir": "$SITE_DIR", "site_base": "$SITE_BASE",
           "ext_base": "http://127.0.0.1:$EXT_PORT"}, open(d + "/meta.json", "w"), indent=1)
EOF
  python3 "$HERE/score.py" "$SITE_DIR/truth.json" "$dir/out.csv" --json "$dir/score.json" > "$dir/score.txt" 2>&1 \
    || log "score.py failed for $dir (see score.txt)"
  log "   rc=$rc wall=$(python3 -c "print(round($t1 - $t0, 1))")s; $(grep -c . "$dir/out.csv" 2>/dev/null || echo 0) CSV lines; $(grep -m1 '^false positives' "$dir/score.txt" || true)"
}

# ---------- (e) one peer run, through the shared runner ----------
# run_peers.sh can exit 1 before its run starts: under pipefail its `linkchecker --version | head -1`
# sometimes dies of a broken pipe. Such a call is retried (at most 3 tries); a call that made a run
# directory counts as done whatever its exit status.
run_peer() {
  local v=$1 tries=0 before after rc
  wait_for_load
  while [ "$tries" -lt 3 ]; do
    tries=$((tries + 1))
    before=$(find "$OUT/peers/runs" -maxdepth 1 -name "$v-r*" | wc -l)
    head -1 /proc/stat > "$OUT/procstat.tmp"
    rc=0
    "$SHARED/run_peers.sh" --pages "$PAGES" --repeats 1 --concurrency "$CONC" --variants "$v" \
      --timeout "$PEER_TIMEOUT" --seed "$SEED" --site-dir "$SITE_DIR" --out "$OUT/peers" >> "$OUT/peers.log" || rc=$?
    after=$(find "$OUT/peers/runs" -maxdepth 1 -name "$v-r*" | wc -l)
    if [ "$after" -gt "$before" ]; then   # CPU counters around the call, kept with the run
      head -1 /proc/stat >> "$OUT/procstat.tmp"; mv "$OUT/procstat.tmp" "$OUT/peers/runs/$v-r$after/procstat.txt"
    fi
    if [ "$rc" = 0 ] || [ "$after" -gt "$before" ]; then return 0; fi
    log "run_peers.sh exited $rc before running $v (try $tries of 3)"
  done
  log "giving up on this $v run"
}

RUN_PEERS=0
if [ "$SKIP_PEERS" = 0 ] && { has_tool linkchecker || has_tool linkinator; }; then
  RUN_PEERS=1; mkdir -p "$OUT/peers/runs"   # run_peer counts the run directories in it
  if ! command -v linkchecker >/dev/null || [ ! -f /tmp/lenkevakt-peers/linkinator/node_modules/linkinator/build/src/cli.js ]; then
    log "installing the peers (run_peers.sh with 0 runs), outside the timed runs"
    "$SHARED/run_peers.sh" --pages "$PAGES" --repeats 0 --site-dir "$SITE_DIR" --out "$OUT/peers-install" >/dev/null 2>&1 || true
    rm -rf "$OUT/peers-install"
  fi
fi
log "pages=$PAGES repeats=$REPEATS (linkchecker $LC_REPEATS) concurrency=$CONC tools=$TOOLS out=$OUT"
rounds=$REPEATS; [ "$LC_REPEATS" -gt "$rounds" ] && rounds=$LC_REPEATS
for r in $(seq 1 "$rounds"); do        # interleaved, so slow drift of the shared machine hits every tool
  if has_tool lenkevakt && [ "$r" -le "$REPEATS" ]; then run_lenkevakt; fi
  if [ "$RUN_PEERS" = 1 ] && has_tool linkchecker && [ "$r" -le "$LC_REPEATS" ]; then run_peer linkchecker; fi
  if [ "$RUN_PEERS" = 1 ] && has_tool linkinator && [ "$r" -le "$REPEATS" ]; then run_peer linkinator; fi
done

# ---------- (f) the combined table ----------
python3 "$HERE/summarize.py" --out "$OUT" --pages "$PAGES" --shared "$SHARED"
