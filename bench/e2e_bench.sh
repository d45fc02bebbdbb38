#!/usr/bin/env bash
# End-to-end benchmark: the real engine (fake translator) with its own
# PostgreSQL database and Redis, tg-sim with Telegram's limits off, and
# bridge-replay sending generated traffic at a fixed rate. Prints one JSON
# line per run: the replay's figures, the most PostgreSQL connections the
# engine held, and the 1-minute load average at the start.
#
#   bench/e2e_bench.sh [--rate R] [--seconds S] [--teams T] [--workers-max W]
#                      [--latency-ms L] [--jitter-ms J] [--runs N] [--warmup-s W]
#                      [--perf SECONDS] [--http-workers N] [--engines N]
#                      [--out DIR] [--bin DIR] [-- ENGINE_ARGS...]
#
# `steady` (the replay's latency) and `engine_steady` (the engine's own
# update-to-reply histogram, translator time included) leave out the
# first W seconds of sending (default 5), when every conversation's first
# message starts its actor.
#
# --engines N starts N engines on the same database (cluster.instance_id
# bench-1..N) and sends only once each of them owns partitions; the
# engine figures are then the sums over the N engines' /metrics.
# `engine_cpu_s` is the engines' user + system CPU over the whole run
# (registration included), from /proc.
#
# --bin takes bridge, tg-sim and bridge-replay from DIR instead of build/,
# so two builds can be measured back to back on the same machine.
#
# Every run is bounded (bridge-replay's --timeout-s, and `timeout` around
# it) and stops the engine and tg-sim it started, by PID. Only loopback.
# PostgreSQL and Redis are started in OUT/services unless already running
# there, and left running for the next call: `scripts/services.sh stop
# OUT/services` stops them. Each run leaves in OUT its traffic, report,
# plot, per-delivery samples, logs, connection samples and /metrics.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rate=2000 seconds=30 teams=1000 workers_max=5 latency=0 jitter=0 runs=1 warmup=5
perf_s=0 http_workers=16 engines=1 out="$root/.run/bench" bin="$root/build"
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rate=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --teams) teams=$2; shift 2 ;;
    --workers-max) workers_max=$2; shift 2 ;;
    --latency-ms) latency=$2; shift 2 ;;
    --jitter-ms) jitter=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --warmup-s) warmup=$2; shift 2 ;;
    --perf) perf_s=$2; shift 2 ;;
    --http-workers) http_workers=$2; shift 2 ;;
    --engines) engines=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    --) shift; break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
extra_engine_args=("$@")
for b in bridge tg-sim bridge-replay; do
  [ -x "$bin/$b" ] || { echo "build $bin/$b first (scripts/build.sh)" >&2; exit 2; }
done

mkdir -p "$out"
"$root/scripts/services.sh" start "$out/services" >/dev/null
# shellcheck disable=SC1091
source "$out/services/env"
token="123456789:AAE2eBenchTokenForBridgeEndToEnd0000001"
pg=(-h 127.0.0.1 -p "$PGPORT" -U postgres)
psql_bin="${PGBIN:-/usr/lib/postgresql/15/bin}/psql"
[ -x "$psql_bin" ] || psql_bin=psql

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  pids=()
}
trap cleanup EXIT

