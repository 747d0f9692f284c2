#!/usr/bin/env bash
# Runs Scheduler locally: Azurite (data under .data/azurite) + Scheduler.Server (API, sweep, worker, dashboard).
# Installs what it needs on first use (npm ci). Prints the URL and the API key. Ctrl+C stops both.
# Environment: SCHEDULER_PORT (default 5080), AZURITE_BLOB_PORT/AZURITE_QUEUE_PORT/AZURITE_TABLE_PORT (10000-10002),
# SCHEDULER_DATA (default .data: Azurite's files and the generated API key). Scheduler__* variables reach the Server.
# The Server runs in Development (ASPNETCORE_ENVIRONMENT, unless set): webhooks to this machine are allowed and /dev/echo answers them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
port="${SCHEDULER_PORT:-5080}"
data="${SCHEDULER_DATA:-$root/.data}"
blob="${AZURITE_BLOB_PORT:-10000}" queue="${AZURITE_QUEUE_PORT:-10001}" table="${AZURITE_TABLE_PORT:-10002}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

[[ -x node_modules/.bin/azurite ]] || npm ci --no-audit --no-fund --loglevel=error
mkdir -p "$data/azurite"

azurite_pid=""
server_pid=""
stop() {
  trap - EXIT INT TERM
  if [[ -n "$server_pid" ]] && kill -TERM "$server_pid" 2>/dev/null; then
    # Graceful: in-flight runs finish or go back to the queue within the Server's shutdown time; a Server that has not
    # stopped a minute later is killed, so that Ctrl+C always ends the script (its runs come back by their slots' leases).
    for _ in $(seq 1 120); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$server_pid" 2>/dev/null; then
      echo "Scheduler.Server did not stop within 60 s of the signal; killing it"
      kill -KILL "$server_pid" 2>/dev/null
    fi
    wait "$server_pid" 2>/dev/null
  fi
  if [[ -n "$azurite_pid" ]] && kill -0 "$azurite_pid" 2>/dev/null; then
    kill -TERM "$azurite_pid" 2>/dev/null
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$azurite_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$azurite_pid" 2>/dev/null || true  # Azurite sometimes ignores SIGTERM during its clean-up
  fi
  echo "Scheduler stopped."
}
trap stop EXIT INT TERM

echo "Starting Azurite (tables :$table, queues :$queue, blobs :$blob; data in $data/azurite)"
# In a session of its own, so that Ctrl+C (sent to the terminal's whole process group) stops only the Server: storage
# stays up while the Server finishes its runs and writes its last counts, and stop() ends Azurite after it.
setsid node_modules/.bin/azurite --silent --skipApiVersionCheck --disableTelemetry --location "$data/azurite" \
  --blobPort "$blob" --queuePort "$queue" --tablePort "$table" >"$data/azurite.log" 2>&1 &
azurite_pid=$!
for _ in $(seq 1 60); do
  (exec 3<>"/dev/tcp/127.0.0.1/$table") 2>/dev/null && break
  kill -0 "$azurite_pid" 2>/dev/null || { echo "Azurite exited; see $data/azurite.log"; exit 1; }
  sleep 0.5
done

connection="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
echo "Building Scheduler.Server (Release; the first build takes a minute or two, later ones a few seconds)"
# Minimal verbosity prints a line per project as it is built; the terminal logger (in a terminal) shows live progress.
dotnet build src/Scheduler.Server -c Release --nologo -v:minimal
echo "Starting Scheduler.Server on http://127.0.0.1:$port"
ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" \
Scheduler__Storage__ConnectionString="$connection" Scheduler__DataPath="$data" \
  dotnet src/Scheduler.Server/bin/Release/net10.0/Scheduler.Server.dll --urls "http://127.0.0.1:$port" --contentRoot "$root/src/Scheduler.Server" &
server_pid=$!
wait "$server_pid"
