# shellcheck shell=bash disable=SC2154
# Shared parts of scripts/faults.sh, sourced by it: the processes a
# scenario starts (engine, tg-sim, llm-sim, the replay), the waits, and the
# judgement of one run. faults.sh keeps what differs per scenario: its
# options (`configure`) and its fault (`fire`).
#
# Reads the globals faults.sh sets: root, bin, out, services, token, pg,
# messages, rate, teams, fire_at; and per scenario: s, d, db, and what
# `configure` sets (backend, fake_latency_ms, engine_opts, sim_opts,
# llm_opts, generate_opts, replay_opts, traffic_opts, limits, drain_s).

pids=()
engine_pid="" sim_pid="" llm_pid="" scraper_pid="" replay_pid="" engines=0
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

wait_file() {
  for _ in $(seq 1 600); do [ -s "$1" ] && return 0; sleep 0.1; done
  echo "timed out waiting for $1" >&2; return 1
}

sql() { psql "${pg[@]}" -d "$db" -Atc "$1" 2>/dev/null; }

sim_url() { echo "http://127.0.0.1:$(cat "$d/sim.port")"; }

# A POST to tg-sim's control API (`/sim/...`); the answer is dropped, a
# refusal noted in the fault's log.
sim_post() {
  curl -sf --max-time 10 -H 'Content-Type: application/json' \
    --data-binary "$2" "$(sim_url)/sim/$1" >/dev/null \
    || echo "tg-sim did not take /sim/$1"
}

# The first manager and worker of the traffic: the chats a storm hits.
first_chats() {
  jq -r 'select(.kind == "register_manager" or .kind == "register_worker")
         | .user' "$d/traffic.jsonl" | head -2
}

# The translator options of the scenario's backend (`configure` sets it).
translator_opts() {
  case "$backend" in
    fake) echo --translator.backend=fake --translator.fake_latency_ms="$fake_latency_ms" \
               --translator.fake_jitter_ms=20 ;;
    claude) echo --translator.backend=claude \
                 "--translator.claude_api_url=http://127.0.0.1:$(cat "$d/llm.port")" ;;
    apertium) echo --translator.backend=apertium ;;
  esac
}

