#!/usr/bin/env bash
# pg-stop.sh: stops the PostgreSQL cluster that scripts/pg-start.sh started in PG_HOME (fast shutdown: open
# connections are cut, committed work is kept).
#
#   scripts/pg-stop.sh PG_HOME            stop it, keep the cluster (pg-start.sh with the same PG_HOME restarts it)
#   scripts/pg-stop.sh PG_HOME --wipe     stop it and delete the directory
#   (PG_HOME may also come from the environment.)
set -euo pipefail

home="${PG_HOME:-}"
wipe=0
for argument in "$@"; do
  case "$argument" in
    --wipe) wipe=1 ;;
    -*) echo "pg-stop: unknown option $argument" >&2; exit 2 ;;
    *) home="$argument" ;;
  esac
done
[ -n "$home" ] || { echo "usage: pg-stop.sh PG_HOME [--wipe]" >&2; exit 2; }
case "$home" in /*) ;; *) home="$PWD/$home" ;; esac

bindir=""
for candidate in /usr/lib/postgresql/*/bin; do
  [ -x "$candidate/pg_ctl" ] && bindir="$candidate"
done

if [ -f "$home/data/postmaster.pid" ] && [ -n "$bindir" ]; then
  as_server=()
  if [ "$(id -u)" -eq 0 ]; then as_server=(runuser -u "$(stat -c %U "$home/data")" --); fi
  "${as_server[@]}" "$bindir/pg_ctl" -D "$home/data" -m fast -w -t 30 stop >/dev/null ||
    { echo "pg-stop: pg_ctl stop failed (log: $home/server.log)" >&2; exit 1; }
  echo "pg-stop: stopped the server in $home" >&2
else
  echo "pg-stop: no running server in $home" >&2
fi

if [ "$wipe" = 1 ] && [ -d "$home" ]; then
  if [ -f "$home/.csr-pg-home" ]; then
    rm -rf -- "$home"
  else
    echo "pg-stop: $home was not made by pg-start.sh (no .csr-pg-home); not deleting it" >&2
    exit 1
  fi
fi
