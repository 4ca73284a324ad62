#!/usr/bin/env bash
# install-pg.sh: installs PostgreSQL from Debian for the team-store suite (tests/integration/pg-*.test.ts), only when
# it is missing. Idempotent, non-interactive, quiet.
#
#   bash scripts/install-pg.sh          # as root, or as a user with passwordless sudo
#
# Only the server binaries matter: the tests never use the system cluster that Debian creates. They start a
# throwaway cluster of their own with scripts/pg-start.sh (initdb in a temp directory, 127.0.0.1, a free port).
set -euo pipefail

packages=(postgresql)
log="${TMPDIR:-/tmp}/csr-install-pg.log"

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
have_binaries() { compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; }

missing=()
if command -v dpkg-query >/dev/null; then
  for package in "${packages[@]}"; do installed "$package" || missing+=("$package"); done
else
  missing=("${packages[@]}")
fi
if [ "${#missing[@]}" -eq 0 ] && have_binaries; then
  echo "install-pg: PostgreSQL is already installed ($(dpkg-query -W -f='${Version}' postgresql))"
  exit 0
fi

if ! command -v apt-get >/dev/null; then
  echo "install-pg: apt-get not found; the team-store tests need Debian or Ubuntu packages: ${packages[*]}" >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    echo "install-pg: must run as root (or with passwordless sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
fi

echo "install-pg: installing ${missing[*]} (log: $log)"
started=$(date +%s)
apt_options=(-y -qq --no-install-recommends -o DPkg::Lock::Timeout=300
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
install() {
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install "${apt_options[@]}" "${missing[@]}"
}
# A package mirror that hiccups once should not fail CI: one more try after a pause.
if ! install >"$log" 2>&1; then
  echo "install-pg: apt-get failed; trying once more in 15 s" >&2
  sleep 15
  install >>"$log" 2>&1 || {
    tail -n 40 "$log" >&2
    echo "install-pg: apt-get failed (full log: $log)" >&2
    exit 1
  }
fi

for package in "${packages[@]}"; do
  installed "$package" || { echo "install-pg: $package is still not installed (log: $log)" >&2; exit 1; }
done
have_binaries || { echo "install-pg: no /usr/lib/postgresql/*/bin/initdb after installing (log: $log)" >&2; exit 1; }
echo "install-pg: PostgreSQL $(dpkg-query -W -f='${Version}' postgresql) installed in $(( $(date +%s) - started )) s"
