#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# End-to-end benchmark: the real engine (fake translator) with its own
# PostgreSQL database and Redis, tg-sim with Telegram's limits off, and
# bridge-replay sending generated traffic at a fixed rate. Prints one JSON
# line per run: the replay's figures, the most PostgreSQL connections the
# engine held, and the 1-minute load average at the start.
#
#   bench/e2e_bench.sh [--rate R] [--seconds S] [--teams T] [--workers-max W]
#                      [--latency-ms L] [--jitter-ms J] [--runs N] [--warmup-s W]
#                      [--perf SECONDS] [--http-workers N] [--engines N]
#                      [--account] [--replay-threads N] [--replay-gather-ms G]
#                      [--max-p99-ms X] [--min-throughput Y]
#                      [--out DIR] [--bin DIR] [-- ENGINE_ARGS...]
#
# `steady` (the replay's latency, from each message's due time, with the
# latency from its actual send beside it; `send_lag_ms` is how far the
# replay's sends fell behind their schedule) and `engine_steady` (the engine's own
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
# --account adds what one relayed message costs over a steady window (from
# the end of the warm-up to three seconds before the last send): CPU µs of the
# engines, PostgreSQL (the postmaster, its live children and those it
# reaped), Redis, tg-sim and bridge-replay; their voluntary and
# involuntary context switches (every thread); PostgreSQL transactions,
# statements (pg_stat_statements, BEGIN and COMMIT among them) and WAL
# bytes; Redis commands; and the engines' CPU and voluntary switches by
# thread name (`engine_threads`). The run's statements by calls go to
# statements.txt. The first --account run loads pg_stat_statements into
# OUT/services' PostgreSQL (one restart), where it stays.
#
# Every line carries the machine's CPU model (lscpu), to tell machine
# from code.
#
# --bin takes bridge, tg-sim and bridge-replay from DIR instead of build/,
# so two builds can be measured back to back on the same machine (a
# replay from before --gather-ms runs on its own defaults: one call a
# line from 8 threads).
#
# --max-p99-ms and --min-throughput are the replay's thresholds (README,
# "Thresholds"): each run's JSON line lists the ones it missed in
# `thresholds_failed`, and the script exits 3 after its last run when a
# run missed one, or 1 when a run lost, repeated or reordered a message.
#
# --replay-threads and --replay-gather-ms are bridge-replay's --threads
# and --gather-ms, 1 and 5 here (the replay's own defaults are 8 and 1):
# one injecting thread sending what is due at most every 5 ms in one
# call. That costs tg-sim and the replay 16-35 % less a message at 800/s
# than one call a line, and one thread 10-25 % less again than two
# (BENCHMARKS.md, "A leaner harness at moderate rates" and "A plain
# client for the harness"); one thread still offers 50,000/s. The engine
# sees no difference: it takes updates from tg-sim by long polls that
# gather 10 ms anyway, and each message's latency is also given from its
# actual send (`latency_from_send_ms`).
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
perf_s=0 http_workers=16 engines=1 account=0 out="$root/.run/bench" bin="$root/build"
replay_args=() replay_threads=1 replay_gather_ms=5
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rate=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --teams) teams=$2; shift 2 ;;
    --workers-max) workers_max=$2; shift 2 ;;
    --latency-ms) latency=$2; shift 2 ;;
    --jitter-ms) jitter=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --replay-threads) replay_threads=$2; shift 2 ;;
    --replay-gather-ms) replay_gather_ms=$2; shift 2 ;;
    --max-p99-ms|--min-throughput)
      # Refused here, before services start, as the replay would refuse it.
      [[ ${2:-} =~ ^[0-9]+([.][0-9]+)?$ ]] || { echo "$1: not a number at or above 0: ${2:-}" >&2; exit 2; }
      replay_args+=("$1" "$2"); shift 2 ;;
    --warmup-s) warmup=$2; shift 2 ;;
    --perf) perf_s=$2; shift 2 ;;
    --http-workers) http_workers=$2; shift 2 ;;
    --engines) engines=$2; shift 2 ;;
    --account) account=1; shift ;;
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
if "$bin/bridge-replay" run --help 2>/dev/null | grep -q -- --gather-ms; then
  replay_args+=(--threads "$replay_threads" --gather-ms "$replay_gather_ms")