# The engine's update-to-reply histogram between two /metrics texts, as a
# JSON object: replies counted, their mean, and the share within each
# bucket bound up to 1 s; {} without the first text.
reply_fractions() {
  [ -s "$1" ] && [ -s "$2" ] || { echo '{}'; return; }
  awk -v OFS=' ' '/^bridge_update_reply_latency_seconds_/ { print FILENAME, $1, $2 }' "$1" "$2" \
    | awk -v a="$1" '
        { key = $2; if ($1 == a) before[key] = $3; else after[key] = $3; order[key] = NR }
        END {
          c = after["bridge_update_reply_latency_seconds_count"] - before["bridge_update_reply_latency_seconds_count"]
          s = after["bridge_update_reply_latency_seconds_sum"] - before["bridge_update_reply_latency_seconds_sum"]
          if (c <= 0) { print "{}"; exit }
          printf "{\"replies\":%d,\"mean_ms\":%.1f,\"within_ms\":{", c, 1000 * s / c
          n = split("0.005 0.0075 0.01 0.015 0.02 0.025 0.03 0.04 0.05 0.075 0.1 0.25 0.5 1", les, " ")
          for (i = 1; i <= n; ++i) {
            k = "bridge_update_reply_latency_seconds_bucket{le=\"" les[i] "\"}"
            printf "%s\"%g\":%.4f", (i > 1 ? "," : ""), 1000 * les[i], (after[k] - before[k]) / c
          }
          print "}}"
        }'
}

# /metrics of every engine, summed line by line into one text.
engine_metrics() {
  local f
  for f in "$d"/engine*.port; do
    curl -s "http://127.0.0.1:$(cat "$f")/metrics" || true
  done | awk '!/^#/ && NF == 2 { sum[$1] += $2 } END { for (k in sum) printf "%s %.17g\n", k, sum[k] }'
}

