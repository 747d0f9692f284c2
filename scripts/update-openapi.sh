#!/usr/bin/env bash
# Rewrites docs/openapi.json, the API's committed contract, from the document the Server serves now. Run it after a change
# to the API that is meant, and commit the file with the change: CI fails while the two differ (OpenApiSnapshotTests).
# Works from any directory.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
SCHEDULER_UPDATE_OPENAPI=1 dotnet test tests/Scheduler.Api.Tests/Scheduler.Api.Tests.csproj -c Release --nologo \
  --filter "FullyQualifiedName~OpenApiSnapshotTests.Document_AsServed_IsTheCommittedOne"
git --no-pager diff --stat -- docs/openapi.json
