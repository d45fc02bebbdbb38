#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job on its embedded defaults: installs what is missing, builds,
# starts private PostgreSQL and Redis, tg-sim (the Telegram simulator) and
# the engine with Apertium, then plays a short conversation between a
# manager who writes English and a worker who writes Spanish, then one
# with a second worker who writes Portuguese (English and Portuguese have
# no direct Apertium pair: their messages go through Spanish), and prints
# what each of them received. Stops everything it started, unless --stay.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
stay=0
case "${1:-}" in
  --stay) stay=1 ;;
  "") ;;
  *) echo "usage: $0 [--stay]" >&2; exit 2 ;;
esac

say() { printf '\n== %s\n' "$*" >&2; }

say "install check"
scripts/setup.sh demo
say "release build of the engine and tg-sim (the test command builds the rest)"
scripts/build.sh release bridge tg-sim

run="$root/.run/demo"
# Every demo starts from empty databases, so it plays the same each time.
scripts/services.sh stop "$run" >/dev/null 2>&1 || true
rm -rf "$run"
mkdir -p "$run"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  scripts/services.sh stop "$run" >/dev/null 2>&1 || true
}
say "private PostgreSQL and Redis"
scripts/services.sh start "$run" >/dev/null
# shellcheck disable=SC1091
source "$run/env"

token="1000000001:tg-sim-local-token"
sim="$root/build/tg-sim"
wait_file() {
  for _ in $(seq 1 300); do
    [ -s "$1" ] && return 0
    sleep 0.1
  done
  echo "demo: $2 did not start; its log is $3" >&2
  return 1
}
if [ $stay -eq 0 ]; then trap cleanup EXIT; fi
say "tg-sim and the engine"
"$sim" serve --port 0 --ready-file "$run/sim.port" --token "$token" \
  >"$run/tg-sim.log" 2>&1 &
pids+=($!)
wait_file "$run/sim.port" tg-sim "$run/tg-sim.log"
port=$(cat "$run/sim.port")
# The dashboard and admin API need a token; this run makes its own.
admin_token=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
TELEGRAM_BOT_TOKEN="$token" BRIDGE_ADMIN_TOKEN="$admin_token" "$root/build/bridge" \
  --telegram.api_url="http://127.0.0.1:$port" --telegram.poll_timeout_s=5 \
  --http.port=0 --engine.ready_file="$run/engine.port" \
  --engine.log_file="$run/engine.log" >"$run/engine.out" 2>&1 &
pids+=($!)
wait_file "$run/engine.port" "the engine" "$run/engine.log"
echo "tg-sim on port $port; engine metrics on http://127.0.0.1:$(cat "$run/engine.port")/metrics" >&2

# -- playing two people ---------------------------------------------------------
messages() { "$sim" read --port "$port" --chat "$1" | grep -c ' sendMessage ' || true; }
# Waits until chat $1 has received $2 messages in all.
await() {
  for _ in $(seq 1 300); do
    [ "$(messages "$1")" -ge "$2" ] && return 0
    sleep 0.1
  done
  echo "demo: chat $1 did not receive message $2; engine log: $run/engine.log" >&2
  exit 1
}
last_id() {
  "$sim" read --port "$port" --chat "$1" | sed -n 's/.* sendMessage message \([0-9]*\)$/\1/p' | tail -1
}
user() { # id name lang
  case "$1" in
    1001) echo --user 1001 --name Ana --lang en ;;
    2002) echo --user 2002 --name Bruno --lang es ;;
    3003) echo --user 3003 --name Joana --lang pt ;;
  esac
}
# shellcheck disable=SC2046
write() { "$sim" say --port "$port" $(user "$1") "$2" >/dev/null; }
# shellcheck disable=SC2046
press() { "$sim" press --port "$port" $(user "$1") --message-id "$(last_id "$1")" "$2" >/dev/null; }

say "Ana, a manager who writes English, and Bruno, a worker who writes Spanish"
write 1001 /start;                   await 1001 1
press 1001 role:manager;             await 1001 2
press 1001 lang:en;                  await 1001 3
code=$("$sim" read --port "$port" --chat 1001 | grep -o 'BRIDGE-[0-9A-Z-]*[0-9A-Z]' | head -1)
# Bruno opens Ana's link (https://t.me/<bot>?start=CODE): only the
# language is asked, then Ana accepts him.
write 2002 "/start $code";           await 2002 1
press 2002 lang:es;                  await 2002 2; await 1001 4
press 1001 join:yes:2002;            await 1001 5; await 2002 3
write 1001 "Good morning. Please check the delivery at gate three.";  await 2002 4
write 2002 "Buenos días. La entrega llegó, pero falta una caja.";     await 1001 6
write 1001 "/task Count the boxes again";                             await 2002 5
press 2002 "$("$sim" read --port "$port" --chat 2002 | grep -o 'press task:[0-9]*' | tail -1 | cut -d' ' -f2)"
await 1001 8; await 2002 6

say "Joana, a second worker, who writes Portuguese: through Spanish"
write 3003 /start;                   await 3003 1
press 3003 role:worker;              await 3003 2
press 3003 lang:pt;                  await 3003 3
write 3003 "$code";                  await 3003 4; await 1001 9
press 1001 join:yes:3003;            await 1001 10; await 3003 5
write 1001 "Joana, the truck arrives at noon. Please open gate two.";  await 3003 6
write 3003 "Obrigada. O portão dois está aberto.";                    await 1001 11
write 1001 "/history 2";                                              await 1001 12

show() {
  say "what $2 received"
  "$sim" read --port "$port" --chat "$1" | grep -v 'answerCallbackQuery\|sendChatAction'
}
show 1001 "Ana (manager, English)"
show 2002 "Bruno (worker, Spanish)"
show 3003 "Joana (worker, Portuguese)"

if [ $stay -eq 1 ]; then
  cat >&2 <<EOT

== everything keeps running; talk to the bot yourself
  manager:  build/tg-sim say --port $port --user 1001 --name Ana --lang en "Hello"
            build/tg-sim read --port $port --chat 1001 --follow
  worker:   build/tg-sim say --port $port --user 2002 --name Bruno --lang es "Hola"
            build/tg-sim read --port $port --chat 2002 --follow
  a new user: build/tg-sim say --port $port --user 4004 --name Eva --lang es /start
            (buttons show as [Text -> press DATA]; press one with
             build/tg-sim press --port $port --user 4004 --message-id N DATA)
  subscribe: as Ana, say /subscribe; open the link she gets by paying it:
            build/tg-sim pay --port $port --user 1001 'https://t.me/\$...'
  correct:  reply /fix to a translation you read (N: its message number in read):
            build/tg-sim say --port $port --user 1001 --reply-to N "/fix A better wording"
  dashboard: http://127.0.0.1:$(cat "$run/engine.port")/dashboard#token=$admin_token
  engine log: $run/engine.log
  stop:     kill ${pids[*]}; scripts/services.sh stop $run
EOT
fi
