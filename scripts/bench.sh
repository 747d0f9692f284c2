#!/usr/bin/env bash
# Benchmarks of Scheduler, each scenario over its own fresh in-memory Azurite (see bench/README.md).
#   scripts/bench.sh                       every scenario: sweep-cost ops-per-run throughput api memory chaos durable telemetry
#   scripts/bench.sh ops-per-run api       the named ones, in that order
#   scripts/bench.sh idle                  the Server with nothing to run: storage requests per 25 s and per day (~1 min)
#   scripts/bench.sh durable-purge         what the Functions host's hourly Durable purge costs per purged instance (~2 min)
#   scripts/bench.sh peers                 Scheduler.Server and Functions+Durable vs Quartz.NET and Hangfire on PostgreSQL (~25 min; only when named)
#   options: --sizes 0,10000,100000 (sweep-cost), --n 1000 (throughput; chaos: runs, default 1200), --runs 10000 (memory),
#            --steady-seconds 60 --workloads 0,1,2,3,4 --systems Scheduler.Server,Functions+Durable,Quartz.NET,Hangfire --warm-up 200 (peers:
#            runs each system makes before each measured workload; 0 measures cold processes)
# Builds Release, runs npm ci when Azurite is not installed, works from any directory.
# Prints a table per scenario and writes bench/results/<scenario>.json. Exit code 0 when every scenario completed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

[[ -x node_modules/.bin/azurite ]] || npm ci --no-audit --no-fund --loglevel=error
# peers runs its own throwaway PostgreSQL cluster from Debian's package, for Quartz.NET and Hangfire only.
systems="Quartz.NET"; args=("$@")
for i in "${!args[@]}"; do [[ ${args[$i]} == --systems ]] && systems="${args[$((i + 1))]:-}"; done
if [[ " $* " == *" peers "* ]] && [[ ${systems,,} == *quartz.net* || ${systems,,} == *hangfire* ]] \
  && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
fi
dotnet build bench/Scheduler.Bench/Scheduler.Bench.csproj -c Release --nologo -v:q -clp:NoSummary
exec dotnet bench/Scheduler.Bench/bin/Release/net10.0/Scheduler.Bench.dll "$@"
