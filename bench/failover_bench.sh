#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# How long a partition waits for a new owner when an engine dies: three
# engines share the bot under light traffic, and one of them (each in
# turn, the intake leader included) is killed with SIGKILL --kills times.
# Each kill is timed until every lease (every partition and the intake
# role) is held again by a live engine; the killed engine is then started
# again under its own instance id and the next kill waits until it holds
# partitions again. Prints one JSON object on standard output:
#
#   {"kills":10,"takeover_s":[...],"p50":..,"max":..,"rejoin_s":[...]}
#
# and the fault campaign's judgement of the traffic (no loss, no
# reordering) on standard error. The bound of a takeover is the lease TTL
# (cluster.lease_ttl_ms, 5 s) plus one keeper round (TTL / 4).
#
#   bench/failover_bench.sh [--kills N] [--rate R] [--out DIR] [--bin DIR]
#
# Everything is on loopback and bounded; the processes started are stopped
# by PID, and PostgreSQL and Redis run in OUT/services (scripts/services.sh).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/faults-lib.sh
source "$root/scripts/faults-lib.sh"
kills=10 rate=5 teams=40 fire_at=3 out="$root/.run/failover" bin="$root/build"
while [ $# -gt 0 ]; do
  case "$1" in
    --kills) kills=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for b in bridge tg-sim bridge-replay; do
  [ -x "$bin/$b" ] || { echo "build $bin/$b first (scripts/build.sh)" >&2; exit 2; }
done

mkdir -p "$out"
services="$out/services"
"$root/scripts/services.sh" start "$services" >/dev/null
# shellcheck disable=SC1091
source "$services/env"
token="123456789:AAE2eFaultsTokenForBridgeCampaign00001"
pg=(-h 127.0.0.1 -p "$PGPORT" -U postgres)
trap finish EXIT

# About 12 s a kill (the TTL, the rejoin, a settled round): traffic for
# all of them and a little more.
messages=$((rate * (kills * 12 + 20)))
s=failover_bench d="$out/$s" db="failover_bench"
instances=3 backend=fake fake_latency_ms=20 translator_rpm=100000000 engine_opts=() sim_opts=() llm_opts=()
generate_opts=() replay_opts=() limits=off drain_s=60
traffic_opts=(--teams "$teams" --workers-min 1 --workers-max 3
              --messages "$messages" --rate "$rate")
prepare
start_traffic

# The figure `label` await_sql just recorded.
last() { sed -n "s/^$1=//p" "$d/measured.txt" | tail -1; }

takeovers=() rejoins=()
for i in $(seq 1 "$kills"); do
  k=$(( (i - 1) % instances + 1 ))
  id=engine-$k
  {
    echo "kill $i: $id (the intake: $(intake_owner)), holding $(owned_by "$id") partitions"
    t0=$(now_s); stop_instance "$id" KILL
    await_owned takeover_s "$t0"
    t0=$(now_s); restart_engine "$k"
    await_sql rejoin_s "$t0" "select count(*) > 0 from partition_leases
      where owner = '$id' and expires_at > now() and partition >= 0"
  } >>"$d/fault.log" 2>&1
  takeovers+=("$(last takeover_s)") rejoins+=("$(last rejoin_s)")
  # The handovers of the rejoin finish within a round or two.
  sleep 3
done

table_row scenario sent delivered lost duplicated allowed reordered finish_s \
  restarts tg_429 verdict >&2
judge >&2

printf '%s\n' "${takeovers[@]}" | jq -sc --argjson r "$(printf '%s\n' "${rejoins[@]}" \
  | jq -sc 'map(tonumber? // null)')" '
  map(tonumber? // null) as $t | ($t | map(select(. != null)) | sort) as $s
  | {kills: ($t | length), takeover_s: $t,
     p50: (if $s == [] then null else $s[((($s | length) - 1) / 2 | floor)] end),
     max: ($s | max), rejoin_s: $r}'
[ "$verdict" = ok ]
