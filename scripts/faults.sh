#!/usr/bin/env bash
# The fault campaign: each scenario runs the real engine (fake translator),
# its own PostgreSQL database and Redis, tg-sim and bridge-replay traffic,
# fires one fault a few seconds into sending, and judges what the partners
# received against README's promise. Prints one table row per scenario and
# exits non-zero on any breach:
#
#   lost        messages never delivered                    must be 0
#   duplicated  deliveries of a message already delivered   at most `allowed`
#   allowed     sends the engine counted as possible duplicates
#               (bridge_possible_duplicates_total, every engine of the run)
#   reordered   copies delivered after a later message      must be 0
#   finish_s    seconds from the end of sending until no inbox row is
#               unfinished and no outbox row pending        must be reached
#   restarts    engine starts the scenario needed beyond the fault's own
#   tg_429      sends tg-sim answered 429 (burst_10k: must be 0)
#
#   scripts/faults.sh [--messages N] [--rate R] [--teams T] [--fire-at S]
#                     [--burst-chats C] [--only NAME,...] [--out DIR]
#                     [--bin DIR] [--list]
#
# Each scenario's flags, traffic and fault are in faults-scenarios.sh.
# burst_10k sends to --burst-chats distinct chats (10,000 unless told)
# with Telegram's limits on in tg-sim and the sender's shipped limits.
#
# --fire-at counts from the first message the engine relays (registration
# takes its own time). Defaults are small (2,000 messages at 100/s over 40
# teams, the fault 3 s into the traffic) so the campaign fits in the test
# command; the operators' run is
# `--messages 30000 --rate 500 --teams 200 --fire-at 20`.
#
# Everything is on loopback and bounded: each replay has a timeout, each
# wait a deadline, and the engines and tg-sim started are stopped by PID.
# PostgreSQL and Redis run in OUT/services (scripts/services.sh) and are
# stopped at the end.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
messages=2000 rate=100 teams=40 fire_at=3 only="" out="$root/.run/faults"
bin="$root/build" burst_chats=10000
# shellcheck source-path=SCRIPTDIR source=faults-scenarios.sh
source "$root/scripts/faults-scenarios.sh"
while [ $# -gt 0 ]; do
  case "$1" in
    --messages) messages=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --teams) teams=$2; shift 2 ;;
    --fire-at) fire_at=$2; shift 2 ;;
    --burst-chats) burst_chats=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    --list) printf '%s\n' "${scenarios[@]}"; exit 0 ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for b in bridge tg-sim bridge-replay; do
  [ -x "$bin/$b" ] || { echo "build $bin/$b first (scripts/build.sh)" >&2; exit 2; }
done
if [ -n "$only" ]; then
  IFS=, read -r -a scenarios <<<"$only"
fi

mkdir -p "$out"
services="$out/services"
"$root/scripts/services.sh" start "$services" >/dev/null
# shellcheck disable=SC1091
source "$services/env"
token="123456789:AAE2eFaultsTokenForBridgeCampaign00001"
pg=(-h 127.0.0.1 -p "$PGPORT" -U postgres)

pids=()
engine_pid="" sim_pid="" scraper_pid="" engines=0
stop_pid() { [ -n "$1" ] && kill "$1" 2>/dev/null && wait "$1" 2>/dev/null || true; }
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
}
keep_services=0
finish() {
  cleanup
  if [ "$keep_services" = 1 ]; then
    echo "kept for a look: the breached databases in $services" \
         "(scripts/services.sh stop $services when done)" >&2
  else
    "$root/scripts/services.sh" stop "$services" >/dev/null 2>&1 || true
  fi
}
trap finish EXIT

wait_file() {
  for _ in $(seq 1 600); do [ -s "$1" ] && return 0; sleep 0.1; done
  echo "timed out waiting for $1" >&2; return 1
}

sql() { psql "${pg[@]}" -d "$db" -Atc "$1" 2>/dev/null; }

# Starts an engine on the scenario's database; its /metrics are copied to
# d/metrics-N.txt every half second while it lives (a killed engine's last
# copy is what it had counted).
start_engine() {
  engines=$((engines + 1))
  rm -f "$d/engine.port"
  local args; mapfile -t args < <(engine_args_for "$s")
  TELEGRAM_BOT_TOKEN="$token" DATABASE_URL="postgresql://postgres@127.0.0.1:$PGPORT/$db" \
  REDIS_URL="$REDIS_URL" \
    "$bin/bridge" --telegram.api_url="http://127.0.0.1:$(cat "$d/sim.port")" \
    --http.port=0 --engine.ready_file="$d/engine.port" "${args[@]}" \
    >>"$d/engine-$engines.log" 2>&1 &
  engine_pid=$!; pids+=("$engine_pid")
  wait_file "$d/engine.port"
  local n=$engines port; port=$(cat "$d/engine.port")
  ( while kill -0 "$engine_pid" 2>/dev/null; do
      curl -s --max-time 2 "http://127.0.0.1:$port/metrics" >"$d/metrics-$n.tmp" \
        && mv "$d/metrics-$n.tmp" "$d/metrics-$n.txt"
      sleep 0.5
    done ) &
  scraper_pid=$!; pids+=("$scraper_pid")
}