fi

mkdir -p "$out"
"$root/scripts/services.sh" start "$out/services" >/dev/null
# shellcheck disable=SC1091
source "$out/services/env"
token="123456789:AAE2eBenchTokenForBridgeEndToEnd0000001"
pg=(-h 127.0.0.1 -p "$PGPORT" -U postgres)
psql_bin="${PGBIN:-/usr/lib/postgresql/15/bin}/psql"
[ -x "$psql_bin" ] || psql_bin=psql
cpu_model=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)
if [ "$account" = 1 ]; then
  case "$("$psql_bin" "${pg[@]}" -d postgres -Atc "show shared_preload_libraries")" in
    *pg_stat_statements*) ;;
    *) "$psql_bin" "${pg[@]}" -d postgres -qc "alter system set shared_preload_libraries = 'pg_stat_statements'"
       "$root/scripts/services.sh" pg-restart fast "$out/services" >/dev/null ;;
  esac
  "$psql_bin" "${pg[@]}" -d postgres -qc "create extension if not exists pg_stat_statements"
  pg_pid=$("$root/scripts/services.sh" pids "$out/services" | awk '$1 == "postgres" { print $2 }')
  redis_pid=$("$root/scripts/services.sh" pids "$out/services" | awk '$1 == "redis" { print $2 }')
fi

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

# User + system CPU in clock ticks from one /proc stat file, with the
# reaped children's when $2 is "children".
stat_ticks() {
  awk -v c="${2:-}" '{ sub(/^.*\) /, ""); t = $12 + $13; if (c == "children") t += $14 + $15; print t }' "$1"
}

# User + system CPU seconds of the given PIDs so far.
cpu_seconds() {
  local tick total=0 p
  tick=$(getconf CLK_TCK)
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] || continue
    total=$((total + $(stat_ticks "/proc/$p/stat")))
  done
  awk -v t="$total" -v k="$tick" 'BEGIN { printf "%.2f", t / k }'
}

# Every line of the given /proc files as "path:line", in one process (a
# file that vanished meanwhile, a thread that ended, is left out). The
# snapshots read a few hundred files; a process for each would disturb the
# run they measure.
proc_lines() {
  grep -H '' "$@" 2>/dev/null || true
}

# Sums, from proc_lines output, "ticks voluntary involuntary": user +
# system CPU in clock ticks of each <pid>/stat (with the reaped children's
# of the stat files of the pids in `children`), and context switches of
# each task status file.
sum_usage() {
  awk -v children="${1:-}" '
    BEGIN { split(children, c, " "); for (i in c) reap["/proc/" c[i] "/stat"] = 1 }
    {
      i = index($0, ":"); path = substr($0, 1, i - 1); line = substr($0, i + 1)
      if (path ~ /\/stat$/) {
        sub(/^.*\) /, "", line); split(line, f, " ")
        t += f[12] + f[13]; if (path in reap) t += f[14] + f[15]
      } else if (line ~ /^voluntary_ctxt_switches/) { split(line, f, /[ \t]+/); v += f[2] }
      else if (line ~ /^nonvoluntary_ctxt_switches/) { split(line, f, /[ \t]+/); n += f[2] }
    }
    END { print t + 0, v + 0, n + 0 }'
}

