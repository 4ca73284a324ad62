#!/usr/bin/env bash
# install-chromium.sh: installs Debian's chromium for the report test (tests/e2e/report-chromium.test.ts), only
# when it is missing. Idempotent, non-interactive, quiet.
#
#   bash scripts/install-chromium.sh     # as root, or as a user with passwordless sudo
set -euo pipefail

log="${TMPDIR:-/tmp}/csr-install-chromium.log"
if [ -x /usr/bin/chromium ]; then
  echo "install-chromium: chromium is already installed ($(/usr/bin/chromium --version 2>/dev/null || echo unknown version))"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "install-chromium: apt-get not found; the report test needs Debian's chromium package" >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    echo "install-chromium: must run as root (or with passwordless sudo) to install chromium" >&2
    exit 1
  fi
fi
echo "install-chromium: installing chromium (log: $log)"
export DEBIAN_FRONTEND=noninteractive
install() {
  "${sudo[@]}" apt-get update -qq >>"$log" 2>&1 &&
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >>"$log" 2>&1
}
if ! install; then
  echo "install-chromium: apt-get failed once; retrying" >&2
  sleep 5
  install || { tail -20 "$log" >&2; exit 1; }
fi
echo "install-chromium: $(/usr/bin/chromium --version 2>/dev/null)"
