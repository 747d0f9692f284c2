#!/usr/bin/env bash
# Installs the system packages the test suites need and the .NET SDK does not bring:
#   openssh-server  the real sshd that tests/Scheduler.Targets.Tests starts on a loopback port;
#   chromium        the headless browser of the dashboard tests.
# Idempotent: asks apt only for what is missing, in one call. Works from any directory; needs root
# (or sudo) when something is missing, as in CI.
set -euo pipefail

missing=()
[[ -x /usr/sbin/sshd ]] || missing+=(openssh-server)
command -v chromium >/dev/null 2>&1 || [[ -x /usr/bin/chromium ]] || missing+=(chromium)

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-test-deps: openssh-server and chromium are already installed"
  exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  sudo=(sudo)
fi

echo "install-test-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
