#!/usr/bin/env bash
# The national bench: K municipal sites (gen_nation.py), each on its own loopback address, crawled in one
# Lenkevakt run with the default settings, timed, sampled and scored per site against each site's truth.json.
#
#   bench/nation.sh [--sites K] [--pages P] [--repeats R] [--out DIR] [--timeout S] [--skip-build]
#                   [--set KEY=VALUE]... [--report] [--workers N]
#
#   --sites K       municipal sites (default 357); the bench is /tmp/lenkevakt-nation-K, generated if missing
#   --pages P       pages per site (default 150)
#   --repeats R     timed runs (default 3); the summary gives each run and the median
#   --out DIR       default /tmp/lenkevakt-bench/nation-K; runs accumulate in DIR/runs/r<k>/
#   --timeout S     per run (default 3600)
#   --set K=V       an extra configuration value for the run, as an environment variable
#                   (e.g. --set Lenkevakt__Crawl__SiteConcurrency=4 for the old engine's limit)
#   --report        after each run, time `report --format html` over the run's storage (wall, peak RSS)
#   --workers N     processes sharing the storage account (default 1): N-1 `worker --no-schedule` processes are
#                   started first, then `run` plans the run and works beside them until every queue is drained;
#                   the run is then also checked for pages fetched more than once (the nginx access log)
#
# Each run: a fresh working directory (fresh Azurite data), Azurite started here on three free loopback ports (the
# CLI finds it listening and uses it, so /usr/bin/time and the samples measure Lenkevakt and the emulator apart, as
# in Azure, where storage is not in the process), `run --sites …/sites.json --allow-private --export out.csv` under
# /usr/bin/time -v, RSS and CPU sampled every 0.5 s by probe.py (dotnet and node separately), then every site's
# findings scored with bench/score.py against its truth.json. With --report, `report` is timed against the same
# emulator. Results: DIR/runs/r<k>/{meta.json,samples.tsv,stdout.txt,time.txt} and DIR/results.md.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
SHARED=/work/shared/bench
SITES=357; PAGES=150; REPEATS=3; OUT=; TIMEOUT=3600; SKIP_BUILD=0; REPORT=0; SETS=(); WORKERS=1
while [ $# -gt 0 ]; do
  case "$1" in
    --sites) SITES=$2; shift 2 ;;
    --pages) PAGES=$2; shift 2 ;;
    --repeats) REPEATS=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --timeout) TIMEOUT=$2; shift 2 ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    --set) SETS+=("$2"); shift 2 ;;
    --report) REPORT=1; shift ;;
    --workers) WORKERS=$2; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
OUT=${OUT:-/tmp/lenkevakt-bench/nation-$SITES$([ "$WORKERS" -gt 1 ] && echo "-w$WORKERS" || true)}
NATION=/tmp/lenkevakt-nation-$SITES
DLL=$REPO/src/Lenkevakt.Cli/bin/Release/net10.0/Lenkevakt.Cli.dll
log() { echo "[nation $(date +%H:%M:%S)] $*" >&2; }
mkdir -p "$OUT/runs"

STARTED=0; SAMPLER=; RUN_DIR=; AZURITE=; WORKER_PIDS=()
kill_leftovers() {
  local pid
  for pid in $(grep -lsaF -- "$1" /proc/[0-9]*/cmdline 2>/dev/null | cut -d/ -f3); do
    [ "$pid" = "$$" ] && continue
    case "$(cat "/proc/$pid/comm" 2>/dev/null)" in dotnet|node) kill -INT "$pid" 2>/dev/null || true ;; esac
  done
}
cleanup() {
  local w
  for w in "${WORKER_PIDS[@]}"; do pkill -TERM -P "$w" 2>/dev/null || true; kill -INT "$w" 2>/dev/null || true; done
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null || true
  [ -n "$AZURITE" ] && kill -INT "$AZURITE" 2>/dev/null || true
  [ -n "$RUN_DIR" ] && kill_leftovers "$RUN_DIR"
  if [ "$STARTED" = 1 ]; then "$SHARED/serve_nation.sh" stop "$NATION" || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "$SKIP_BUILD" = 0 ]; then
  log "building Lenkevakt (Release)"
  timeout 900 dotnet build "$REPO/src/Lenkevakt.Cli" -c Release -nologo -v q >"$OUT/build.log" 2>&1 || { tail -20 "$OUT/build.log" >&2; exit 1; }
