#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The whole test suite, from a fresh machine: installs what is missing,
# builds release and sanitizer builds, starts private PostgreSQL and Redis
# for this run only, runs every suite against both builds, stops what it
# started. Exit status 0 only when everything passed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
start=$(date +%s)
# Each step line also says how busy the machine's CPUs were since the
# step before (from /proc/stat: all time but idle and iowait), which is
# what tells a phase that computes from one that waits.
mark_total=0 mark_busy=0 cpu_note=""
cpu_busy() {
  local _ user nice sys idle iowait irq softirq steal total busy
  read -r _ user nice sys idle iowait irq softirq steal _ </proc/stat
  total=$((user + nice + sys + idle + iowait + irq + softirq + steal))
  busy=$((total - idle - iowait))
  cpu_note=""
  if [ "$mark_total" -gt 0 ] && [ "$total" -gt "$mark_total" ]; then
    cpu_note=", CPUs $((100 * (busy - mark_busy) / (total - mark_total))) % busy since the last step"
  fi
  mark_total=$total mark_busy=$busy
}
step() {
  cpu_busy
  printf '\n== %s (%ds%s)\n' "$*" $(($(date +%s) - start)) "$cpu_note" >&2
}

step "install check"
scripts/setup.sh

run_dir="$root/.run/test-$$"
asan_build=""
release_suites=""
cleanup() {
  [ -n "$asan_build" ] && kill -- "-$asan_build" 2>/dev/null
  [ -n "$release_suites" ] && kill -- "-$release_suites" 2>/dev/null
  scripts/services.sh purge "$run_dir" >/dev/null 2>&1 || true
  rm -rf "$run_dir"
}
trap cleanup EXIT
mkdir -p "$run_dir"

# The sanitizer build starts with the release build, at the lowest
# priority: it takes what the release build leaves idle (its links, its
# last large batches). In a session of its own (to be stopped as a
# group) it is also an autogroup of its own, which the kernel shares the
# CPU with as with any other whatever its nice value, so the autogroup's
# own priority is lowered too.
step "release build (the sanitizer build beside it, at the lowest priority)"
setsid bash -c 'echo 19 >/proc/self/autogroup 2>/dev/null
  exec nice -n 19 scripts/build.sh asan' >"$run_dir/asan-build.log" 2>&1 &
asan_build=$!
scripts/build.sh release
# From here the release suites share the machine with the sanitizer
# build as equals: starved by them, the build finished after the
# release suites had, and the sanitizer suites then ran alone. (Raising
# an autogroup back to nice 0 needs no privilege; the kernel takes one
# such change a tenth of a second.)
for _ in 1 2 3 4 5; do
  echo 0 >"/proc/$asan_build/autogroup" 2>/dev/null && break
  sleep 0.2
done

step "private services"
scripts/services.sh start "$run_dir" >/dev/null
# shellcheck disable=SC1091
source "$run_dir/env"
export BRIDGE_RUN_DIR="$run_dir"

# Both builds' suites wait more than they compute (the machine measured
# 59 % busy with two sanitizer suites at a time, 77 % with three), so
# three release suites and four sanitizer suites run at once, and the
# sanitizer suites start as soon as their build is done, beside whatever
# release suites are left. Each line says its build.
jobs="${BRIDGE_TEST_JOBS:-3}"
asan_jobs="${BRIDGE_ASAN_TEST_JOBS:-4}"
status=0
step "suites, release build"
setsid bash -c 'set -o pipefail
  ctest --test-dir build --output-on-failure -j "$1" 2>&1 | sed -u "s/^/[release] /"' \
  _ "$jobs" &
release_suites=$!
if wait "$asan_build"; then
  asan_build=""
  step "suites, sanitizer build (beside the release suites left)"
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:${ASAN_OPTIONS:-}" \
  LSAN_OPTIONS="suppressions=$root/scripts/lsan.supp:print_suppressions=0" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    ctest --test-dir build-asan --output-on-failure -j "$asan_jobs" -LE 'faults|browser|package|lint|bench' 2>&1 \
    | sed -u 's/^/[sanitizer] /' || status=1
else
  asan_build=""
  tail -n 60 "$run_dir/asan-build.log" >&2
  echo "the sanitizer build failed" >&2
  status=1
fi
step "waiting for the release suites"
wait "$release_suites" || status=1
release_suites=""

if [ -f build/artifacts/dashboard.png ]; then
  echo "dashboard screenshot from e2e.dashboard: build/artifacts/dashboard.png" >&2
fi
step "done: $([ $status -eq 0 ] && echo PASSED || echo FAILED)"
exit $status
