#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# What each clause of the pool's message insert costs the server alone:
# 100,000 rows in 500-row statements, each its own transaction, into a
# scratch copy of the messages table (same columns, defaults, checks and
# indexes; no foreign key), once per statement form. The rows are made
# by generate_series on the server, so no client builds or sends them.
# Prints one JSON line per form with its seconds and rows/s.
#
#   DATABASE_URL=... bench/insert_forms_bench.sh [--rounds N]
#
# Forms: plain INSERT; with ON CONFLICT (conversation_id, seq) DO
# NOTHING; with RETURNING conversation_id, seq, id; with both (the pool's
# statement); with both, the returned rows counted on the server, not sent.
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"

rounds=1
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    *) echo "usage: $0 [--rounds N]" >&2; exit 2 ;;
  esac
done
: "${DATABASE_URL:?needs DATABASE_URL (scripts/services.sh start, then source its env)}"

scratch="$(mktemp -d)"
cleanup() {
  psql "$DATABASE_URL" -qc "DROP TABLE IF EXISTS bench_insert_forms" >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap cleanup EXIT

statements=200 per=500
psql "$DATABASE_URL" -qc "DROP TABLE IF EXISTS bench_insert_forms" \
  -c "CREATE TABLE bench_insert_forms (LIKE messages INCLUDING ALL)" >/dev/null

# form <name> <prefix> <suffix>: writes the form's statements to a file.
form() {
  local name=$1 prefix=$2 suffix=$3
  for ((i = 0; i < statements; ++i)); do
    echo "$prefix INSERT INTO bench_insert_forms (conversation_id, seq, sender_id,"\
         "source_message_id, original_text, original_lang, translated_text,"\
         "translated_lang, status) SELECT g % 100 + 1, $((i * per)) + g, 1, NULL,"\
         "'The machine on line three is broken again.', 'en',"\
         "'La máquina de la línea tres está rota otra vez.', 'es', 'translated'"\
         "FROM generate_series(1, $per) g $suffix;"
  done >"$scratch/$name.sql"
}
conflict="ON CONFLICT (conversation_id, seq) DO NOTHING"
returning="RETURNING conversation_id, seq, id"
form plain "" ""
form on_conflict "" "$conflict"
form returning "" "$returning"
form both "" "$conflict $returning"
form both_counted "WITH x AS (" "$conflict $returning) SELECT count(*) FROM x"

for ((round = 1; round <= rounds; ++round)); do
  for name in plain on_conflict returning both both_counted; do
    psql "$DATABASE_URL" -qc "TRUNCATE bench_insert_forms" -c "CHECKPOINT" >/dev/null
    t0=$(date +%s.%N)
    psql "$DATABASE_URL" -q -v ON_ERROR_STOP=1 -f "$scratch/$name.sql" >/dev/null
    t1=$(date +%s.%N)
    awk -v n="$name" -v r="$round" -v t0="$t0" -v t1="$t1" -v rows=$((statements * per)) \
      'BEGIN { s = t1 - t0; printf "{\"form\":\"%s\",\"round\":%d,\"seconds\":%.3f,\"rows_per_second\":%.0f}\n", n, r, s, rows / s }'
  done
done
