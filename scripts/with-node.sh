#!/usr/bin/env bash
# Runs a command with Node >= 22.19 first on PATH (installs Node 24 into a cache when the system Node is older).
set -euo pipefail
. "$(dirname "$0")/ensure-node.sh"
cd "$(dirname "$0")/.."
[ -f node_modules/.package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error
exec "$@"
