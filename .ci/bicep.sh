#!/usr/bin/env bash
# Validates the Bicep in infra-bicep/: build, build-params and lint of main.bicep and every module.
# Any warning or error fails. The Bicep CLI comes from NuGet (Azure.Bicep.CommandLine.linux-x64), restored
# through a throwaway project with <PackageDownload>, so it is cached under ~/.nuget/packages like any package.
set -euo pipefail

BICEP_VERSION="${BICEP_VERSION:-0.49.2}"
PACKAGE_ID="Azure.Bicep.CommandLine.linux-x64"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
INFRA="$ROOT/infra-bicep"
PACKAGES="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
PACKAGE_DIR="$PACKAGES/$(echo "$PACKAGE_ID" | tr '[:upper:]' '[:lower:]')/$BICEP_VERSION"

find_bicep() {
  { find "$PACKAGE_DIR" -type f -name bicep 2>/dev/null || true; } | head -n 1
}

BICEP="$(find_bicep)"
if [[ -z "$BICEP" ]]; then
  echo "bicep: restoring $PACKAGE_ID $BICEP_VERSION from NuGet"
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT
  # Isolate the throwaway project from the repository's Directory.*.props (central package management, analyzers).
  cat >"$scratch/Directory.Build.props" <<'XML'
<Project />
XML
  cat >"$scratch/Directory.Packages.props" <<'XML'
<Project />
XML
  cat >"$scratch/bicep-download.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="$PACKAGE_ID" Version="[$BICEP_VERSION]" />
  </ItemGroup>
</Project>
XML
  dotnet restore "$scratch/bicep-download.csproj" --nologo -v quiet >/dev/null
  BICEP="$(find_bicep)"
  if [[ -z "$BICEP" ]]; then
    echo "bicep: the package $PACKAGE_ID $BICEP_VERSION has no 'bicep' executable under $PACKAGE_DIR" >&2
    exit 1
  fi
fi
chmod +x "$BICEP"
echo "bicep: $("$BICEP" --version)"

failures=0
# Runs one bicep command; fails on a non-zero exit or on any diagnostic line (Warning/Error/Info) it prints.
check() {
  local label="$1"; shift
  local out
  if ! out="$("$BICEP" "$@" 2>&1)"; then
    echo "bicep: FAIL $label"; echo "$out"; failures=$((failures + 1)); return
  fi
  if grep -Eq '(Warning|Error|Info) [A-Za-z0-9-]+:' <<<"$out"; then
    echo "bicep: FAIL $label (diagnostics)"; echo "$out"; failures=$((failures + 1)); return
  fi
  echo "bicep: ok   $label"
}

cd "$INFRA"
check "build main.bicep" build main.bicep --stdout
check "build-params main.bicepparam" build-params main.bicepparam --stdout
for file in main.bicep modules/*.bicep; do
  check "lint $file" lint "$file"
done

if [[ $failures -gt 0 ]]; then
  echo "bicep: $failures check(s) failed"
  exit 1
fi
echo "bicep: all checks passed"
