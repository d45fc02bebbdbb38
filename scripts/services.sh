#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Private PostgreSQL 15 and Redis 7 for one Bridge run, on loopback.
#
#   scripts/services.sh start [RUN_DIR]   start both (safe to repeat)
#   scripts/services.sh stop  [RUN_DIR]   stop both, by PID
#   scripts/services.sh purge [RUN_DIR]   stop both and delete their data
#   scripts/services.sh status [RUN_DIR]
#   scripts/services.sh pids [RUN_DIR]     "postgres PID" and "redis PID" lines
#
# Faults, for scripts/faults.sh (each on the running servers, same ports):
#   scripts/services.sh pg-restart fast|immediate [RUN_DIR]
#   scripts/services.sh pg-stop [RUN_DIR]    (fast; pg-start brings it back)
#   scripts/services.sh pg-start [RUN_DIR]
#   scripts/services.sh redis-kill [RUN_DIR] (SIGKILL; redis-start restarts)
#   scripts/services.sh redis-start [RUN_DIR]
# (Redis takes DEBUG from loopback, so a fault can make it answer slowly:
# `redis-cli -p $REDIS_PORT debug sleep 2`.)
#
# RUN_DIR (default: $BRIDGE_RUN_DIR, else .run/default in the project) holds
# the data, sockets, logs and an `env` file with DATABASE_URL and REDIS_URL
# (the servers' files go to /var/tmp/bridge-services when their users
# cannot reach RUN_DIR).
# Ports are picked free at start, so two runs with different RUN_DIRs never
# collide; a second start on the same RUN_DIR finds the servers running and
# leaves them be.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cmd="${1:-}"
FAULT_MODE=""
if [ "$cmd" = pg-restart ]; then FAULT_MODE="${2:-}"; shift || true; fi
run_dir="${2:-${BRIDGE_RUN_DIR:-$root/.run/default}}"
mkdir -p "$run_dir"
run_dir="$(cd "$run_dir" && pwd)"

PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"

say() { printf 'services: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

# As root the servers run as the postgres and redis users, who may not be
# able to reach RUN_DIR (a clone under a folder of mode 0700, as mktemp -d
# makes). Their files then live in a folder of their own under /var/tmp,
# named after RUN_DIR, and RUN_DIR keeps the env file and the lock.
state_dir="$run_dir"
if [ "$(id -u)" -eq 0 ] && { ! runuser -u postgres -- test -x "$run_dir" \
     || ! runuser -u redis -- test -x "$run_dir"; } 2>/dev/null; then
  state_dir="/var/tmp/bridge-services/$(printf '%s' "$run_dir" | sha1sum | cut -c1-16)"
  mkdir -p "$state_dir"
  chmod 755 /var/tmp/bridge-services "$state_dir"
fi
env_file="$run_dir/env"
pg_data="$state_dir/pg"
pg_sock="$state_dir/pgsock"
redis_dir="$state_dir/redis"
log_dir="$state_dir/log"

# Runs a command as `user` when we are root (PostgreSQL refuses to run as
# root), as ourselves otherwise.
# The lock descriptor is closed for children: a daemon that kept it would
# hold the lock for as long as it runs.
as_user() {
  local user="$1"; shift
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$user" -- "$@" 9>&-; else "$@" 9>&-; fi
}

owner_for() { if [ "$(id -u)" -eq 0 ]; then echo "$1"; else id -un; fi; }

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pick_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 30000 ))
    if port_free "$p"; then echo "$p"; return 0; fi
  done
  die "no free port found on 127.0.0.1"
}

pg_pid() { [ -f "$pg_data/postmaster.pid" ] && head -1 "$pg_data/postmaster.pid" || true; }
redis_pid() { [ -f "$redis_dir/redis.pid" ] && cat "$redis_dir/redis.pid" || true; }
alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

