#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# README promises that two test runs on one machine do not collide. This
# shows it: the suites that start services of their own (an engine,
# tg-sim, Redis, a scratch database) run twice at the same time over one
# build, each run with its own folder and private servers.
# Exit status 0 only when both runs passed.
#
#   scripts/twice.sh [BUILD_DIR] [CTEST_REGEX]
#
# BUILD_DIR defaults to build; CTEST_REGEX to every e2e suite and the
# replay suite that drives an engine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build="${1:-build}"
regex="${2:-^(e2e\..*|replay\.replay_e2e)$}"

runs=("$root/.run/twice-$$-a" "$root/.run/twice-$$-b")
cleanup() {
  for d in "${runs[@]}"; do
    scripts/services.sh purge "$d" >/dev/null 2>&1 || true
    rm -rf "$d"
  done
}
trap cleanup EXIT

one_run() {
  local dir="$1"
  scripts/services.sh start "$dir" >/dev/null
  (
    # shellcheck disable=SC1091
    source "$dir/env"
    export BRIDGE_RUN_DIR="$dir"
    ctest --test-dir "$build" -R "$regex" --output-on-failure
  ) >"$dir/ctest.log" 2>&1
}

pids=()
for d in "${runs[@]}"; do
  mkdir -p "$d"
  one_run "$d" &
  pids+=($!)
done
status=0
for i in 0 1; do
  if wait "${pids[$i]}"; then
    echo "run $((i + 1)): passed" >&2
  else
    echo "run $((i + 1)): FAILED; its log:" >&2
    cat "${runs[$i]}/ctest.log" >&2
    status=1
  fi
  tail -n 3 "${runs[$i]}/ctest.log" >&2
done
exit $status