# Starts an engine on the scenario's database; its /metrics are copied to
# d/metrics-N.txt every half second while it lives (a killed engine's last
# copy is what it had counted).
start_engine() {
  engines=$((engines + 1))
  rm -f "$d/engine.port"
  local -a translator sender=()
  read -r -a translator <<<"$(translator_opts)"
  # With Telegram's limits off in tg-sim, the sender's must not be what is
  # measured; with them on, the sender keeps its shipped limits.
  if [ "$limits" = off ]; then
    sender=(--sender.global_per_second=100000 --sender.per_chat_per_second=100000
            --sender.per_chat_burst=100000)
  fi
  TELEGRAM_BOT_TOKEN="$token" DATABASE_URL="postgresql://postgres@127.0.0.1:$PGPORT/$db" \
  REDIS_URL="$REDIS_URL" ANTHROPIC_API_KEY="sk-ant-faults-campaign-key-00000000" \
    "$bin/bridge" --telegram.api_url="$(sim_url)" \
    --http.port=0 --engine.ready_file="$d/engine.port" \
    "${translator[@]}" --translator.requests_per_minute=100000000 \
    --translator.tokens_per_minute=1000000000 --translator.max_in_flight=4096 \
    --session.updates_per_minute=100000 --session.free_daily_messages=1000000 \
    "${sender[@]}" --shutdown.drain_deadline_ms=5000 "${engine_opts[@]}" >>"$d/engine-$engines.log" 2>&1 &
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

# An engine start that is part of the fault (a restart after a kill), not
# one the scenario needed.
restart_engine() { fault_starts=$((fault_starts + 1)); start_engine; }

# Starts llm-sim with `llm_opts` plus any given here; the first start picks
# a port, later ones take the same (a fault restarts it in another mode).
start_llm_sim() {
  local port=0
  [ -s "$d/llm.port" ] && port=$(cat "$d/llm.port")
  rm -f "$d/llm.port"
  "$bin/llm-sim" --port "$port" --ready-file "$d/llm.port" --threads 256 \
    "${llm_opts[@]}" "$@" >>"$d/llm-sim.log" 2>&1 &
  llm_pid=$!; pids+=("$llm_pid")
  wait_file "$d/llm.port"
}

# Killed, not stopped: a stopping llm-sim answers what it holds with 529s,
# which would open the engine's circuit before the new mode is met.
restart_llm_sim() {
  kill -KILL "$llm_pid" 2>/dev/null || true; wait "$llm_pid" 2>/dev/null || true
  start_llm_sim "$@"
}

# The engine's metric `name` (first matching series) as an integer.
engine_metric() {
  curl -s --max-time 2 "http://127.0.0.1:$(cat "$d/engine.port")/metrics" \
    | awk -v name="$1" 'index($1, name) == 1 && !seen { print int($2); seen = 1 }' \
    || true
}

# Sum of a counter family over every engine's last /metrics copy.
counted() {
  cat "$d"/metrics-*.txt 2>/dev/null \
    | awk -v name="$1" 'index($1, name) == 1 { s += $2 } END { printf "%d", s }'
}

# A fresh database, Redis, traffic file, tg-sim, llm-sim when the backend
# is claude, and the engine.
prepare() {
  rm -rf "$d"; mkdir -p "$d"
  dropdb "${pg[@]}" --if-exists "$db" 2>/dev/null
  createdb "${pg[@]}" "$db"
  redis-cli -p "$REDIS_PORT" flushall >/dev/null
  engines=0 fault_starts=0
  "$bin/bridge-replay" generate "${traffic_opts[@]}" --seed 7 "${generate_opts[@]}" \
    --out "$d/traffic.jsonl" >/dev/null
  "$bin/tg-sim" serve --port 0 --ready-file "$d/sim.port" --token "$token" \
    --limits "$limits" "${sim_opts[@]}" >"$d/tg-sim.log" 2>&1 &
  sim_pid=$!; pids+=("$sim_pid")
  wait_file "$d/sim.port"
  if [ "$backend" = claude ]; then start_llm_sim; fi
  start_engine
}

# Starts the replay in the background, and returns --fire-at seconds after
# the engine relayed its first message, however long registration took.
start_traffic() {
  local send_s=$((messages / rate)) n
  timeout $((send_s * 3 + drain_s * 2 + 300)) "$bin/bridge-replay" run --warmup-s 0 \
    --traffic "$d/traffic.jsonl" --sim-port "$(cat "$d/sim.port")" \
    --report "$d/report.json" --timeout-s $((send_s * 3 + drain_s + 240)) \
    --drain-s "$drain_s" \
    "${replay_opts[@]}" --quiet >/dev/null 2>"$d/replay.log" &
  replay_pid=$!; pids+=("$replay_pid")
  for _ in $(seq 1 1200); do
    n=$(engine_metric bridge_messages_relayed_total)
    [ -n "$n" ] && [ "$n" -gt 0 ] && break
    sleep 0.1
  done
  sleep "$fire_at"
}

# Waits for the replay, then for every inbox row to finish and every
# outbox row to leave `pending`; prints the table row and sets `verdict`.
judge() {
  wait "$replay_pid" 2>/dev/null || true
  local ended finish_s="-" left allowed restarts tg_429
  ended=$(date +%s)
  for _ in $(seq 1 $((drain_s * 10))); do
    left=$(sql "select (select count(*) from inbox where processed_at is null
                        and parked_at is null)
                     + (select count(*) from outbox where status = 'pending')")
    if [ "$left" = 0 ]; then finish_s=$(( $(date +%s) - ended )); break; fi
    sleep 0.1
  done
  sleep 1 # the last scrape of each engine
  curl -s --max-time 5 "$(sim_url)/sim/stats" >"$d/sim-stats.json" || true
  tg_429=$(jq -r '.too_many_requests.total // "-"' "$d/sim-stats.json" 2>/dev/null \
             || echo -)
  allowed=$(counted bridge_possible_duplicates_total)
  restarts=$((engines - 1 - fault_starts))
  cleanup
  local sent delivered lost duplicated reordered
  read -r sent delivered lost duplicated reordered < <(jq -r \
    '"\(.sent) \(.delivered) \(.lost) \(.duplicated) \(.reordered)"' "$d/report.json" \
    2>/dev/null || echo "- - - - -")
  verdict=ok
  if [ "$sent" = - ] || [ "$lost" != 0 ] || [ "$reordered" != 0 ] \
     || [ "$duplicated" -gt "$allowed" ] || [ "$finish_s" = - ] || [ "$restarts" -gt 0 ] \
     || { [ "$limits" = on ] && [ "$tg_429" != 0 ]; }; then
    verdict=BREACH
  fi
  table_row "$s" "$sent" "$delivered" "$lost" "$duplicated" "$allowed" \
    "$reordered" "$finish_s" "$restarts" "$tg_429" "$verdict"
}

table_row() {
  printf '%-24s %7s %9s %5s %10s %7s %9s %8s %8s %6s  %s\n' "$@"
}
