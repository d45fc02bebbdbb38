# What each scenario of scripts/faults.sh is: the engine's and tg-sim's
# flags, its traffic, and the fault fired into that traffic. Sourced by
# faults.sh, which owns the variables used here (d, token, bin, root,
# services, pg, db, engine_pid, messages, rate, teams, burst_chats).

scenarios=(engine_kill9 engine_sigterm pg_restart_fast pg_restart_immediate
           pg_terminate pg_unreachable redis_restart
           tg_accept_5xx tg_accept_timeout tg_accept_drop tg_429_storm
           second_poller burst_10k)

# The engine's flags beyond the database, Redis and tg-sim addresses.
engine_args_for() {
  local args=(--translator.backend=fake --translator.fake_latency_ms=20
    --translator.fake_jitter_ms=20 --translator.requests_per_minute=100000000
    --translator.tokens_per_minute=1000000000 --translator.max_in_flight=4096
    --session.updates_per_minute=100000 --session.free_daily_messages=1000000
    --shutdown.drain_deadline_ms=5000)
  case "$1" in
    # Telegram's limits are on: the sender keeps its shipped limits.
    burst_10k) ;;
    # tg-sim's limits are off; the sender's must not be what is measured.
    *) args+=(--sender.global_per_second=100000 --sender.per_chat_per_second=100000
              --sender.per_chat_burst=100000) ;;
  esac
  case "$1" in
    # A short Bot API timeout, so that held answers time out quickly.
    tg_accept_timeout) args+=(--telegram.request_timeout_ms=2000) ;;
  esac
  printf '%s\n' "${args[@]}"
}

# tg-sim's flags beyond its port, ready file and token.
sim_args_for() {
  case "$1" in
    burst_10k) echo --limits; echo on ;;
    *) echo --limits; echo off ;;
  esac
}

# bridge-replay generate's flags beyond --seed and --out.
traffic_args_for() {
  case "$1" in
    # burst_chats distinct chats (a manager and one worker per team), one
    # message to each on average, offered at once.
    burst_10k)
      printf '%s\n' --teams $((burst_chats / 2)) --workers-min 1 --workers-max 1 \
        --messages "$burst_chats" --rate 1000 ;;
    *)
      printf '%s\n' --teams "$teams" --workers-min 1 --workers-max 3 \
        --messages "$messages" --rate "$rate" ;;
  esac
}

# Seconds the engine may need past the end of sending: the burst is paced
# by the sender's 30 messages a second, and each of its chats gets about
# four registration replies and a copy (a minute for 200 chats, about
# half an hour for 10,000).
drain_s_for() {
  case "$1" in
    burst_10k) echo $((burst_chats * 6 / 30 + 60)) ;;
    *) echo 60 ;;
  esac
}

# POSTs one tg-sim control request.
sim_fault() {
  curl -sS --max-time 5 -H 'Content-Type: application/json' \
    -d "$1" "http://127.0.0.1:$(cat "$d/sim.port")/sim/faults"
  echo
}

# The first manager and worker of the traffic: the chats a storm hits.
first_chats() {
  jq -r 'select(.kind == "register_manager" or .kind == "register_worker")
         | .user' "$d/traffic.jsonl" | head -2
}

# Each fault: what is done at --fire-at, while traffic flows.
fire() {
  local after='"method":"sendMessage","count":50,"after_running":true'
  case "$1" in
    engine_kill9)
      kill -KILL "$engine_pid"; wait "$engine_pid" 2>/dev/null || true
      sleep 3; start_engine ;;
    engine_sigterm)
      kill -TERM "$engine_pid"; wait "$engine_pid" 2>/dev/null || true
      start_engine ;;
    pg_restart_fast) "$root/scripts/services.sh" pg-restart fast "$services" ;;
    pg_restart_immediate) "$root/scripts/services.sh" pg-restart immediate "$services" ;;
    pg_terminate)
      for _ in $(seq 1 10); do
        psql "${pg[@]}" -d postgres -Atc "select count(pg_terminate_backend(pid))
          from pg_stat_activity where datname = '$db'
          and backend_type = 'client backend'" >/dev/null 2>&1 || true
        sleep 1
      done ;;
    pg_unreachable)
      "$root/scripts/services.sh" pg-stop "$services"
      sleep 10
      "$root/scripts/services.sh" pg-start "$services" ;;
    redis_restart)
      "$root/scripts/services.sh" redis-kill "$services"
      sleep 3
      "$root/scripts/services.sh" redis-start "$services" ;;
    # Telegram delivers each of 50 sends, then its answer is lost.
    tg_accept_5xx)
      sim_fault "{\"fail_next\":{$after,\"error_code\":500}}"
      sleep 2
      sim_fault "{\"fail_next\":{$after,\"error_code\":502}}" ;;
    tg_accept_timeout)
      sim_fault "{\"fail_next\":{$after,\"answer\":\"hold\",\"hold_ms\":5000}}" ;;
    tg_accept_drop)
      sim_fault "{\"fail_next\":{$after,\"answer\":\"drop\"}}" ;;
    # Two chats answered 429 (retry after 2 s) eight times each.
    tg_429_storm)
      for chat in $(first_chats); do
        sim_fault "{\"fail_next\":{\"method\":\"sendMessage\",\"chat_id\":$chat,
                   \"count\":8,\"error_code\":429,\"retry_after\":2}}"
      done ;;
    # Another process polls the same token for 5 s (without an offset, so
    # it confirms nothing); each of its calls ends the engine's poll.
    second_poller)
      local until=$(($(date +%s) + 5))
      while [ "$(date +%s)" -lt "$until" ]; do
        curl -s --max-time 3 -o /dev/null -w '%{http_code}\n' \
          "http://127.0.0.1:$(cat "$d/sim.port")/bot$token/getUpdates?timeout=1" || true
      done ;;
    # The traffic itself is the fault.
    burst_10k) ;;
    *) echo "unknown scenario $1 (--list)" >&2; return 2 ;;
  esac
}
