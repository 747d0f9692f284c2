#!/usr/bin/env bash
# Runs the Bicep CLI, installing it first (once) from the NuGet package
# Azure.Bicep.CommandLine.linux-x64 into <repo>/.tools/: NuGet is the only registry this project's
# machines reach, so `az bicep install` (a download from GitHub releases) is not an option.
# Usage: scripts/bicep.sh build infra/main.bicep --stdout   (any bicep subcommand, from any directory)
set -euo pipefail

BICEP_VERSION="${BICEP_VERSION:-0.49.2}"
PACKAGE_ID="Azure.Bicep.CommandLine.linux-x64"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools_dir="$repo_root/.tools"
install_dir="$tools_dir/bicep/$BICEP_VERSION"
bicep_bin="$install_dir/bicep"

if [[ ! -x "$bicep_bin" ]]; then
  echo "bicep.sh: installing $PACKAGE_ID $BICEP_VERSION into .tools/bicep/$BICEP_VERSION" >&2
  mkdir -p "$tools_dir/bicep"
  staging="$(mktemp -d "$tools_dir/bicep/.download.XXXXXX")"
  trap 'rm -rf "$staging"' EXIT
  # Run inside the repo so its global.json and any NuGet.Config apply to the download.
  (cd "$staging" && dotnet package download "$PACKAGE_ID@$BICEP_VERSION" \
    --output "$staging/packages" --verbosity quiet) >&2
  found="$(find "$staging/packages" -type f -name bicep | head -n 1)"
  if [[ -z "$found" ]]; then
    echo "bicep.sh: no 'bicep' executable in $PACKAGE_ID $BICEP_VERSION" >&2
    exit 1
  fi
  mkdir -p "$staging/out"
  cp -R "$(dirname "$found")/." "$staging/out/"
  chmod +x "$staging/out/bicep"
  # A rename is atomic: concurrent callers (parallel tests) see either nothing or a whole install.
  if ! mv -T "$staging/out" "$install_dir" 2>/dev/null && [[ ! -x "$bicep_bin" ]]; then
    echo "bicep.sh: could not install into $install_dir" >&2
    exit 1
  fi
  # exec below skips EXIT traps: clean up here.
  rm -rf "$staging"
  trap - EXIT
fi

exec "$bicep_bin" "$@"
