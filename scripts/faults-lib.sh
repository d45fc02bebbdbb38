# SPDX-License-Identifier: Apache-2.0
# shellcheck shell=bash disable=SC2154,SC2034
# Shared parts of scripts/faults.sh, sourced by it: the processes a
# scenario starts (engine, tg-sim, llm-sim, the replay), the waits, and the
# judgement of one run. faults.sh keeps what differs per scenario: its
# options (`configure`) and its fault (`fire`).
#
# Reads the globals faults.sh sets: root, bin, out, services, token, pg,
# messages, rate, teams, fire_at, extra_engine_opts; and per scenario: s,
# d, db, and what `configure` sets (instances, backend, fake_latency_ms,
# translator_rpm, engine_opts, sim_opts, llm_opts, generate_opts, replay_opts,
# traffic_opts, limits, drain_s).
#
# A scenario runs `instances` engines sharing the bot, engine-1 ..
# engine-N by `cluster.instance_id`; `engine_pid` and d/engine.port name
# one live engine (the first), for the scenarios that run one.

pids=()
engine_pid="" sim_pid="" llm_pid="" scraper_pid="" replay_pid="" engines=0
instances=1 extra_engine_opts=()
# Each instance's live engine, and the log of its latest start.
declare -A inst_pid=() inst_log=() inst_metrics=()
stop_pid() { [ -n "$1" ] && kill "$1" 2>/dev/null && wait "$1" 2>/dev/null || true; }
cleanup() {
  # A stopped (SIGSTOP) engine acts on the TERM only once continued.
  for p in "${pids[@]}"; do
    if kill "$p" 2>/dev/null; then kill -CONT "$p" 2>/dev/null || true; fi
  done
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

# The polls below ask PostgreSQL several times a second: psql itself, not
# Debian's wrapper script, which costs a Perl start (twice the CPU) each.
psql_bin="${PGBIN:-/usr/lib/postgresql/15/bin}/psql"
[ -x "$psql_bin" ] || psql_bin=psql
sql() { "$psql_bin" "${pg[@]}" -d "$db" -Atc "$1" 2>/dev/null; }

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

# Starts engine K (default 1) on the scenario's database, as instance
# engine-K; its /metrics are copied to d/metrics-N.txt (N: the count of
# starts) every half second while it lives (a killed engine's last copy is
# what it had counted). d/engines.txt maps each start to its instance,
# PID and port.
start_engine() {
  local k=${1:-1}
  local id=engine-$k
  local ready="$d/$id.port"
  engines=$((engines + 1))
  rm -f "$ready"
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
    "$bin/bridge" --telegram.api_url="$(sim_url)" --cluster.instance_id="$id" \
    --http.port=0 --engine.ready_file="$ready" \
    "${translator[@]}" --translator.requests_per_minute="$translator_rpm" \
    --translator.tokens_per_minute=1000000000 --translator.max_in_flight=4096 \
    --session.updates_per_minute=100000 --session.free_daily_messages=1000000 \
    "${sender[@]}" --shutdown.drain_deadline_ms=5000 "${engine_opts[@]}" \
    "${extra_engine_opts[@]}" >>"$d/engine-$engines.log" 2>&1 &
  local pid=$! n=$engines port
  pids+=("$pid")
  inst_pid[$id]=$pid inst_log[$id]="$d/engine-$n.log" inst_metrics[$id]="$d/metrics-$n.txt"
  wait_file "$ready"
  port=$(cat "$ready")
  echo "$n $id $pid $port" >>"$d/engines.txt"
  if [ -z "$engine_pid" ] || ! kill -0 "$engine_pid" 2>/dev/null; then
    engine_pid=$pid; cp "$ready" "$d/engine.port"
  fi
  ( while kill -0 "$pid" 2>/dev/null; do
      curl -s --max-time 2 "http://127.0.0.1:$port/metrics" >"$d/metrics-$n.tmp" \
        && mv "$d/metrics-$n.tmp" "$d/metrics-$n.txt"
      sleep 0.5
    done ) &
  scraper_pid=$!; pids+=("$scraper_pid")
}

# An engine start that is part of the fault (a restart after a kill, an
# engine joining), not one the scenario needed.
restart_engine() { fault_starts=$((fault_starts + 1)); start_engine "$@"; }

# -- several engines ----------------------------------------------------------

# The instances whose engine lives (a stopped one counts), in order.
live_instances() {
  local id
  for id in $(printf '%s\n' "${!inst_pid[@]}" | sort -V); do
    kill -0 "${inst_pid[$id]}" 2>/dev/null && echo "$id"
  done
  return 0
}

# The PID of instance `id`'s live engine.
pid_of() { echo "${inst_pid[$1]:-}"; }

# Sends `signal` to instance `id` and waits for its engine to end (a
# SIGTERM drains and hands its leases over first); engine_pid and
# d/engine.port then name another live engine.
stop_instance() {
  local id=$1 signal=$2 pid=${inst_pid[$1]}
  kill "-$signal" "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset "inst_pid[$id]"
  if [ "$pid" = "$engine_pid" ]; then
    local other
    other=$(live_instances)
    other=${other%%$'\n'*}
    if [ -n "$other" ]; then
      engine_pid=${inst_pid[$other]}; cp "$d/$other.port" "$d/engine.port"
    fi
  fi
}

# The instance holding the intake role (the engine polling Telegram).
intake_owner() {
  sql "select owner from partition_leases where partition = -1 and expires_at > now()"
}

# A live instance that does not hold the intake role.
non_leader() {
  local lead id
  lead=$(intake_owner)
  for id in $(live_instances); do
    [ "$id" != "$lead" ] && { echo "$id"; return 0; }
  done
}

# Partitions (the intake role aside) instance `id` holds now.
owned_by() {
  sql "select count(*) from partition_leases where owner = '$1'
       and expires_at > now() and partition >= 0"
}

# Instance `id`'s metric `name` (first matching series), from its engine
# while it lives, else from its last /metrics copy.
instance_metric() {
  local id=$1 name=$2
  { if [ -n "${inst_pid[$id]:-}" ]; then
      curl -s --max-time 2 "http://127.0.0.1:$(cat "$d/$id.port")/metrics"
    else
      cat "${inst_metrics[$id]}" 2>/dev/null
    fi; } | awk -v name="$name" 'index($1, name) == 1 && !seen { print int($2); seen = 1 }'
}

now_s() { date +%s.%N; }

# Records a figure of the fault: a line `label=value` in fault.log (the
# fault's output) and in d/measured.txt, which `judge` prints under the
# scenario's row.
measured() { echo "$1=$2"; echo "$1=$2" >>"$d/measured.txt"; }

# Seconds since `t0`, two decimals.
since() { awk -v a="$1" -v b="$(now_s)" 'BEGIN { printf "%.2f", b - a }'; }

# Polls SQL `cond` (answering t or f) every 0.1 s until `await_limit_s`
# (60 unless set) from `t0`, and records the seconds until it held as
# `label` (- if it did not, with the state of the leases).
await_limit_s=60
await_sql() {
  local label=$1 t0=$2 cond=$3
  while awk -v s="$(since "$t0")" -v l="$await_limit_s" 'BEGIN { exit !(s < l) }'; do
    if [ "$(sql "select ($cond)")" = t ]; then
      measured "$label" "$(since "$t0")"
      return 0
    fi
    sleep 0.1
  done
  measured "$label" -
  lease_state
}

# What the leases and the engines' connections look like: for a wait that
# did not end.
lease_state() {
  echo "leases by owner (expires in s, epochs):"
  sql "select coalesce(owner, '(free)'), count(*),
         round(extract(epoch from min(expires_at - now()))::numeric, 1),
         min(epoch) || '..' || max(epoch)
       from partition_leases group by 1 order by 1" | sed 's/^/  /'
  echo "connections waiting on a lock, and the ones holding transactions open:"
  sql "select pid, state, coalesce(wait_event_type, '-'), coalesce(wait_event, '-'),
         round(extract(epoch from now() - xact_start)::numeric, 1),
         left(regexp_replace(query, '\s+', ' ', 'g'), 100)
       from pg_stat_activity where datname = current_database()
       and pid <> pg_backend_pid()
       and (wait_event_type = 'Lock' or state like 'idle in transaction%')" | sed 's/^/  /'
}

# Records the seconds from `t0` until every lease (each partition and the
# intake role) is held, unexpired, by a live engine other than the
# instances named after t0 (a stopped one, say).
await_owned() {
  local label=$1 t0=$2 id live=()
  shift 2
  for id in $(live_instances); do
    [[ " $* " == *" $id "* ]] || live+=("'$id'")
  done
  await_sql "$label" "$t0" "select bool_and(owner in ($(IFS=,; echo "${live[*]}"))
    and expires_at > now()) from partition_leases"
}