fi
[ -f "$DLL" ] || { echo "no $DLL: build first" >&2; exit 1; }
if [ ! -x "$REPO/tools/azurite/node_modules/.bin/azurite" ]; then
  (cd "$REPO/tools/azurite" && timeout 600 npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
if [ ! -f "$NATION/nation.json" ]; then
  log "generating $NATION ($SITES sites x $PAGES pages)"
  python3 "$SHARED/gen_nation.py" --sites "$SITES" --pages "$PAGES" --out "$NATION" >/dev/null
fi
if ! "$SHARED/serve_nation.sh" status "$NATION" >/dev/null 2>&1; then
  "$SHARED/serve_nation.sh" start "$NATION"; STARTED=1
fi

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# Three distinct free ports (held together while picked: one at a time, the same port can come back twice).
free_ports3() { python3 -c 'import socket; s = [socket.socket() for _ in range(3)]; [x.bind(("127.0.0.1", 0)) for x in s]; print(*[x.getsockname()[1] for x in s])'; }
key=$(grep -o 'DevAccountKey = "[^"]*"' "$REPO/src/Lenkevakt.Cli/Hosting/AzuriteLauncher.cs" | cut -d'"' -f2)

for _ in $(seq "$REPEATS"); do
  k=1; while [ -e "$OUT/runs/r$k" ]; do k=$((k + 1)); done
  dir=$OUT/runs/r$k; cwd=$dir/cwd; mkdir -p "$cwd"; RUN_DIR=$dir
  read -r bp qp tp < <(free_ports3)
  conn="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$bp/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$qp/devstoreaccount1;TableEndpoint=http://127.0.0.1:$tp/devstoreaccount1;"
  printf '%s\n' "${SETS[@]}" > "$dir/env"
  mkdir -p "$cwd/azurite"
  # NATION_AZURITE_NODE_FLAGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/nodeprof") runs the emulator under node with those
  # flags, to profile it (node refuses --cpu-prof in NODE_OPTIONS).
  azurite_cmd=("$REPO/tools/azurite/node_modules/.bin/azurite")
  # shellcheck disable=SC2206
  [ -n "${NATION_AZURITE_NODE_FLAGS:-}" ] && azurite_cmd=(node $NATION_AZURITE_NODE_FLAGS "$REPO/tools/azurite/node_modules/azurite/dist/src/azurite.js")
  "${azurite_cmd[@]}" --silent --skipApiVersionCheck --loose --disableTelemetry \
    --blobHost 127.0.0.1 --blobPort "$bp" --queueHost 127.0.0.1 --queuePort "$qp" --tableHost 127.0.0.1 --tablePort "$tp" \
    --location "$cwd/azurite" > "$dir/azurite.log" 2>&1 &
  AZURITE=$!
  for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/"$tp") 2>/dev/null && break; sleep 0.2; done
  echo "dotnet $DLL run --sites $NATION/sites.json --allow-private --export $dir/out.csv" > "$dir/cmd"
  WORKER_PIDS=()
  for w in $(seq 2 "$WORKERS"); do
    ( cd "$cwd" && exec env -u http_proxy -u https_proxy -u HTTP_PROXY -u HTTPS_PROXY DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
        Lenkevakt__Storage__ConnectionString="$conn" "${SETS[@]}" \
        /usr/bin/time -v -o "$dir/worker$w-time.txt" dotnet "$DLL" worker --no-schedule --allow-private ) > "$dir/worker$w.txt" 2>&1 &
    WORKER_PIDS+=($!)
  done
  access_from=$(stat -c %s "$NATION/nginx/access.log" 2>/dev/null || echo 0)
  sleep 3
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  python3 "$HERE/probe.py" sample --match "$dir" --port 18500 --out "$dir/samples.tsv" --max-seconds "$((TIMEOUT + 60))" &
  SAMPLER=$!
  log "run $k (load $load): $(cat "$dir/cmd") ${SETS[*]}"
  head -1 /proc/stat > "$dir/procstat.txt"
  t0=$(date +%s.%N)
  set +e
  ( cd "$cwd" && env -u http_proxy -u https_proxy -u HTTP_PROXY -u HTTPS_PROXY DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 LENKEVAKT_STORAGE_BREAKDOWN=1 \
      Lenkevakt__Storage__ConnectionString="$conn" "${SETS[@]}" \
      /usr/bin/time -v -o "$dir/time.txt" timeout -s INT -k 30 "$TIMEOUT" $(cat "$dir/cmd") 2>&1 ) \
    | python3 "$HERE/probe.py" stamp > "$dir/stdout.txt"
  rc=${PIPESTATUS[0]}
  set -e
  t1=$(date +%s.%N)
  head -1 /proc/stat >> "$dir/procstat.txt"
  # SIGTERM to the worker itself: /usr/bin/time does not forward signals, and a background job of this script inherits
  # SIGINT as ignored (POSIX); the CLI handles SIGTERM like Ctrl+C (it returns its unfinished messages).
  for w in "${WORKER_PIDS[@]}"; do pkill -TERM -P "$w" 2>/dev/null || kill -INT "$w" 2>/dev/null || true; done
  for w in "${WORKER_PIDS[@]}"; do wait "$w" 2>/dev/null || true; done
  WORKER_PIDS=()
  # Every page of the sites fetched once (GET answered 200, per server and path), whichever process fetched it.
  tail -c +"$((access_from + 1))" "$NATION/nginx/access.log" 2>/dev/null \
    | awk '$2 == "GET" && $3 == 200 { n[$5 " " $6]++ } END { d = 0; for (k in n) if (n[k] > 1) d++; printf "pages fetched (GET 200): %d, fetched more than once: %d\n", length(n), d }' \
    > "$dir/fetch-once.txt" || true
  for f in "$dir"/worker*-time.txt; do
    [ -f "$f" ] && echo "$(basename "$f" -time.txt): $(grep -E 'User time|System time|Maximum resident' "$f" | sed 's/^\s*//' | paste -sd ';')" >> "$dir/fetch-once.txt"
  done
  cat "$dir/fetch-once.txt" >&2
  if [ "$REPORT" = 1 ]; then
    # The report over the run's data, against the same emulator (still running): only the report process is timed.
    # The run's working directory has no config/: the report is given the repository's list of municipalities.
    ( cd "$cwd" && Lenkevakt__Storage__ConnectionString="$conn" Lenkevakt__Reports__MunicipalitiesCsv="$REPO/config/kommuner.csv" \
        Lenkevakt__Sites__Path="$NATION/sites.json" /usr/bin/time -v -o "$dir/report-time.txt" \
        dotnet "$DLL" report --format html --out "$dir/report.html" > "$dir/report-stdout.txt" 2>&1 ) || log "report failed (see report-stdout.txt)"
    # The dashboard over the same data: `serve`, then the front page, one site's page and the report page, each timed
    # (the first request includes the server's warm-up), and serve's peak RSS from /proc.
    sp=$(free_port)
    ( cd "$cwd" && exec env Lenkevakt__Storage__ConnectionString="$conn" Lenkevakt__Reports__MunicipalitiesCsv="$REPO/config/kommuner.csv" \
        Lenkevakt__Sites__Path="$NATION/sites.json" dotnet "$DLL" serve --port "$sp" ) > "$dir/serve-stdout.txt" 2>&1 &
    serve_pid=$!
    for _ in $(seq 150); do (exec 3<>/dev/tcp/127.0.0.1/"$sp") 2>/dev/null && break; sleep 0.2; done
    site1=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print((d.get("sites") or d.get("municipalities") or [{}])[0].get("id",""))' "$NATION/sites.json" 2>/dev/null || true)
    : > "$dir/serve-times.txt"
    for path in / / "/?site=$site1" /report; do
      curl -s -o "$dir/serve-page.html" -w "$path %{http_code} %{time_total}s %{size_download}B\n" "http://127.0.0.1:$sp$path" >> "$dir/serve-times.txt" || true
    done
    echo "serve peak RSS: $(grep VmHWM "/proc/$serve_pid/status" 2>/dev/null | awk '{print $2, $3}')" >> "$dir/serve-times.txt"
    kill -TERM "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true
    cat "$dir/serve-times.txt" >&2
  fi
  kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=
  kill -INT "$AZURITE" 2>/dev/null || true; wait "$AZURITE" 2>/dev/null || true
  sleep 0.3; kill_leftovers "$dir"; RUN_DIR=
  # What the run left in the emulator (its metadata databases and blob files): the bytes the storage had to keep.
  ( cd "$cwd/azurite" && du -sb -- * .[!.]* 2>/dev/null | sort -rn > "$dir/storage-bytes.txt" ) || true
  python3 "$HERE/storage_rows.py" "$cwd/azurite" > "$dir/storage-rows.txt" 2>&1 || true
  rm -rf "$cwd"
  python3 "$HERE/nation_score.py" --nation "$NATION" --run "$dir" --rc "$rc" --t0 "$t0" --t1 "$t1" --load "$load" --repo "$REPO" \
    | tee "$dir/score.txt" >&2
done
python3 "$HERE/nation_score.py" --summarize "$OUT" | tee "$OUT/results.md"
