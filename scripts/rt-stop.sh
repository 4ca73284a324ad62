#!/usr/bin/env bash
# rt-stop.sh: stops the RT server that scripts/rt-start.sh started from RT_HOME.
#
#   scripts/rt-stop.sh RT_HOME            stop it, keep the directory (database, logs, mbox)
#   scripts/rt-stop.sh RT_HOME --wipe     stop it and delete the directory
#   (RT_HOME may also come from the environment.)
#
# Sends SIGTERM to the server (Starlet passes it on to its workers), SIGKILL after 10 s, then kills any rt-server
# process left in the server's process group (workers orphaned by a crashed master). Only processes whose command
# line is rt-server are touched, each by its PID. Never SIGINT: a root-run rt-server then chowns /var/lib/request-tracker5.
# Reads /proc directly: slim images have no ps or pgrep.
set -euo pipefail

home="${RT_HOME:-}"
wipe=0
for argument in "$@"; do
  case "$argument" in
    --wipe) wipe=1 ;;
    -*) echo "rt-stop: unknown option $argument" >&2; exit 2 ;;
    *) home="$argument" ;;
  esac
done
[ -n "$home" ] || { echo "usage: rt-stop.sh RT_HOME [--wipe]" >&2; exit 2; }
case "$home" in /*) ;; *) home="$PWD/$home" ;; esac

is_rt_server() { tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q 'libexec/rt-server'; }
is_running() { # alive and not a zombie
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [ "${stat%% *}" != Z ]
}
in_group() { # rt-server PIDs whose process group is $1
  local directory stat fields
  for directory in /proc/[0-9]*; do
    stat=$(cat "$directory/stat" 2>/dev/null) || continue
    read -r -a fields <<<"${stat##*) }" # state ppid pgrp ...
    if [ "${fields[2]:-}" = "$1" ] && is_rt_server "${directory#/proc/}"; then echo "${directory#/proc/}"; fi
  done
  return 0
}

pid_file="$home/rt-server.pid"
if [ -f "$pid_file" ]; then
  pid=$(cat "$pid_file")
  case "$pid" in '' | *[!0-9]*) echo "rt-stop: $pid_file does not hold a pid" >&2; exit 1 ;; esac
  if is_running "$pid" && is_rt_server "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      is_running "$pid" || break
      sleep 0.1
    done
    if is_running "$pid"; then
      echo "rt-stop: rt-server $pid ignored SIGTERM for 10 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
    echo "rt-stop: stopped rt-server $pid" >&2
  elif is_running "$pid"; then
    echo "rt-stop: pid $pid is not rt-server (stale pid file); leaving it alone" >&2
  fi
  # rt-start.sh runs the server under setsid, so the server's process group id is its pid.
  leftovers=$(in_group "$pid")
  if [ -n "$leftovers" ]; then
    for worker in $leftovers; do kill -TERM "$worker" 2>/dev/null || true; done
    sleep 1
    for worker in $(in_group "$pid"); do kill -KILL "$worker" 2>/dev/null || true; done
  fi
  rm -f "$pid_file"
else
  echo "rt-stop: no server pid file in $home" >&2
fi

if [ "$wipe" = 1 ] && [ -d "$home" ]; then
  if [ -f "$home/.csr-rt-home" ]; then
    rm -rf -- "$home"
  else
    echo "rt-stop: $home was not made by rt-start.sh (no .csr-rt-home); not deleting it" >&2
    exit 1
  fi
fi