# "ticks voluntary involuntary" of one process: user + system CPU in clock
# ticks (with its reaped children's when $2 is "children") and context
# switches summed over its threads; zeros once it is gone.
proc_usage() {
  local p=$1
  [ -r "/proc/$p/stat" ] || { echo "0 0 0"; return; }
  proc_lines "/proc/$p/stat" "/proc/$p"/task/*/status \
    | sum_usage "$([ "${2:-}" = children ] && echo "$p")"
}

# The same for PostgreSQL: the postmaster with the children it reaped, and
# each live child. The children are found through proc_lines: a process
# that ends while its stat file is read must not stop the search (awk
# gives up at a file that vanished, and the children after it were lost).
pg_usage() {
  local pm=$1 kids=() c
  kids=($(proc_lines /proc/[0-9]*/stat \
            | awk -v pm="$pm" '{ i = index($0, ":"); line = substr($0, i + 1)
                                 pid = line; sub(/ .*$/, "", pid)
                                 sub(/^.*\) /, "", line); split(line, f, " ")
                                 if (f[2] == pm) print pid }'))
  local files=("/proc/$pm/stat" "/proc/$pm"/task/*/status)
  for c in "${kids[@]}"; do files+=("/proc/$c/stat" "/proc/$c/status"); done
  proc_lines "${files[@]}" | sum_usage "$pm"
}

# "name ticks voluntary involuntary" for each thread of one process; a
# thread's name is what it set (bridge.db, bridge.redis...) or CAF's.
engine_threads() {
  proc_lines /proc/"$1"/task/*/comm /proc/"$1"/task/*/stat /proc/"$1"/task/*/status \
    | awk '
      {
        i = index($0, ":"); path = substr($0, 1, i - 1); line = substr($0, i + 1)
        split(path, p, "/"); tid = p[5]
        if (path ~ /\/comm$/) { gsub(/ /, "_", line); name[tid] = line }
        else if (path ~ /\/stat$/) {
          sub(/^.*\) /, "", line); split(line, f, " "); ticks[tid] = f[12] + f[13]
        } else if (line ~ /^voluntary_ctxt_switches/) { split(line, f, /[ \t]+/); vol[tid] = f[2] }
        else if (line ~ /^nonvoluntary_ctxt_switches/) { split(line, f, /[ \t]+/); inv[tid] = f[2] }
      }
      END { for (t in ticks) if ((t in name) && (t in vol)) print name[t], ticks[t], vol[t], inv[t] + 0 }'
}

# One accounting snapshot into $1: "name ticks voluntary involuntary" per
# process group, then "name value" counters.
account_snapshot() {
  local f=$1 p t v n
  {
    t=0 v=0 n=0
    for p in "${engine_pids[@]}"; do
      read -r a b c < <(proc_usage "$p"); t=$((t + a)); v=$((v + b)); n=$((n + c))
    done
    echo "engine $t $v $n"
    for p in "${engine_pids[@]}"; do engine_threads "$p"; done \
      | awk '{ t[$1] += $2; v[$1] += $3; n[$1] += $4 }
             END { for (k in t) print "thread", k, t[k], v[k], n[k] }'
    echo "postgres $(pg_usage "$pg_pid")"
    echo "redis $(proc_usage "$redis_pid")"
    echo "tg-sim $(proc_usage "$sim_pid")"
    echo "replay $(proc_usage "$replay_pid")"
    echo "relayed $(engine_metrics | awk '/^bridge_messages_relayed_total/ { print $2 + 0 }')"
    "$psql_bin" "${pg[@]}" -d postgres -At -F' ' -c "
      select 'pg_xacts', xact_commit + xact_rollback from pg_stat_database where datname = '$db'
      union all
      select 'pg_statements', coalesce(sum(calls), 0) from pg_stat_statements s
        join pg_database d on d.oid = s.dbid where d.datname = '$db'
      union all
      select 'pg_begin_commit', coalesce(sum(calls), 0) from pg_stat_statements s
        join pg_database d on d.oid = s.dbid
       where d.datname = '$db' and upper(trim(s.query)) in ('BEGIN', 'COMMIT', 'ROLLBACK')
      union all
      select 'wal_bytes', wal_bytes from pg_stat_wal"
    echo "redis_commands $(redis-cli -p "$REDIS_PORT" info stats | tr -d '\r' \
      | awk -F: '$1 == "total_commands_processed" { print $2 }')"
    echo "time_ms $(date +%s%3N)"
  } >"$f"
}

