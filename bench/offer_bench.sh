#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# What the load harness alone costs and can offer: tg-sim with no engine
# behind it, and bridge-replay sending generated traffic to it at a fixed
# rate (`run --offer-only`: the teams are taken as registered, nothing is
# awaited, every message counts as lost). Prints one JSON line per run.
#
#   bench/offer_bench.sh [--rate R] [--seconds S] [--teams T] [--runs N]
#                        [--threads K] [--gather-ms G] [--out DIR] [--bin DIR]
#
# `offered_per_s` is the replay's own send rate over the whole run;
# `injected_per_s` is what tg-sim took over the window, from the first
# injected update plus one second to three seconds before the end of
# the traffic; `tg_sim_us` and `replay_us` are each process's user +
# system CPU (/proc/PID/stat) over that window per injected message.
# tg-sim keeps every update (no bot confirms them), so its queue bound is
# raised to hold a whole run.
#
# --bin takes tg-sim and bridge-replay from DIR instead of build/, so two
# builds can be measured back to back. Every run is bounded (the replay's
# --timeout-s, and a watchdog besides) and stops what it started, by PID.
# Only loopback.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rate=20000 seconds=10 teams=1000 runs=1 threads=8 gather=()
out="$root/.run/offer" bin="$root/build"
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rate=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --teams) teams=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    # Only passed on when given: builds before the flag are measured too.
    --gather-ms) gather=(--gather-ms "$2"); shift 2 ;;
    --out) out=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ "$seconds" -ge 5 ] || { echo "--seconds must be at least 5" >&2; exit 2; }
mkdir -p "$out"
cpu_model=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)
tick=$(getconf CLK_TCK)

pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
}
trap cleanup EXIT

wait_file() {
  for _ in $(seq 1 600); do [ -s "$1" ] && return 0; sleep 0.1; done
  echo "timed out waiting for $1" >&2; return 1
}

# User + system CPU of one process in clock ticks; 0 once it is gone.
ticks() {
  [ -r "/proc/$1/stat" ] || { echo 0; return; }
  awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0
}

injected() {
  curl -s "http://127.0.0.1:$1/sim/stats" | jq '.updates.injected'
}

# "seconds tg-sim-ticks replay-ticks injected" now.
snapshot() {
  echo "$(date +%s.%N) $(ticks "$2") $(ticks "$3") $(injected "$1")"
}

for i in $(seq 1 "$runs"); do
  d="$out/run$i"
  rm -rf "$d"; mkdir -p "$d"
  "$bin/bridge-replay" generate --teams "$teams" --workers-min 1 \
    --workers-max 5 --messages $((rate * seconds)) --rate "$rate" \
    --switch-fraction 0 --seed "$i" --out "$d/traffic.jsonl"
  load=$(cut -d' ' -f1 /proc/loadavg)
  "$bin/tg-sim" serve --port 0 --ready-file "$d/sim.port" --limits off \
    --max-pending-updates $((rate * seconds * 2)) >"$d/tg-sim.log" 2>&1 &
  sim_pid=$!; pids+=("$sim_pid")
  wait_file "$d/sim.port"
  port=$(cat "$d/sim.port")
  "$bin/bridge-replay" run --offer-only \
    --traffic "$d/traffic.jsonl" --sim-port "$port" --rate "$rate" \
    --threads "$threads" ${gather[@]+"${gather[@]}"} \
    --timeout-s $((seconds * 3 + 30)) --report "$d/report.json" --quiet >/dev/null 2>"$d/replay.log" &
  replay_pid=$!; pids+=("$replay_pid")
  # A bound on the replay besides its own; stopped with its sleep.
  ( trap 'kill "$s" 2>/dev/null; exit 0' TERM
    sleep $((seconds * 3 + 60)) & s=$!
    wait "$s" && kill "$replay_pid" 2>/dev/null ) &
  watchdog_pid=$!; pids+=("$watchdog_pid")
  for _ in $(seq 1 300); do
    n=$(injected "$port"); [ "${n:-0}" -gt 0 ] && break; sleep 0.1
  done
  sleep 1
  begin=$(snapshot "$port" "$sim_pid" "$replay_pid")
  sleep $((seconds - 4))
  end=$(snapshot "$port" "$sim_pid" "$replay_pid")
  wait "$replay_pid" || true
  cleanup
  read -r t0 s0 r0 n0 <<<"$begin"
  read -r t1 s1 r1 n1 <<<"$end"
  window=$(awk -v a="$t0" -v b="$t1" -v s0="$s0" -v s1="$s1" -v r0="$r0" \
    -v r1="$r1" -v n0="$n0" -v n1="$n1" -v k="$tick" 'BEGIN {
      n = n1 - n0; if (n <= 0) n = 1
      printf "{\"window_s\":%.2f,\"injected\":%d,\"injected_per_s\":%.0f,", b - a, n1 - n0, (n1 - n0) / (b - a)
      printf "\"tg_sim_us\":%.1f,\"replay_us\":%.1f}", (s1 - s0) * 1e6 / k / n, (r1 - r0) * 1e6 / k / n }')
  jq -c --argjson w "$window" --arg cpu "$cpu_model" --arg load "$load" \
    --argjson rate "$rate" --argjson threads "$threads" \
    --arg gather "${gather[1]:-default}" '{
      rate: $rate, threads: $threads, gather_ms: $gather, load_1m: $load,
      offered_per_s: .send_rate_per_s, sent, errors,
      window: $w, cpu_model: $cpu }' "$d/report.json"
done
