#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# What the fencing check costs the server, in its two forms: the lease
# rows locked FOR KEY SHARE (migration 004) and the advisory lease locks
# held shared (005). Both function bodies are taken from the migrations
# and created in a scratch schema with 64 leases. pgbench runs write
# transactions like a write turn's: the check over two random partitions,
# then one inserted row, from 8 clients at once. Prints one JSON line
# per form and round: transactions/s, mean latency, WAL bytes per
# transaction.
#
#   DATABASE_URL=... bench/fence_bench.sh [--rounds N] [--seconds S] [--clients C]
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"

rounds=2 seconds=8 clients=8
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    *) echo "usage: $0 [--rounds N] [--seconds S] [--clients C]" >&2; exit 2 ;;
  esac
done
: "${DATABASE_URL:?needs DATABASE_URL (scripts/services.sh start, then source its env)}"
here="$(cd "$(dirname "$0")/.." && pwd)"
migrations="$here/storage/migrations"

scratch="$(mktemp -d)"
cleanup() {
  psql "$DATABASE_URL" -qc "DROP SCHEMA IF EXISTS bench_fence CASCADE" >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap cleanup EXIT

# function <file> <start pattern> <new name>: one CREATE FUNCTION of a
# migration, renamed.
function_of() {
  sed -n "/^$2/,/^END \\\$\\\$;/p" "$1" | sed "s/bridge_fence(/$3(/"
}
{
  echo "DROP SCHEMA IF EXISTS bench_fence CASCADE; CREATE SCHEMA bench_fence;"
  echo "SET search_path = bench_fence;"
  sed -n '/^CREATE TABLE partition_leases/,/^);/p' "$migrations/004_cluster.sql"
  echo "INSERT INTO partition_leases SELECT g, 'bench', 1, now(),"
  echo "  now() + interval '1 day' FROM generate_series(-1, 63) g;"
  echo "CREATE TABLE turn_rows (partition integer, at timestamptz DEFAULT now());"
  sed -n '/^CREATE FUNCTION bridge_lease_lock_class/,/^AS/p' \
    "$migrations/005_fence_advisory.sql"
  function_of "$migrations/004_cluster.sql" "CREATE FUNCTION bridge_fence" fence_row_lock
  function_of "$migrations/005_fence_advisory.sql" \
    "CREATE OR REPLACE FUNCTION bridge_fence" fence_advisory
} | psql -q -v ON_ERROR_STOP=1 "$DATABASE_URL" >/dev/null

for form in fence_row_lock fence_advisory; do
  cat >"$scratch/$form.sql" <<SQL
\\set p random(0, 63)
\\set q random(0, 63)
BEGIN;
SELECT $form(ARRAY[least(:p, :q), greatest(:p, :q)], ARRAY[1, 1]::bigint[]);
INSERT INTO turn_rows (partition) VALUES (:p);
COMMIT;
SQL
done

lsn() { psql -tA "$DATABASE_URL" -c "SELECT pg_current_wal_lsn()"; }
for ((round = 1; round <= rounds; ++round)); do
  for form in fence_row_lock fence_advisory; do
    psql "$DATABASE_URL" -qc "CHECKPOINT" >/dev/null
    before=$(lsn)
    PGOPTIONS="$PGOPTIONS -c search_path=bench_fence" \
      pgbench -n -c "$clients" -j 2 -T "$seconds" -f "$scratch/$form.sql" \
      "$DATABASE_URL" >"$scratch/out" 2>&1
    after=$(lsn)
    xacts=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$scratch/out")
    tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$scratch/out")
    latency=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$scratch/out")
    wal=$(psql -tA "$DATABASE_URL" -c "SELECT pg_wal_lsn_diff('$after', '$before')")
    jq -nc --arg form "$form" --argjson round "$round" --argjson clients "$clients" \
      --argjson xacts "$xacts" --argjson tps "$tps" --argjson latency "$latency" \
      --argjson wal "$wal" \
      '{bench: "fence", form: $form, round: $round, clients: $clients,
        transactions_per_s: ($tps | round), latency_ms: $latency,
        wal_bytes_per_transaction: (($wal / $xacts) | round)}'
  done
done