# Per relayed message between two snapshots, as a JSON object.
account_json() {
  awk -v tick="$(getconf CLK_TCK)" '
    FNR == 1 { file++ }
    $1 == "thread" { key = $2; if (file == 1) { tt0[key] = $3; tv0[key] = $4 }
                     else { tt1[key] = $3; tv1[key] = $4 }; threads[key] = 1; next }
    NF == 4 { key = $1; if (file == 1) { t0[key] = $2; v0[key] = $3; n0[key] = $4 }
              else { t1[key] = $2; v1[key] = $3; n1[key] = $4 }; procs[key] = 1; next }
    NF == 2 { if (file == 1) c0[$1] = $2; else c1[$1] = $2 }
    END {
      m = c1["relayed"] - c0["relayed"]
      if (m <= 0) { print "{}"; exit }
      printf "{\"window_s\":%.1f,\"relayed\":%d", (c1["time_ms"] - c0["time_ms"]) / 1000, m
      split("engine postgres redis tg-sim replay", order, " ")
      for (i = 1; i <= 5; ++i) {
        k = order[i]
        printf ",\"%s\":{\"cpu_us\":%.1f,\"cs_voluntary\":%.2f,\"cs_involuntary\":%.2f}", k,
          1e6 * (t1[k] - t0[k]) / tick / m, (v1[k] - v0[k]) / m, (n1[k] - n0[k]) / m
      }
      printf ",\"stack_cpu_us\":%.1f", 1e6 * (t1["engine"] - t0["engine"] + t1["postgres"] - t0["postgres"] + t1["redis"] - t0["redis"]) / tick / m
      split("pg_xacts pg_statements pg_begin_commit wal_bytes redis_commands", cs, " ")
      for (i = 1; i <= 5; ++i) printf ",\"%s\":%.2f", cs[i], (c1[cs[i]] - c0[cs[i]]) / m
      printf ",\"engine_threads\":{"
      sep = ""
      for (k in threads) {
        printf "%s\"%s\":{\"cpu_us\":%.1f,\"cs_voluntary\":%.2f}", sep, k,
          1e6 * (tt1[k] - tt0[k]) / tick / m, (tv1[k] - tv0[k]) / m
        sep = ","
      }
      print "}}"
    }' "$1" "$2"
}

wait_file() {
  for _ in $(seq 1 600); do [ -s "$1" ] && return 0; sleep 0.1; done
  echo "timed out waiting for $1" >&2; return 1
}

