#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The package under a real systemd, as an operator installs it. Builds the
# .deb from BUILD_DIR (cpack), installs it with apt into a fresh Debian 12
# root (debootstrap, kept in ROOT for the next try), boots that root with
# systemd-nspawn (systemd as PID 1, the host's network) and follows the
# README's "Installing as a service": the token as a credential file, the
# other secrets in /etc/bridge/bridge.env, `systemctl enable --now
# bridge`. PostgreSQL and Redis (scripts/services.sh) and tg-sim run on the
# host's loopback. Checks, each one line:
#
#   - apt installs the package (its Depends: resolve), the `bridge` user
#     exists, the unit is installed and not enabled;
#   - `systemctl enable --now` returns only after READY=1 (Type=notify):
#     active, running, status "serving", under the unit's hardening;
#   - through tg-sim a manager registers, a worker joins with the code,
#     and the worker reads the manager's message in Spanish (Apertium
#     running under the unit's system call filter and protections);
#   - `systemctl stop` drains: inactive, result success, exit status 0;
#   - with log_format = 'journald' each message is a native journal entry
#     whose PRIORITY follows its level (debug 7, info 6), the token masked;
#   - without the token file systemd refuses the start (243/CREDENTIALS)
#     and does not restart it in a loop.
#
# Needs root, debootstrap and systemd-container, and the Debian archive
# the host's apt uses; the first run takes minutes (debootstrap, then
# apt). Not part of the test command: that never installs the package.
# Stops what it started, by PID, and leaves ROOT for the next try.
#
#   packaging/service_trial.sh BUILD_DIR [ROOT]
set -uo pipefail
build="$(cd "${1:?usage: service_trial.sh BUILD_DIR [ROOT]}" && pwd)"
root_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
run="${BRIDGE_RUN_DIR:-$root_dir/.run}/service-trial"
target="${2:-$run/root}"
machine="bridge-trial"
mkdir -p "$run"
failures=0
pids=()
say() { printf '== %s\n' "$*"; }
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
cleanup() {
  if [ -n "${boot_pid:-}" ] && kill -0 "$boot_pid" 2>/dev/null; then
    kill -TERM "$boot_pid" # nspawn asks the container's systemd to power off
    for _ in $(seq 1 60); do kill -0 "$boot_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$boot_pid" 2>/dev/null
  fi
  for p in ${pids[@]+"${pids[@]}"}; do kill "$p" 2>/dev/null; done
  "$root_dir/scripts/services.sh" stop "$run/services" >/dev/null 2>&1
}
trap cleanup EXIT
for tool in debootstrap systemd-nspawn nsenter cpack; do
  command -v "$tool" >/dev/null || { echo "service_trial: needs $tool (debootstrap, systemd-container)" >&2; exit 2; }
done

say "the package"
rm -rf "$run/deb"
(cd "$build" && cpack -G DEB -B "$run/deb" >"$run/cpack.log" 2>&1) || {
  tail -20 "$run/cpack.log" >&2; exit 1; }
deb="$(ls "$run"/deb/bridge_*.deb)"
echo "$deb"

say "a Debian 12 root in $target"
if [ ! -f "$target/etc/debian_version" ]; then
  debootstrap --variant=minbase --include=systemd,systemd-sysv,dbus \
    bookworm "$target" >"$run/debootstrap.log" 2>&1 || {
    tail -20 "$run/debootstrap.log" >&2; exit 1; }