# Waits until the engines started have spread the partitions: every lease
# held by a live engine, each engine holding some, and no lease moved for
# two keeper rounds (the handovers of the starts are over); the seconds it
# took go to fault.log.
await_spread() {
  local t0 id now before="" same=0
  t0=$(now_s)
  for _ in $(seq 1 100); do
    # The engines say their port before their migrations ran: the first
    # looks may meet no table yet.
    now=$(sql "select string_agg(owner || ':' || n, ' ' order by owner)
               from (select owner, count(*) n from partition_leases
                     where partition >= 0 and owner is not null
                     and expires_at > now() group by 1) o
               having sum(n) = (select count(*) from partition_leases
                                where partition >= 0)
                  and count(*) = $instances
                  and (select owner is not null and expires_at > now()
                       from partition_leases where partition = -1)" || true)
    if [ -n "$now" ] && [ "$now" = "$before" ]; then
      same=$((same + 1)); [ "$same" -ge 4 ] && break
    else
      same=0
    fi
    before=$now
    sleep 0.5
  done
  { echo -n "spread over $instances engines in $(since "$t0") s:"
    for id in $(live_instances); do echo -n " $id $(owned_by "$id")"; done
    echo "; intake $(intake_owner)"; } >>"$d/fault.log"
}

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
# is claude, and the scenario's engines, their partitions spread.
prepare() {
  rm -rf "$d"; mkdir -p "$d"
  dropdb "${pg[@]}" --if-exists "$db" 2>/dev/null
  createdb "${pg[@]}" "$db"
  redis-cli -p "$REDIS_PORT" flushall >/dev/null
  engines=0 fault_starts=0 engine_pid=""
  inst_pid=() inst_log=() inst_metrics=()
  "$bin/bridge-replay" generate "${traffic_opts[@]}" --seed 7 "${generate_opts[@]}" \
    --out "$d/traffic.jsonl" >/dev/null
  "$bin/tg-sim" serve --port 0 --ready-file "$d/sim.port" --token "$token" \
    --limits "$limits" "${sim_opts[@]}" >"$d/tg-sim.log" 2>&1 &
  sim_pid=$!; pids+=("$sim_pid")
  wait_file "$d/sim.port"
  if [ "$backend" = claude ]; then start_llm_sim; fi
  for k in $(seq 1 "$instances"); do start_engine "$k"; done
  if [ "$instances" -gt 1 ]; then await_spread; fi
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
  # The first relayed message as the first engine counts it: with the
  # partitions spread, the others relay theirs within a tenth of a second
  # at these rates. Registration can take most of a minute, and reading
  # every engine's /metrics through curl and awk ten times a second while
  # it ran cost more CPU than the engines themselves.
  for _ in $(seq 1 600); do
    n=$(engine_metric bridge_messages_relayed_total)
    [ -n "$n" ] && [ "$n" -gt 0 ] && break
    sleep 0.2
  done
  sleep "$fire_at"
}

# Waits for the replay, then for every inbox row to finish and every
# outbox row to leave `pending`; prints the table row and sets `verdict`.
judge() {
  wait "$replay_pid" 2>/dev/null || true
  local ended finish_s="-" left allowed restarts tg_429
  ended=$(date +%s)
  for _ in $(seq 1 $((drain_s * 4))); do
    left=$(sql "select (select count(*) from inbox where processed_at is null
                        and parked_at is null)
                     + (select count(*) from outbox where status = 'pending')")
    if [ "$left" = 0 ]; then finish_s=$(( $(date +%s) - ended )); break; fi
    sleep 0.25
  done
  sleep 1 # the last scrape of each engine
  curl -s --max-time 5 "$(sim_url)/sim/stats" >"$d/sim-stats.json" || true
  tg_429=$(jq -r '.too_many_requests.total // "-"' "$d/sim-stats.json" 2>/dev/null \
             || echo -)
  allowed=$(counted bridge_possible_duplicates_total)
  restarts=$((engines - instances - fault_starts))
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
  if [ -s "$d/measured.txt" ]; then
    echo "  $s: $(paste -sd' ' "$d/measured.txt")"
  fi
}

table_row() {
  printf '%-24s %7s %9s %5s %10s %7s %9s %8s %8s %6s  %s\n' "$@"
}