missed_threshold=0 failed_check=0
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
    # One engine takes no cluster option, so builds from before the
    # cluster keys can be measured with this script too.
    cluster_args=()
    [ "$engines" -gt 1 ] && cluster_args=(--cluster.instance_id="bench-$e")
    TELEGRAM_BOT_TOKEN="$token" DATABASE_URL="postgresql://postgres@127.0.0.1:$PGPORT/$db" \
      "$bin/bridge" --telegram.api_url="http://127.0.0.1:$(cat "$d/sim.port")" \
      --http.port=0 --engine.ready_file="$d/engine$e.port" \
      ${cluster_args[@]+"${cluster_args[@]}"} \
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

  # bridge-replay in the background, so its PID is known to the accounting.
  "$bin/bridge-replay" run --warmup-s "$warmup" --traffic "$d/traffic.jsonl" \
    --sim-port "$(cat "$d/sim.port")" --report "$d/report.json" --plot "$d/plot.svg" --samples "$d/samples.csv" \
    --timeout-s $((seconds * 4 + 240)) ${replay_args[@]+"${replay_args[@]}"} \
    --quiet >/dev/null 2>"$d/replay.log" &
  replay_pid=$!; pids+=("$replay_pid")
  # A bound on the replay besides its own; stopped with its sleep.
  ( trap 'kill "$s" 2>/dev/null; exit 0' TERM
    sleep $((seconds * 4 + 300)) & s=$!
    wait "$s" && kill "$replay_pid" 2>/dev/null ) &
  watchdog_pid=$!; pids+=("$watchdog_pid")

  # The engine's histograms once sending is past its warm-up (the first
  # message of each conversation starts and loads its actor): the report's
  # engine_steady figures are the difference from there to the end. The
  # accounting window runs from there to three seconds before the last
  # send, while every process is still at it.
  ( while kill -0 "$engine_pid" 2>/dev/null && kill -0 "$replay_pid" 2>/dev/null; do
      n=$(engine_metrics | awk '/^bridge_messages_relayed_total/ { print $2 }')
      if [ -n "$n" ] && [ "${n%.*}" -gt 0 ]; then
        sleep "$warmup"
        engine_metrics >"$d/metrics_warm.txt"
        if [ "$account" = 1 ]; then
          account_snapshot "$d/account_begin.txt"
          sleep $((seconds > warmup + 4 ? seconds - warmup - 3 : 1))
          account_snapshot "$d/account_end.txt"
        fi
        break
      fi
      sleep 0.2
    done ) &
  watcher_pid=$!; pids+=("$watcher_pid")

  replay_status=0
  wait "$replay_pid" || replay_status=$?
  wait "$watcher_pid" 2>/dev/null || true
  kill "$watchdog_pid" 2>/dev/null || true
  wait "$watchdog_pid" 2>/dev/null || true
  engine_metrics >"$d/metrics.txt"
  engine_cpu=$(cpu_seconds "${engine_pids[@]}")
  max_conns=$(sort -n "$d/pg_connections.txt" | tail -1)
  sync_commit=$(psql "${pg[@]}" -d postgres -Atc "show synchronous_commit")
  cleanup
  engine_steady=$(reply_fractions "$d/metrics_warm.txt" "$d/metrics.txt")
  accounting='{}'
  if [ "$account" = 1 ] && [ -s "$d/account_end.txt" ]; then
    accounting=$(account_json "$d/account_begin.txt" "$d/account_end.txt")
    "$psql_bin" "${pg[@]}" -d postgres -At -F' | ' -c "
      select calls, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 160)
        from pg_stat_statements s join pg_database d on d.oid = s.dbid
       where d.datname = '$db' order by calls desc" >"$d/statements.txt" || true
  fi
  # The replay's own lines for the thresholds it judged missed (exit 3).
  missed=$({ grep '^threshold failed: ' "$d/replay.log" || true; } | jq -R . | jq -sc .)
  [ "$replay_status" = 3 ] && missed_threshold=1
  jq -e '.passed' "$d/report.json" >/dev/null 2>&1 || failed_check=1
  jq -c --argjson missed "$missed" --argjson account "$accounting" --arg cpu_model "$cpu_model" --argjson engines "$engines" --argjson cpu "$engine_cpu" --arg load "$load" --argjson conns "${max_conns:-0}" --arg sc "$sync_commit" \
    --argjson engine "$engine_steady" --argjson rate "$rate" --argjson lat "$latency" --argjson jit "$jitter" '{
      rate: $rate, engines: $engines, engine_cpu_s: $cpu, latency_ms_profile: $lat, jitter_ms: $jit, load_1m: $load,
      passed, sent, delivered, lost, duplicated, reordered,
      send_rate_per_s, throughput_per_s, latency_ms, steady,
      latency_from_send_ms, send_lag_ms,
      engine_steady: $engine, too_many_requests,
      max_pg_connections: $conns, synchronous_commit: $sc,
      registration: .registration.seconds, errors,
      thresholds_failed: $missed,
      per_message: $account, cpu_model: $cpu_model }' "$d/report.json"
  dropdb "${pg[@]}" --if-exists "$db" 2>/dev/null || true
done
[ "$failed_check" = 1 ] && { echo "e2e_bench: a run lost, repeated or reordered messages (report.json)" >&2; exit 1; }
[ "$missed_threshold" = 1 ] && { echo "e2e_bench: a run missed its thresholds (thresholds_failed)" >&2; exit 3; }
exit 0