fi
# The root's apt reads what the host's reads, and only that.
rm -f "$target/etc/apt/sources.list" "$target"/etc/apt/sources.list.d/*
[ -f /etc/apt/sources.list ] && cp /etc/apt/sources.list "$target/etc/apt/"
cp -r /etc/apt/sources.list.d/. "$target/etc/apt/sources.list.d/" 2>/dev/null
# No machined or system bus on the host is needed: the container is not
# registered and stays in the caller's cgroup.
nspawn=(systemd-nspawn -q --register=no --keep-unit -D "$target")
in_root() { "${nspawn[@]}" --pipe -- "$@"; }

say "apt install the package"
# Reinstalled on every try (a kept root may hold the same version), with
# the package's bridge.toml: this trial's edits to it are made again below.
# Not under /tmp: the container mounts its own there.
cp "$deb" "$target/root/bridge.deb"
if in_root env DEBIAN_FRONTEND=noninteractive bash -c \
     'apt-get update -qq && apt-get install -y -qq --reinstall -o Dpkg::Options::=--force-confnew /root/bridge.deb' >"$run/apt.log" 2>&1; then
  ok "apt installed $(basename "$deb") and its dependencies"
else
  tail -30 "$run/apt.log" >&2; fail "apt install"; exit 1
fi
in_root id bridge >/dev/null 2>&1 && ok "the bridge user exists" || fail "no bridge user"
[ -f "$target/usr/lib/systemd/system/bridge.service" ] && ok "the unit is installed" ||
  fail "no unit in /usr/lib/systemd/system"
[ -e "$target/etc/systemd/system/multi-user.target.wants/bridge.service" ] &&
  fail "the package enabled the unit before a token exists"

say "PostgreSQL, Redis and tg-sim on the host's loopback"
# Fresh each time: a new tg-sim numbers its updates from 1 again, and the
# engine would take them for updates it has already handled.
"$root_dir/scripts/services.sh" purge "$run/services" >/dev/null 2>&1
"$root_dir/scripts/services.sh" start "$run/services" >/dev/null 2>&1 || {
  echo "service_trial: services did not start" >&2; exit 1; }
# shellcheck disable=SC1091
source "$run/services/env"
token="1000000001:tg-sim-service-trial"
rm -f "$run/sim.port"
"$build/tg-sim" serve --port 0 --ready-file "$run/sim.port" --token "$token" \
  >"$run/tg-sim.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do [ -s "$run/sim.port" ] && break; sleep 0.1; done
sim_port="$(cat "$run/sim.port")"
http_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

say "configuring as the README says"
install -d -m 0700 "$target/etc/bridge/credentials"
printf '%s\n' "$token" | install -m 0600 /dev/stdin "$target/etc/bridge/credentials/telegram_bot_token"
printf '%s\n' "DATABASE_URL=$DATABASE_URL" "REDIS_URL=$REDIS_URL" 'BRIDGE_ADMIN_TOKEN=trial' |
  install -m 0600 /dev/stdin "$target/etc/bridge/bridge.env"
sed -i "s|^api_url = .*|api_url = 'http://127.0.0.1:$sim_port'|; s|^port = 8090 |port = $http_port |" \
  "$target/etc/bridge/bridge.toml"
sed -i "s|^poll_timeout_s = .*|poll_timeout_s = 5|" "$target/etc/bridge/bridge.toml"

say "booting the root with systemd as PID 1"
"${nspawn[@]}" --machine="$machine" --boot >"$run/boot.log" 2>&1 &
boot_pid=$!
leader=""
for _ in $(seq 1 100); do
  for p in $(pgrep -x systemd); do
    if [ "$(awk '/^NSpid:/ { print $NF }' "/proc/$p/status" 2>/dev/null)" = 1 ]; then
      leader=$p; break 2
    fi
  done
  sleep 0.2
done
[ -n "$leader" ] || { tail -20 "$run/boot.log" >&2; fail "the container did not boot"; exit 1; }
inside() { nsenter -t "$leader" -m -u -i -n -p -- "$@"; }
# Until its bus is up, systemctl inside cannot even ask.
state=""
for _ in $(seq 1 300); do
  state="$(inside systemctl is-system-running 2>/dev/null)"
  case "$state" in running|degraded) break ;; esac
  sleep 0.2
done
echo "system: ${state:-not up} (PID 1 is $(inside cat /proc/1/comm))"
[ -n "$state" ] || { tail -20 "$run/boot.log" >&2; fail "systemd in the container did not come up"; exit 1; }

say "systemctl enable --now bridge"
started=$(date +%s) # the journal from here on is this trial's
if inside timeout 150 systemctl enable --now bridge >"$run/start.log" 2>&1; then
  ok "enable --now returned"
else
  cat "$run/start.log" >&2; fail "systemctl enable --now bridge"
fi
show() { inside systemctl show bridge -p "$1" --value; }
echo "ActiveState=$(show ActiveState) SubState=$(show SubState) StatusText=$(show StatusText)"
[ "$(show ActiveState)" = active ] && [ "$(show SubState)" = running ] &&
  ok "active and running after READY=1" || fail "not active and running"
[ "$(show StatusText)" = serving ] && ok "status: serving" || fail "status is '$(show StatusText)'"
inside systemd-analyze security bridge --no-pager 2>/dev/null | tail -1

say "a manager and a worker through tg-sim, translated by Apertium inside the unit"
sim() { "$build/tg-sim" "$1" --port "$sim_port" "${@:2}"; }
sent() { sim read --chat "$1" | grep -c ' sendMessage ' || true; }
await() { # chat count: false after 20 s
  for _ in $(seq 1 200); do [ "$(sent "$1")" -ge "$2" ] && return 0; sleep 0.1; done
  return 1
}
last_id() { sim read --chat "$1" | sed -n 's/.* sendMessage message \([0-9]*\)$/\1/p' | tail -1; }
ana=(--user 1001 --name Ana --lang en)
bruno=(--user 2002 --name Bruno --lang es)
talked=0
if sim say "${ana[@]}" /start >/dev/null && await 1001 1; then
  ok "/start answered: $(sim read --chat 1001 | sed -n '2p' | sed 's/^ *//')"
  sim press "${ana[@]}" --message-id "$(last_id 1001)" role:manager >/dev/null && await 1001 2 &&
    sim press "${ana[@]}" --message-id "$(last_id 1001)" lang:en >/dev/null && await 1001 3 &&
    code=$(sim read --chat 1001 | grep -o 'BRIDGE-[0-9A-Z-]*[0-9A-Z]' | head -1) &&
    sim say "${bruno[@]}" "/start $code" >/dev/null && await 2002 1 &&
    sim press "${bruno[@]}" --message-id "$(last_id 2002)" lang:es >/dev/null && await 2002 2 && await 1001 4 &&
    sim press "${ana[@]}" --message-id "$(last_id 1001)" join:yes:2002 >/dev/null && await 1001 5 && await 2002 3 &&
    sim say "${ana[@]}" "Please check the delivery at gate three." >/dev/null && await 2002 4 &&
    talked=1