start_pg() {
  local port="$1"
  local pg_user; pg_user="$(owner_for postgres)"
  mkdir -p "$pg_data" "$pg_sock" "$log_dir"
  chown "$pg_user" "$pg_data" "$pg_sock" "$log_dir" 2>/dev/null || true
  chmod 700 "$pg_data"
  if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -w "$pg_data"; then
    die "user postgres cannot write $pg_data; choose another RUN_DIR"
  fi
  if [ ! -f "$pg_data/PG_VERSION" ]; then
    as_user "$pg_user" "$PGBIN/initdb" -D "$pg_data" -U postgres --auth=trust \
      -E UTF8 --locale=C.UTF-8 >"$log_dir/initdb.log" 2>&1 \
      || die "initdb failed; see $log_dir/initdb.log"
  fi
  as_user "$pg_user" "$PGBIN/pg_ctl" -D "$pg_data" -l "$log_dir/pg.log" -w -t 60 \
    -o "-p $port -k $pg_sock -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB -c fsync=on -c synchronous_commit=on" \
    start >/dev/null || { say "PostgreSQL did not start on port $port"; return 1; }
  local i
  for i in $(seq 1 100); do
    as_user "$pg_user" "$PGBIN/pg_isready" -q -h "$pg_sock" -p "$port" && break
    sleep 0.1
  done
  if ! as_user "$pg_user" psql -h "$pg_sock" -p "$port" -U postgres -tAc \
      "select 1 from pg_database where datname='bridge'" postgres | grep -q 1; then
    as_user "$pg_user" "$PGBIN/createdb" -h "$pg_sock" -p "$port" -U postgres bridge
  fi
}

start_redis() {
  local port="$1"
  local redis_user; redis_user="$(owner_for redis)"
  mkdir -p "$redis_dir"
  chown "$redis_user" "$redis_dir" 2>/dev/null || true
  as_user "$redis_user" redis-server --port "$port" --bind 127.0.0.1 --daemonize yes \
    --dir "$redis_dir" --pidfile "$redis_dir/redis.pid" \
    --logfile "$redis_dir/redis.log" --save '' --appendonly no \
    --enable-debug-command local >/dev/null
  local i
  # Only our own server counts: another one on the port (a run that took
  # it first) answers PING too, so its process id must be the one started.
  for i in $(seq 1 100); do
    local answered
    answered=$(redis-cli -h 127.0.0.1 -p "$port" info server 2>/dev/null \
                 | sed -n 's/^process_id:\([0-9]*\).*/\1/p')
    if [ -n "$answered" ] && [ "$answered" = "$(redis_pid)" ]; then
      return 0
    fi
    sleep 0.05
  done
  say "Redis did not answer on port $port"
  return 1
}

cmd_start() {
  exec 9>"$run_dir/.lock"
  flock -w 60 9 || die "another start holds $run_dir/.lock"
  if [ -f "$env_file" ] && alive "$(pg_pid)" && alive "$(redis_pid)"; then
    say "already running in $run_dir"
    cat "$env_file"
    return 0
  fi
  # A half-started run (one server died) is stopped and started afresh.
  cmd_stop quiet
  local pg_port redis_port
  pg_port="$(pick_port)"
  redis_port="$(pick_port)"
  while [ "$redis_port" = "$pg_port" ]; do redis_port="$(pick_port)"; done
  # A port found free can be taken before the server binds it (another
  # run starting at the same moment): a few fresh ports are tried.
  local tries
  for tries in 1 2 3 4 5; do
    start_pg "$pg_port" && break
    [ "$tries" = 5 ] && die "PostgreSQL did not start; see $log_dir/pg.log"
    pg_port="$(pick_port)"
  done
  for tries in 1 2 3 4 5; do
    start_redis "$redis_port" && break
    [ "$tries" = 5 ] && die "Redis did not start; see $redis_dir/redis.log"
    redis_port="$(pick_port)"
    while [ "$redis_port" = "$pg_port" ]; do redis_port="$(pick_port)"; done
  done
  cat >"$env_file" <<ENV
export PGPORT=$pg_port
export PGHOST=$pg_sock
export REDIS_PORT=$redis_port
export DATABASE_URL=postgresql://postgres@127.0.0.1:$pg_port/bridge
export REDIS_URL=redis://127.0.0.1:$redis_port/0
ENV
  [ "$state_dir" = "$run_dir" ] \
    || say "$run_dir is closed to the postgres or redis user; their files are in $state_dir"
  say "PostgreSQL on 127.0.0.1:$pg_port (socket $pg_sock), Redis on 127.0.0.1:$redis_port"
  cat "$env_file"
}