# User + system CPU seconds of the given PIDs so far.
cpu_seconds() {
  local tick total=0 p
  tick=$(getconf CLK_TCK)
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] || continue
    total=$((total + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$p/stat")))
  done
  awk -v t="$total" -v k="$tick" 'BEGIN { printf "%.2f", t / k }'
}

wait_file() {
  for _ in $(seq 1 600); do [ -s "$1" ] && return 0; sleep 0.1; done
  echo "timed out waiting for $1" >&2; return 1
}

for i in $(seq 1 "$runs"); do
  d="$out/r${rate}-l${latency}-$i"
  rm -rf "$d"; mkdir -p "$d"
  db="bench_${rate}_${latency}_$i"
  dropdb "${pg[@]}" --if-exists "$db" 2>/dev/null
  createdb "${pg[@]}" "$db"
  redis-cli -p "$REDIS_PORT" flushall >/dev/null
  "$bin/bridge-replay" generate --teams "$teams" --workers-min 1 \
    --workers-max "$workers_max" --messages $((rate * seconds)) --rate "$rate" \
    --seed "$i" --out "$d/traffic.jsonl"
  load=$(cut -d' ' -f1 /proc/loadavg)

  "$bin/tg-sim" serve --port 0 --ready-file "$d/sim.port" --token "$token" \
    --limits off >"$d/tg-sim.log" 2>&1 &
  sim_pid=$!; pids+=("$sim_pid")
  wait_file "$d/sim.port"
  # Telegram's limits are off here, so sending is bounded by connections
  # alone: 16 of them (--http-workers), where production's 30 messages/s
  # needs the default 4.
  engine_pids=()
  for e in $(seq 1 "$engines"); do
    TELEGRAM_BOT_TOKEN="$token" DATABASE_URL="postgresql://postgres@127.0.0.1:$PGPORT/$db" \
      "$bin/bridge" --telegram.api_url="http://127.0.0.1:$(cat "$d/sim.port")" \
      --http.port=0 --engine.ready_file="$d/engine$e.port" \
      --cluster.instance_id="bench-$e" \
      --translator.backend=fake --translator.fake_latency_ms="$latency" \
      --translator.fake_jitter_ms="$jitter" \
      --translator.requests_per_minute=100000000 \
      --translator.tokens_per_minute=1000000000 --translator.max_in_flight=4096 \
      --session.updates_per_minute=100000 --session.free_daily_messages=1000000 \
      --sender.global_per_second=100000 --sender.per_chat_per_second=100000 \
      --sender.per_chat_burst=100000 --sender.http_workers="$http_workers" \
      "${extra_engine_args[@]}" \
      >"$d/engine$e.log" 2>&1 &
    engine_pids+=("$!"); pids+=("$!")
    wait_file "$d/engine$e.port"
  done
  engine_pid=${engine_pids[0]}
  if [ "$engines" -gt 1 ]; then
    # Rendezvous spreads the partitions once every engine is a member;
    # a keeper round (a quarter of the lease TTL) later they have moved.
    for _ in $(seq 1 600); do
      owners=$(psql "${pg[@]}" -d "$db" -Atc "select count(distinct owner)
        from partition_leases where partition >= 0 and expires_at > now()")
      [ "$owners" = "$engines" ] && break
      sleep 0.1
    done
    sleep 2
  fi

  # The engine's connections, sampled from another database; autovacuum
  # workers on the engine's database are not the engine's. One call of
  # PostgreSQL's own psql per sample: Debian's psql wrapper starts Perl
  # each time, which took a few percent of the machine being measured.
  ( while kill -0 "$engine_pid" 2>/dev/null; do
      "$psql_bin" "${pg[@]}" -d postgres -At \
        -c "select count(*) from pg_stat_activity
            where datname = '$db' and backend_type = 'client backend'" \
        -c "select backend_type, count(*) from pg_stat_activity
            where datname = '$db' group by 1" 2>/dev/null \
        | { read -r n && echo "$n"; cat >>"$d/pg_backends.txt"; } || true
      sleep 0.5
    done ) >"$d/pg_connections.txt" &
  sampler_pid=$!; pids+=("$sampler_pid")
  if [ "$perf_s" -gt 0 ]; then
    # Past registration, into the steady load.
    ( sleep 15; perf record -F 999 -g -p "$engine_pid" -o "$d/perf.data" \
        -- sleep "$perf_s" >"$d/perf.log" 2>&1 ) &
    pids+=("$!")
  fi

  # The engine's histograms once sending is past its warm-up (the first
  # message of each conversation starts and loads its actor): the report's
  # engine_steady figures are the difference from there to the end.
  ( while kill -0 "$engine_pid" 2>/dev/null; do
      n=$(engine_metrics | awk '/^bridge_messages_relayed_total/ { print $2 }')
      if [ -n "$n" ] && [ "${n%.*}" -gt 0 ]; then
        sleep "$warmup"
        engine_metrics >"$d/metrics_warm.txt"
        break
      fi
      sleep 0.2
    done ) &
  pids+=("$!")

  timeout $((seconds * 4 + 300)) "$bin/bridge-replay" run --warmup-s "$warmup" --traffic "$d/traffic.jsonl" \
    --sim-port "$(cat "$d/sim.port")" --report "$d/report.json" --plot "$d/plot.svg" --samples "$d/samples.csv" \
    --timeout-s $((seconds * 4 + 240)) --quiet >/dev/null 2>"$d/replay.log" || true
  engine_metrics >"$d/metrics.txt"
  engine_cpu=$(cpu_seconds "${engine_pids[@]}")
  max_conns=$(sort -n "$d/pg_connections.txt" | tail -1)
  sync_commit=$(psql "${pg[@]}" -d postgres -Atc "show synchronous_commit")
  cleanup
  engine_steady=$(reply_fractions "$d/metrics_warm.txt" "$d/metrics.txt")
  jq -c --argjson engines "$engines" --argjson cpu "$engine_cpu" --arg load "$load" --argjson conns "${max_conns:-0}" --arg sc "$sync_commit" \
    --argjson engine "$engine_steady" --argjson rate "$rate" --argjson lat "$latency" --argjson jit "$jitter" '{
      rate: $rate, engines: $engines, engine_cpu_s: $cpu, latency_ms_profile: $lat, jitter_ms: $jit, load_1m: $load,
      passed, sent, delivered, lost, duplicated, reordered,
      send_rate_per_s, throughput_per_s, latency_ms, steady,
      engine_steady: $engine, too_many_requests,
      max_pg_connections: $conns, synchronous_commit: $sc,
      registration: .registration.seconds, errors }' "$d/report.json"
  dropdb "${pg[@]}" --if-exists "$db" 2>/dev/null || true
done
