#!/usr/bin/env bash
# install-rt.sh: installs Request Tracker 5 from Debian (bookworm) for the integration suite
# (tests/integration/rt.test.ts), only when it is missing. Idempotent, non-interactive, quiet.
#
#   bash scripts/install-rt.sh          # as root, or as a user with passwordless sudo
#
# Packages: request-tracker5 rt5-db-sqlite rt5-standalone (RT, its SQLite driver, the Starlet web server),
# curl (rt-start.sh's readiness probe) and msmtp-mta. RT depends on "a mail transport agent"; msmtp-mta is one
# with no daemon, so apt does not pull in exim4 and cron. The tests never send mail (RT writes an mbox file).
# The system RT database that dbconfig-common would create is switched off by a debconf pre-seed: the tests use a
# throwaway SQLite database of their own (scripts/rt-start.sh).
set -euo pipefail

packages=(request-tracker5 rt5-db-sqlite rt5-standalone curl)
log="${TMPDIR:-/tmp}/csr-install-rt.log"

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
if command -v dpkg-query >/dev/null; then
  for package in "${packages[@]}"; do installed "$package" || missing+=("$package"); done
else
  missing=("${packages[@]}")
fi
if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-rt: RT 5 is already installed ($(dpkg-query -W -f='${Version}' request-tracker5))"
  exit 0
fi

if ! command -v apt-get >/dev/null; then
  echo "install-rt: apt-get not found; RT 5 needs Debian or Ubuntu packages: ${packages[*]}" >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    echo "install-rt: must run as root (or with passwordless sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
fi
# An MTA only when none is there yet: msmtp-mta has no daemon (unlike exim4, RT's default choice).
[ -x /usr/sbin/sendmail ] || missing+=(msmtp-mta)

echo "install-rt: installing ${missing[*]} (log: $log)"
started=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
apt_options=(-y -qq --no-install-recommends -o DPkg::Lock::Timeout=300
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
install() {
  echo 'request-tracker5 request-tracker5/dbconfig-install boolean false' | "${sudo[@]}" debconf-set-selections
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install "${apt_options[@]}" "${missing[@]}"
}
# A package mirror that hiccups once should not fail CI: one more try after a pause.
if ! install >"$log" 2>&1; then
  echo "install-rt: apt-get failed; trying once more in 15 s" >&2
  sleep 15
  install >>"$log" 2>&1 || {
    tail -n 40 "$log" >&2
    echo "install-rt: apt-get failed (full log: $log)" >&2
    exit 1
  }
fi

for package in "${packages[@]}"; do
  installed "$package" || { echo "install-rt: $package is still not installed (log: $log)" >&2; exit 1; }
done
echo "install-rt: RT $(dpkg-query -W -f='${Version}' request-tracker5) installed in $(( $(date +%s) - started )) s"
