#!/usr/bin/env bash
# Compiles infra/main.bicep to artifacts/infra/main.json and lints it. Fails on any error or warning:
# the Bicep CLI exits 0 on warnings, so its diagnostics are read as well as its exit code.
# Works from any directory; installs the Bicep CLI on first use (scripts/bicep.sh).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bicep="$repo_root/scripts/bicep.sh"
template="$repo_root/infra/main.bicep"
out_dir="$repo_root/artifacts/infra"
mkdir -p "$out_dir"

status=0

# run <label> <command...>: runs one step, echoes its diagnostics, marks failure on a non-zero exit or
# on any Warning/Error line.
run() {
  local label="$1"
  shift
  local log rc=0
  log="$(mktemp)"
  "$@" >"$log" 2>&1 || rc=$?
  if [[ -s "$log" ]]; then
    sed 's/^/  /' "$log"
  fi
  if [[ $rc -ne 0 ]] || grep -qE ' : (Warning|Error) ' "$log"; then
    echo "check-infra: $label FAILED (exit $rc)"
    status=1
  else
    echo "check-infra: $label ok"
  fi
  rm -f "$log"
}

echo "check-infra: $("$bicep" --version)"
run "bicep build infra/main.bicep -> artifacts/infra/main.json" \
  "$bicep" build "$template" --outfile "$out_dir/main.json"
run "bicep lint infra/main.bicep" \
  "$bicep" lint "$template"

if [[ $status -ne 0 ]]; then
  echo "check-infra: FAILED"
  exit 1
fi
echo "check-infra: passed (0 errors, 0 warnings)"
