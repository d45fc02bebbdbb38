#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The CPU a command costs, and what it makes the private PostgreSQL and
# Redis spend: the servers are daemons, not the command's children, so a
# `time` of the command leaves them out. For a suite this is often most
# of its cost (each connection a test's engine opens is a server process
# that builds its caches). Prints one JSON line.
#
#   BRIDGE_RUN_DIR=... bench/server_cpu.sh -- ctest --test-dir build -R '^e2e\.'
#
# The servers of BRIDGE_RUN_DIR (scripts/services.sh start) are read from
# /proc: PostgreSQL's postmaster with the server processes it has reaped
# and those still running, Redis's one process. Servers the command
# starts itself (the fault cases') are not counted: they are children of
# neither.
set -euo pipefail
[ "${1:-}" = "--" ] && shift
[ $# -gt 0 ] || { echo "usage: $0 -- COMMAND [ARGS...]" >&2; exit 2; }
here="$(cd "$(dirname "$0")/.." && pwd)"
: "${BRIDGE_RUN_DIR:?needs BRIDGE_RUN_DIR, the folder of scripts/services.sh start}"
pids="$("$here/scripts/services.sh" pids "$BRIDGE_RUN_DIR")"
pg=$(awk '$1 == "postgres" {print $2}' <<<"$pids")
redis=$(awk '$1 == "redis" {print $2}' <<<"$pids")
hz=$(getconf CLK_TCK)

# ticks PID [children]: user + system time of PID, and with `children`
# also that of the children it has reaped and of those alive.
ticks() {
  cat /proc/[0-9]*/stat 2>/dev/null | awk -v pid="$1" -v kids="${2:-}" '{
    p = $1; sub(/^.*\) /, ""); split($0, f, " ")
    if (p == pid) total += f[12] + f[13] + (kids ? f[14] + f[15] : 0)
    else if (kids && f[2] == pid) total += f[12] + f[13]
  } END { print total + 0 }'
}

pg0=$(ticks "$pg" children) redis0=$(ticks "$redis")
start=$(date +%s.%N)
status=0
"$@" >&2 || status=$?
end=$(date +%s.%N)
pg1=$(ticks "$pg" children) redis1=$(ticks "$redis")
# The second line of `times` (run by this shell, not a subshell): user
# and system time of the children it has reaped.
took="$(mktemp)"
times >"$took"
read -r cu cs < <(sed -n 2p "$took" | tr -d 's' \
  | awk '{split($1, u, "m"); split($2, s, "m"); print u[1] * 60 + u[2], s[1] * 60 + s[2]}')
rm -f "$took"
awk -v wall="$(echo "$end - $start" | bc)" -v cu="$cu" -v cs="$cs" \
    -v pg=$((pg1 - pg0)) -v redis=$((redis1 - redis0)) -v hz="$hz" \
    -v status="$status" 'BEGIN {
  printf "{\"wall_s\": %.1f, \"command_cpu_s\": %.1f, \"postgres_cpu_s\": %.1f, \"redis_cpu_s\": %.1f, \"status\": %d}\n",
         wall, cu + cs, pg / hz, redis / hz, status }'
exit "$status"