else
  fail "no answer to /start"
fi
if [ "$talked" = 1 ]; then
  translated="$(sim read --chat 2002 | tail -1 | sed 's/^ *//')"
  echo "Bruno received: $translated"
  [[ "$translated" == "Ana: "* && "$translated" != *"Please check"* ]] &&
    ok "Bruno read Ana's message in Spanish" || fail "Bruno's copy is not translated"
else
  fail "the conversation stopped; tg-sim read --chat 1001 / 2002 say where"
fi

say "systemctl stop bridge"
inside systemctl stop bridge
inside journalctl -u bridge --since "@$started" --no-pager -o cat >"$run/journal.txt" 2>&1
echo "ActiveState=$(show ActiveState) Result=$(show Result) ExecMainStatus=$(show ExecMainStatus)"
[ "$(show ActiveState)" = inactive ] && [ "$(show Result)" = success ] &&
  [ "$(show ExecMainStatus)" = 0 ] && ok "drained and stopped, status 0" || fail "the stop"
grep -qi drain "$run/journal.txt" && ok "the journal has the drain" || fail "no drain in the journal"

say "log_format = 'journald': each message an entry, its level a priority"
sed -i "s|^log_format = .*|log_format = 'journald'|; s|^log_level = .*|log_level = 'debug'|" \
  "$target/etc/bridge/bridge.toml"
sleep 1 # the earlier run's lines are all before this second
since=$(date +%s)
if inside timeout 150 systemctl start bridge >"$run/start-journald.log" 2>&1 &&
   [ "$(show StatusText)" = serving ]; then
  ok "started and serving with the journald sink"
else
  cat "$run/start-journald.log" >&2; fail "no start with log_format = 'journald'"
fi
inside systemctl stop bridge
inside journalctl -u bridge --since "@$since" --no-pager -o json >"$run/journal.json" 2>&1
if python3 - "$run/journal.json" "$token" <<'PY'; then
import json, sys
entries = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
ours = [e for e in entries if e.get("SYSLOG_IDENTIFIER") == "bridge"]
native = [e for e in ours if e.get("_TRANSPORT") == "journal"]
stream = [e for e in ours if e.get("_TRANSPORT") == "stdout"]
prios = sorted({e.get("PRIORITY") for e in native})
text = open(sys.argv[1]).read()
print(f"{len(native)} native entries, priorities {prios}; {len(stream)} through stderr")
ok = len(native) > 0 and "7" in prios and "6" in prios and not stream
ok = ok and any("drain" in str(e.get("MESSAGE", "")).lower() for e in native)
ok = ok and sys.argv[2] not in text
sys.exit(0 if ok else 1)
PY
  ok "debug at priority 7, info at 6, the drain logged, no token in the journal"
else
  fail "the journald entries (in $run/journal.json)"
fi
sed -i "s|^log_format = .*|log_format = 'text'|; s|^log_level = .*|log_level = 'info'|" \
  "$target/etc/bridge/bridge.toml"

say "a start without the token file"
mv "$target/etc/bridge/credentials/telegram_bot_token" "$run/token.moved"
inside systemctl start bridge >/dev/null 2>&1
sleep 12 # past RestartSec= twice: a restart loop would show in NRestarts
echo "ActiveState=$(show ActiveState) Result=$(show Result) ExecMainStatus=$(show ExecMainStatus) NRestarts=$(show NRestarts)"
[ "$(show ExecMainStatus)" = 243 ] && ok "refused by systemd: 243/CREDENTIALS" ||
  fail "status $(show ExecMainStatus), not 243"
[ "$(show NRestarts)" = 0 ] && ok "not restarted" || fail "restarted $(show NRestarts) times"
mv "$run/token.moved" "$target/etc/bridge/credentials/telegram_bot_token"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed; logs in $run" >&2
  exit 1
fi
echo "the service trial passed"
