#!/usr/bin/env bash
# Publishes functions/Lenkevakt.Functions in Release, as azd deploys it, and checks that the package holds what the
# Functions host reads (functions.metadata, worker.config.json, host.json, extensions.json with the queue extension in
# .azurefunctions/, the sites catalogue). The project is also in Lenkevakt.sln, so `dotnet test Lenkevakt.sln` builds and tests it in Debug.
# Strict by default: any failure fails the script, a package missing from the NuGet feed (NU1101/NU1102) included.
# FUNCTIONS_STRICT=false is an explicit opt-out for a machine whose feed lacks the Functions worker packages: then
# only that case prints one line "functions: skipped: ..." naming them and exits 0.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROJECT="$ROOT/functions/Lenkevakt.Functions/Lenkevakt.Functions.csproj"
log="$(mktemp)"
out="$(mktemp -d)"
trap 'rm -rf "$log" "$out"' EXIT

if ! dotnet restore "$PROJECT" --nologo >"$log" 2>&1; then
  cat "$log"
  # "error NU1101: Unable to find package X. ..." / "error NU1102: Unable to find package X with version (>= 1.2.3)"
  missing="$(grep -oE 'NU110[12]: Unable to find package [^ ]+( with version \([^)]*\))?' "$log" \
    | sed -E 's/^NU110[12]: Unable to find package //; s/\.$//; s/ with version \((.*)\)$/ \1/' \
    | sort -u | paste -sd, - | sed 's/,/, /g')"
  if [[ -n "$missing" && "${FUNCTIONS_STRICT:-true}" == "false" ]]; then
    echo "functions: skipped (FUNCTIONS_STRICT=false): NuGet feed lacks $missing (NU1101/NU1102)"
    exit 0
  fi
  echo "functions: failed: restore of $PROJECT${missing:+ (NuGet feed lacks $missing)}" >&2
  exit 1
fi

dotnet publish "$PROJECT" --no-restore --nologo -c Release -o "$out"

for f in Lenkevakt.Functions.dll functions.metadata worker.config.json host.json extensions.json .azurefunctions/Microsoft.Azure.WebJobs.Extensions.Storage.Queues.dll config/sites.json config/kommuner.csv; do
  if [[ ! -e "$out/$f" ]]; then
    echo "functions: failed: the published app lacks $f" >&2
    exit 1
  fi
done
echo "functions: published ($(grep -c '"entryPoint"' "$out/functions.metadata") functions in functions.metadata)"
