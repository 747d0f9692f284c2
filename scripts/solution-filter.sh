#!/usr/bin/env bash
# Writes artifacts/Scheduler.local.slnf: every project of Scheduler.sln except src/Scheduler.Functions,
# whose packages only restore where the Azure Functions worker packages are served. Prints its path.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$root/artifacts"
out="$root/artifacts/Scheduler.local.slnf"
projects=$(cd "$root" && dotnet sln Scheduler.sln list | grep -E '\.csproj$' | grep -v '^src/Scheduler.Functions/' | sed "s|.*|      \"&\",|" | sed '$ s/,$//')
cat >"$out" <<JSON
{
  "solution": {
    "path": "../Scheduler.sln",
    "projects": [
$projects
    ]
  }
}
JSON
echo "$out"
