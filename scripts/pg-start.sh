#!/usr/bin/env bash
# pg-start.sh: starts a throwaway PostgreSQL cluster (Debian's binaries, see scripts/install-pg.sh) on 127.0.0.1 for
# csr's team-store tests and benchmarks.
#
#   scripts/pg-start.sh            # prints the connection facts as JSON on the last line of stdout
#   scripts/pg-stop.sh "$PG_HOME" --wipe
#
# Environment (all optional):
#   PG_HOME     state directory: the cluster (data/), its socket, log and pg.json. Default: a new mktemp directory.
#               An existing cluster there is reused, on the same port as before (a restart after pg-stop.sh).
#   PG_PORT     TCP port on 127.0.0.1. Default: the port of the existing cluster, else a free port.
#   PG_DURABLE  1: keep fsync and synchronous commit on (benchmarks). Default 0: a throwaway test cluster that
#               does not wait for the disk (a crash of the machine loses it; a stop of the server does not).
#   PG_USER     the OS user the server runs as when this script runs as root (PostgreSQL refuses root).
#               Default: postgres when that user exists, else nobody.
#
# It writes $PG_HOME/pg.json (mode 0600): {"url", "host", "port", "user", "password", "database", "home", "pid"}
# where user is the cluster's superuser (password auth, scram-sha-256) and database "postgres".
# Nothing outside $PG_HOME is written: the Unix socket lives there too.
set -euo pipefail

die() {
  echo "pg-start: $*" >&2
  exit 1
}

bindir=""
for candidate in /usr/lib/postgresql/*/bin; do
  [ -x "$candidate/initdb" ] && bindir="$candidate"
done
[ -n "$bindir" ] || die "PostgreSQL is not installed (run scripts/install-pg.sh)"
host=127.0.0.1

if [ -z "${PG_HOME:-}" ]; then
  PG_HOME=$(mktemp -d "${TMPDIR:-/tmp}/csr-pg.XXXXXX")
fi
case "$PG_HOME" in /*) ;; *) PG_HOME="$PWD/$PG_HOME" ;; esac
home="$PG_HOME"
mkdir -p "$home"
chmod 700 "$home"
# pg-stop.sh --wipe only deletes directories that carry this marker.
: >"$home/.csr-pg-home"

as_server=()
if [ "$(id -u)" -eq 0 ]; then
  run_user="${PG_USER:-}"
  if [ -z "$run_user" ]; then
    if id postgres >/dev/null 2>&1; then run_user=postgres; else run_user=nobody; fi
  fi
  command -v runuser >/dev/null || die "runuser is missing (util-linux): needed to run PostgreSQL as $run_user"
  chown "$run_user" "$home"
  as_server=(runuser -u "$run_user" --)
fi

free_port() {
  perl -MIO::Socket::INET -e \
    'my $s = IO::Socket::INET->new(Listen => 1, LocalAddr => "127.0.0.1", LocalPort => 0, ReuseAddr => 1) or die "$!\n"; print $s->sockport'
}

if [ ! -s "$home/data/PG_VERSION" ]; then
  rm -rf "$home/data"
  password=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
  (umask 077 && printf '%s\n' "$password" >"$home/password")
  [ "${#as_server[@]}" -eq 0 ] || chown "$run_user" "$home/password"
  "${as_server[@]}" "$bindir/initdb" -D "$home/data" -U csr --auth=scram-sha-256 --pwfile="$home/password" \
    -E UTF8 --locale=C.UTF-8 >"$home/initdb.log" 2>&1 || { tail -n 20 "$home/initdb.log" >&2; die "initdb failed"; }
fi
password=$(cat "$home/password")

port="${PG_PORT:-}"
if [ -z "$port" ] && [ -s "$home/port" ]; then port=$(cat "$home/port"); fi
if [ -n "$port" ]; then
  case "$port" in *[!0-9]*) die "PG_PORT must be a number" ;; esac
  if (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then die "something already listens on $host:$port"; fi
else
  port=$(free_port) || die "could not find a free port on $host"
fi
echo "$port" >"$home/port"

durability=(-c fsync=off -c synchronous_commit=off -c full_page_writes=off)
[ "${PG_DURABLE:-0}" = 1 ] && durability=()
"${as_server[@]}" "$bindir/pg_ctl" -D "$home/data" -l "$home/server.log" -w -t 60 start -o "$(printf '%s ' \
  -c listen_addresses=$host -c port="$port" -c unix_socket_directories="$home" -c max_connections=200 \
  -c shared_buffers=128MB "${durability[@]}")" >/dev/null || { tail -n 20 "$home/server.log" >&2; die "the server did not start"; }
pid=$(head -n 1 "$home/data/postmaster.pid")

(umask 077 && cat >"$home/pg.json" <<JSON
{"url":"postgres://csr:$password@$host:$port/postgres","host":"$host","port":$port,"user":"csr","password":"$password","database":"postgres","home":"$home","pid":$pid}
JSON
)
echo "pg-start: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') ready on $host:$port (pid $pid, home $home)" >&2
cat "$home/pg.json"
