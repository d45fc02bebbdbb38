#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# bench/e2e_bench.sh judges its runs: a run that misses a threshold makes
# the script exit 3 and names the threshold in its JSON line; a run that
# meets them exits 0 with none named. Two short runs at 50 messages a
# second, with their own PostgreSQL and Redis, stopped at the end.
# Usage: e2e_bench_test.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
build="$1"
source_dir="$2"
out="$(mktemp -d "${BRIDGE_RUN_DIR:-/tmp}/e2e-bench-XXXXXX")"
trap '"$source_dir/scripts/services.sh" stop "$out/services" >/dev/null 2>&1; rm -rf "$out"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
bench() {
  "$source_dir/bench/e2e_bench.sh" --rate 50 --seconds 8 --warmup-s 2 \
    --teams 10 --out "$out" --bin "$build" "$@" 2>"$out/stderr.txt"
}

echo "== a throughput no run reaches: exit 3, the threshold named"
line=$(bench --min-throughput 1000000)
status=$?
echo "$line"
[ "$status" = 3 ] || fail "exit $status, not 3"
echo "$line" | jq -e '.passed == true' >/dev/null \
  || fail "the run itself should have passed its checks"
echo "$line" | jq -e '.thresholds_failed | length == 1 and (.[0] | startswith("threshold failed: throughput"))' >/dev/null \
  || fail "thresholds_failed does not name the throughput"
grep -q "missed its thresholds" "$out/stderr.txt" || fail "no line on stderr"

echo "== thresholds the run meets: exit 0, none named"
line=$(bench --max-p99-ms 600000 --min-throughput 1)
status=$?
echo "$line"
[ "$status" = 0 ] || { cat "$out/stderr.txt" >&2; fail "exit $status, not 0"; }
echo "$line" | jq -e '.passed == true and .thresholds_failed == []' >/dev/null \
  || fail "a met threshold was named, or the run failed its checks"

echo "== a threshold that is no number: refused before anything starts"
bench --max-p99-ms fast >/dev/null
status=$?
[ "$status" = 2 ] || fail "--max-p99-ms fast: exit $status, not 2"
grep -q "not a number" "$out/stderr.txt" || fail "--max-p99-ms fast: no reason given"

[ "$failures" = 0 ] && echo "e2e_bench thresholds: ok"
exit $((failures > 0))