# Sum of a counter family over every engine's last /metrics copy.
counted() {
  cat "$d"/metrics-*.txt 2>/dev/null \
    | awk -v name="$1" 'index($1, name) == 1 { s += $2 } END { printf "%d", s }'
}

row='%-20s %6s %9s %5s %10s %7s %9s %8s %8s %6s  %s\n'
# shellcheck disable=SC2059
printf "$row" scenario sent delivered lost duplicated allowed reordered \
  finish_s restarts tg_429 verdict
breaches=0
for s in "${scenarios[@]}"; do
  d="$out/$s"
  rm -rf "$d"; mkdir -p "$d"
  db="faults_$s"
  dropdb "${pg[@]}" --if-exists "$db" 2>/dev/null
  createdb "${pg[@]}" "$db"
  redis-cli -p "$REDIS_PORT" flushall >/dev/null
  engines=0
  mapfile -t traffic < <(traffic_args_for "$s")
  "$bin/bridge-replay" generate "${traffic[@]}" --seed 7 --out "$d/traffic.jsonl" \
    >/dev/null
  mapfile -t sim_args < <(sim_args_for "$s")
  "$bin/tg-sim" serve --port 0 --ready-file "$d/sim.port" --token "$token" \
    "${sim_args[@]}" >"$d/tg-sim.log" 2>&1 &
  sim_pid=$!; pids+=("$sim_pid")
  wait_file "$d/sim.port"
  start_engine
  send_s=$((messages / rate)) drain_s=$(drain_s_for "$s")
  timeout $((send_s * 3 + drain_s * 2 + 300)) "$bin/bridge-replay" run --warmup-s 0 \
    --traffic "$d/traffic.jsonl" --sim-port "$(cat "$d/sim.port")" \
    --report "$d/report.json" --timeout-s $((send_s * 3 + drain_s + 240)) \
    --drain-s "$drain_s" \
    --quiet >/dev/null 2>"$d/replay.log" &
  replay_pid=$!; pids+=("$replay_pid")
  # Past registration, into the traffic: --fire-at seconds after the
  # engine relayed its first message, however long registration took.
  for _ in $(seq 1 1200); do
    n=$(curl -s --max-time 2 "http://127.0.0.1:$(cat "$d/engine.port")/metrics" \
          | awk '/^bridge_messages_relayed_total/ { print int($2) }')
    [ -n "$n" ] && [ "$n" -gt 0 ] && break
    sleep 0.1
  done
  sleep "$fire_at"
  fire "$s" >>"$d/fault.log" 2>&1 || echo "the fault itself failed; see $d/fault.log" >&2
  wait "$replay_pid" 2>/dev/null || true
  ended=$(date +%s)
  finish_s="-"
  for _ in $(seq 1 $((drain_s * 10))); do
    left=$(sql "select (select count(*) from inbox where processed_at is null
                        and parked_at is null)
                     + (select count(*) from outbox where status = 'pending')")
    if [ "$left" = 0 ]; then finish_s=$(( $(date +%s) - ended )); break; fi
    sleep 0.1
  done
  sleep 1 # the last scrape of each engine
  curl -s --max-time 5 "http://127.0.0.1:$(cat "$d/sim.port")/sim/stats" \
    >"$d/sim-stats.json" || true
  tg_429=$(jq -r '.too_many_requests.total // "-"' "$d/sim-stats.json" 2>/dev/null \
             || echo -)
  allowed=$(counted bridge_possible_duplicates_total)
  restarts=$((engines - 1))
  case "$s" in engine_kill9|engine_sigterm) restarts=$((restarts - 1)) ;; esac
  cleanup
  read -r sent delivered lost duplicated reordered < <(jq -r \
    '"\(.sent) \(.delivered) \(.lost) \(.duplicated) \(.reordered)"' "$d/report.json" \
    2>/dev/null || echo "- - - - -")
  verdict=ok
  if [ "$sent" = - ] || [ "$lost" != 0 ] || [ "$reordered" != 0 ] \
     || [ "$duplicated" -gt "$allowed" ] || [ "$finish_s" = - ] || [ "$restarts" -gt 0 ] \
     || { [ "$s" = burst_10k ] && [ "$tg_429" != 0 ]; }; then
    verdict=BREACH; breaches=$((breaches + 1))
  fi
  # shellcheck disable=SC2059
  printf "$row" "$s" "$sent" "$delivered" "$lost" "$duplicated" "$allowed" \
    "$reordered" "$finish_s" "$restarts" "$tg_429" "$verdict"
  # A breach keeps its database for a look (OUT/services stays up then).
  if [ "$verdict" = ok ]; then
    dropdb "${pg[@]}" --if-exists "$db" 2>/dev/null || true
  else
    keep_services=1
  fi
done
exit $((breaches > 0))