stop_pid() {
  local pid="$1" what="$2"
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  local i
  for i in $(seq 1 100); do
    alive "$pid" || return 0
    sleep 0.1
  done
  say "$what (pid $pid) did not stop in 10 s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
}

cmd_stop() {
  local pid
  pid="$(pg_pid)"
  # SIGINT is PostgreSQL's "fast" shutdown: clients are disconnected.
  if alive "$pid"; then kill -INT "$pid" 2>/dev/null || true; fi
  stop_pid "$pid" PostgreSQL
  stop_pid "$(redis_pid)" Redis
  rm -f "$redis_dir/redis.pid" "$env_file"
  [ "${1:-}" = quiet ] || say "stopped services in $run_dir"
}

cmd_purge() {
  cmd_stop quiet
  rm -rf "$pg_data" "$pg_sock" "$redis_dir" "$log_dir"
  [ "$state_dir" = "$run_dir" ] || rmdir "$state_dir" 2>/dev/null || true
  say "stopped services in $run_dir and deleted their data"
}

cmd_status() {
  local ok=0
  if alive "$(pg_pid)"; then say "PostgreSQL running (pid $(pg_pid))"; else say "PostgreSQL not running"; ok=1; fi
  if alive "$(redis_pid)"; then say "Redis running (pid $(redis_pid))"; else say "Redis not running"; ok=1; fi
  [ -f "$env_file" ] && cat "$env_file"
  return $ok
}

# The ports of the running servers, from the env file.
env_port() {
  [ -f "$env_file" ] || die "no services running in $run_dir"
  sed -n "s/^export $1=//p" "$env_file"
}

pg_ctl_as() {
  as_user "$(owner_for postgres)" "$PGBIN/pg_ctl" -D "$pg_data" -l "$log_dir/pg.log" "$@"
}

cmd_pg_restart() {
  local mode="$1"
  case "$mode" in fast|immediate) ;; *) die "pg-restart takes fast or immediate" ;; esac
  local port; port="$(env_port PGPORT)"
  pg_ctl_as -w -t 60 -m "$mode" \
    -o "-p $port -k $pg_sock -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB -c fsync=on -c synchronous_commit=on" \
    restart >/dev/null || die "PostgreSQL did not restart; see $log_dir/pg.log"
}

cmd_pg_stop() { pg_ctl_as -w -t 60 -m fast stop >/dev/null; }

cmd_pg_start() { start_pg "$(env_port PGPORT)" || die "PostgreSQL did not start"; }

cmd_redis_kill() {
  local pid; pid="$(redis_pid)"
  alive "$pid" || die "Redis is not running"
  kill -KILL "$pid"
  rm -f "$redis_dir/redis.pid"
}

cmd_redis_start() { start_redis "$(env_port REDIS_PORT)" || die "Redis did not start"; }

# For benchmarks that account for the servers' CPU.
cmd_pids() {
  alive "$(pg_pid)" && alive "$(redis_pid)" || die "no services running in $run_dir"
  printf 'postgres %s\nredis %s\n' "$(pg_pid)" "$(redis_pid)"
}

case "$cmd" in
  start) cmd_start ;;
  pg-restart) cmd_pg_restart "$FAULT_MODE" ;;
  pg-stop) cmd_pg_stop ;;
  pg-start) cmd_pg_start ;;
  redis-kill) cmd_redis_kill ;;
  redis-start) cmd_redis_start ;;
  stop) cmd_stop ;;
  purge) cmd_purge ;;
  status) cmd_status ;;
  pids) cmd_pids ;;
  *) echo "usage: $0 start|stop|purge|status|pids|pg-restart|pg-stop|pg-start|redis-kill|redis-start [RUN_DIR]" >&2; exit 2 ;;
esac
