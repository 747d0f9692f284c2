#!/usr/bin/env bash
# Runs every check and test of Scheduler on a fresh machine; the README's test command and CI's only step.
#   1. installs what the tests need (Debian openssh-server + chromium, npm ci for Azurite and Playwright);
#   2. builds the whole solution, the Functions host included, with warnings as errors (a failure fails the run);
#   3. builds and lints the Bicep infrastructure;
#   4. runs every test project; ends with the line "N passed, N failed".
# Works from any directory. Exit code 0 only when everything passed.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="$root/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

fail() { echo "$1"; echo "0 passed, 1 failed"; exit 1; }

echo "== dependencies"
scripts/install-test-deps.sh || fail "installing system packages failed"
npm ci --no-audit --no-fund --loglevel=error || fail "npm ci failed"

echo "== build (warnings are errors; the Functions host included)"
# Directory.Build.props makes every warning of every project an error. Not -warnaserror on the command line: it also
# reaches the WorkerExtensions project the Functions SDK generates and restores on its own, whose transitive
# versions are the SDK's, not ours.
dotnet build Scheduler.sln -c Release --nologo -v:q || fail "build failed"

echo "== infrastructure (bicep build + lint)"
scripts/check-infra.sh || fail "infra check failed"

echo "== tests"
# One project at a time: several suites start Azurite, Servers and Chromium, and their timing checks
# (a run starts within a second of its due time) deserve the machine to themselves.
status=0
# A test host that hangs is stopped after 15 minutes (and counted as a failure) instead of holding CI to its limit.
for project in $(dotnet sln Scheduler.sln list | grep -E '^tests/.+\.Tests\.csproj$'); do
  echo "-- $project"
  dotnet test "$project" -c Release --no-build --nologo --logger "trx" --results-directory "$results" \
    --blame-hang-timeout 15m --blame-hang-dump-type none || status=1
done

passed=0; failed=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  # Only the per-test results count (the summary and counters carry an outcome attribute too).
  p=$(grep -oE '<UnitTestResult [^>]*outcome="Passed"' "$trx" | wc -l)
  f=$(grep -oE '<UnitTestResult [^>]*outcome="(Failed|Error|Timeout|Aborted)"' "$trx" | wc -l)
  passed=$((passed + p)); failed=$((failed + f))
done
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  failed=1  # a test host crashed or a project failed to run: never report that as green
fi
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
