#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Business figures at a million users: seeds a scratch database with the
# shape of a large bot (1,000,000 users, 150,000 teams, their workers and
# conversations, messages, daily usage, subscriptions and Stars payments,
# all skewed: a few big teams, most small, most teams quiet), then times
# each figure's statement with EXPLAIN ANALYZE, first on the schema before
# migration 013 and then with every later migration (013's indexes, 014's
# team_activity; active teams only then, and beside it the statement it
# replaced). The statements are read from storage/repo_business.cpp, so
# what is timed is what the engine runs.
# Prints one JSON line per figure and phase (execution times of every
# run, their median, the indexes the plan used) and drops the database
# when it ends, however it ends.
#
#   DATABASE_URL=... bench/business_seed.sh [--users N] [--runs R]
#
# --users scales everything (teams are 15% of users); the default seeds
# for 3 to 6 minutes on 2 cores.
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"

users=1000000 runs=5
while [ $# -gt 0 ]; do
  case "$1" in
    --users) users=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "usage: $0 [--users N] [--runs R]" >&2; exit 2 ;;
  esac
done
case "$users$runs" in *[!0-9]*) echo "--users and --runs are numbers" >&2; exit 2 ;; esac
[ "$users" -ge 1000 ] && [ "$runs" -ge 1 ] || { echo "at least 1000 users and 1 run" >&2; exit 2; }
: "${DATABASE_URL:?needs DATABASE_URL (scripts/services.sh start, then source its env)}"
here="$(cd "$(dirname "$0")/.." && pwd)"
migrations="$here/storage/migrations"
repo="$here/storage/repo_business.cpp"

name="bridge_bench_business_$$"
server_url="$DATABASE_URL"
# The scratch database on the same server: the URL's database replaced.
db_url="$(printf '%s' "$server_url" | sed -E "s#(postgres(ql)?://[^/]*/)[^?]*#\\1$name#")"
[ "$db_url" != "$server_url" ] || { echo "cannot name a database in DATABASE_URL" >&2; exit 2; }
cleanup() {
  psql "$server_url" -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT
# Interrupted or stopped, it still exits through the cleanup.
trap 'exit 130' INT
trap 'exit 143' TERM
psql "$server_url" -qc "CREATE DATABASE $name" >/dev/null
q() { psql -q -v ON_ERROR_STOP=1 "$db_url" "$@"; }

# -- schema: every migration before 013 (the later ones after the seed) ------
for f in "$migrations"/*.sql; do
  v="$(basename "$f" | cut -c1-3)"
  [ "$v" -lt 13 ] && q -f "$f" >/dev/null
done

# -- seed ---------------------------------------------------------------------
# "now" is fixed so that runs are comparable: 2026-06-15 12:00 UTC.
now_ms=1781524800000
teams=$((users * 15 / 100))
workers=$((users * 80 / 100))
started=$(date +%s)
q >/dev/null <<SQL
SET synchronous_commit = off;
SELECT setseed(0.23);
-- Languages: a few common, a long tail (squared uniform); 2% not chosen.
INSERT INTO users (telegram_id, role, language, created_at)
SELECT g,
       CASE WHEN g <= $teams THEN 'manager' WHEN g <= $teams + $workers THEN 'worker' ELSE 'none' END,
       CASE WHEN random() < 0.02 OR (g > $teams + $workers AND random() < 0.5) THEN ''
            ELSE (ARRAY['en','es','pt','fr','it','ca','gl','ru','uk','pl','de','ar',
                        'tr','zh','hi','ur','tl','ro'])[1 + floor(power(random(), 2) * 18)::int] END,
       timestamptz '2026-06-15 12:00+00' - random() * interval '700 days'
FROM generate_series(1, $users) g;
-- Workers: team sizes skewed (a few managers with hundreds, most with 1-5).
INSERT INTO worker_links (worker_id, manager_id)
SELECT g, 1 + floor(power(random(), 2) * $teams)::bigint
FROM generate_series($teams + 1, $teams + $workers) g;
INSERT INTO conversations (manager_id, worker_id, last_seq)
SELECT manager_id, worker_id, 20 FROM worker_links;
-- Subscriptions: 15% of managers ever subscribed; of them 60% run now,
-- 25% ran out in the last 120 days, 15% were canceled.
INSERT INTO subscriptions (user_id, status, expires_at, updated_at)
SELECT m, CASE WHEN r < 0.85 THEN 'active' ELSE 'canceled' END,
       CASE WHEN r < 0.60 THEN timestamptz '2026-06-15 12:00+00' + random() * interval '30 days'
            ELSE timestamptz '2026-06-15 12:00+00' - random() * interval '120 days' END,
       timestamptz '2026-06-15 12:00+00' - random() * interval '60 days'
FROM (SELECT m, random() AS r FROM generate_series(1, $teams) m WHERE random() < 0.15) s;
-- Daily usage of free managers over 90 days: each manager's activity is a
-- squared uniform, so most teams are quiet and a few write every day.
INSERT INTO daily_usage (manager_id, day, messages)
SELECT m.id, date '2026-06-15' - d, 1 + floor(random() * 20)::int
FROM (SELECT g AS id, power(random(), 2) AS a FROM generate_series(1, $teams) g
      WHERE NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.user_id = g AND s.status = 'active')) m,
     generate_series(0, 89) d
WHERE random() < m.a;
-- Messages: about 4 per conversation over 90 days, more in busy teams.
INSERT INTO messages (conversation_id, seq, sender_id, original_text, status, created_at)
SELECT c.id, s, c.manager_id, 'message', 'delivered',
       timestamptz '2026-06-15 12:00+00' - random() * interval '90 days'
FROM conversations c, generate_series(1, 8) s
WHERE random() < 0.5;
-- Stars: every subscriber paid monthly for 1 to 12 months; the first is
-- not a renewal; 2% are refunded.
INSERT INTO star_orders (id, user_id, payload, stars, period_s, status)
SELECT row_number() OVER (), s.user_id, 'bench-' || s.user_id || '-' || k, 250, 2592000, 'paid'
FROM subscriptions s, generate_series(1, 12) k
WHERE k <= 1 + floor(random() * 12);
INSERT INTO star_payments (charge_id, order_id, user_id, stars, renewal, expires_at, paid_at)
SELECT 'charge-' || o.id, o.id, o.user_id, o.stars, o.k < o.first_k,
       x.paid + interval '30 days', x.paid
FROM (SELECT id, user_id, stars, split_part(payload, '-', 3)::int AS k,
             max(split_part(payload, '-', 3)::int) OVER (PARTITION BY user_id) AS first_k
      FROM star_orders) o,
     -- k months back: the oldest payment (the largest k) is the first.
     LATERAL (SELECT timestamptz '2026-06-15 12:00+00'
                     - (o.k * 30 - 15) * interval '1 day'
                     - random() * interval '15 days' AS paid) x;
INSERT INTO star_refunds (charge_id, stars, refunded_at)
SELECT charge_id, stars, paid_at + random() * interval '5 days'
FROM star_payments WHERE random() < 0.02;
VACUUM ANALYZE;
SQL
seeded=$(( $(date +%s) - started ))
q -tA -c "SELECT json_build_object('seeded_s', $seeded,
  'users', (SELECT count(*) FROM users), 'teams', $teams,
  'worker_links', (SELECT count(*) FROM worker_links),
  'conversations', (SELECT count(*) FROM conversations),
  'messages', (SELECT count(*) FROM messages),
  'daily_usage', (SELECT count(*) FROM daily_usage),
  'subscriptions', (SELECT count(*) FROM subscriptions),
  'star_payments', (SELECT count(*) FROM star_payments),
  'star_refunds', (SELECT count(*) FROM star_refunds),
  'database_mb', pg_database_size(current_database()) / 1048576)"

# -- timing -------------------------------------------------------------------
# statement <name>: the SQL of constexpr sql_def <name> in repo_business.cpp,
# with $1 (now in epoch milliseconds) filled in.
statement() {
  awk -v start="{\"$1\", R\"(" '
    index($0, start) { on = 1; next }
    on && /\)"};$/ { sub(/\)"};$/, ""); print; exit }
    on { print }' "$repo" | sed "s/\\\$1/$now_ms/g"
}
figures="business_users business_active_teams business_paying business_stars business_churn business_rejections"
for f in $figures; do
  [ -n "$(statement "$f")" ] || { echo "no statement $f in $repo" >&2; exit 1; }
done

# The active-teams statement before migration 014 (a probe of every
# subscriber's conversations), kept here to be timed beside its successor.
active_teams_before_014="$(cat <<SQL
WITH b AS (
  SELECT to_timestamp($now_ms / 1000.0) AS now_ts,
         (to_timestamp($now_ms / 1000.0) AT TIME ZONE 'UTC')::date AS today),
charged AS (
  SELECT d.manager_id, max(d.day) AS last_day
  FROM daily_usage d, b
  WHERE d.messages > 0 AND d.day BETWEEN b.today - 29 AND b.today
  GROUP BY d.manager_id),
subscribed AS (
  SELECT c.manager_id, max((m.created_at AT TIME ZONE 'UTC')::date) AS last_day
  FROM b, subscriptions s
  JOIN conversations c ON c.manager_id = s.user_id
  CROSS JOIN LATERAL (
    SELECT x.created_at FROM messages x
    WHERE x.conversation_id = c.id
      AND x.created_at >= (b.today - 29)::timestamp AT TIME ZONE 'UTC'
      AND x.created_at <= b.now_ts
    ORDER BY x.created_at DESC LIMIT 1) m
  WHERE s.status = 'active' AND s.expires_at > b.now_ts
  GROUP BY c.manager_id),
teams AS (
  SELECT manager_id, max(last_day) AS last_day
  FROM (SELECT * FROM charged UNION ALL SELECT * FROM subscribed) a
  GROUP BY manager_id)
SELECT count(*) FILTER (WHERE t.last_day >= b.today - 6), count(*)
FROM teams t, b
SQL
)"

# time_one <phase> <figure> <sql>: one JSON line, `runs` EXPLAIN ANALYZEs.
time_one() {
  local phase=$1 f=$2 sql=$3 times=() plan=""
  for ((r = 0; r < runs; ++r)); do
    plan="$(q -tA -c "EXPLAIN (ANALYZE, FORMAT JSON) $sql")"
    times+=("$(jq '.[0]["Execution Time"]' <<<"$plan")")
  done
  jq -nc --arg phase "$phase" --arg figure "$f" \
    --argjson runs "$(printf '%s\n' "${times[@]}" | jq -s .)" \
    --argjson indexes "$(jq '[.. | objects | .["Index Name"]? // empty] | unique' <<<"$plan")" \
    '{phase: $phase, figure: $figure, runs_ms: ($runs | map(. * 10 | round / 10)),
      median_ms: ($runs | sort | .[length / 2 | floor] * 10 | round / 10),
      indexes: $indexes}'
}

time_all() {
  for f in $figures; do
    # Before 014 there is no team_activity, before 015 no star_rejections.
    [ "$1" = before_013 ] && case "$f" in business_active_teams | business_rejections) true ;; *) false ;; esac && continue
    time_one "$1" "$f" "$(statement "$f")"
  done
}

time_all before_013
# Every later migration. 014's own fill of team_activity reads the last 30
# days before the real clock, which the seed's fixed "now" is not: the
# table is filled here the same way, up to the seed's "now", as the engine
# would have kept it.
started=$(date +%s)
for f in "$migrations"/*.sql; do
  v="$(basename "$f" | cut -c1-3)"
  [ "$v" -ge 13 ] && q -f "$f" >/dev/null
done
q >/dev/null <<SQL
INSERT INTO team_activity (manager_id, last_day)
SELECT manager_id, max(last_day)
FROM (
  SELECT d.manager_id, d.day AS last_day
  FROM daily_usage d
  WHERE d.messages > 0 AND d.day BETWEEN date '2026-06-15' - 30 AND date '2026-06-15'
  UNION ALL
  SELECT c.manager_id, (m.created_at AT TIME ZONE 'UTC')::date
  FROM messages m JOIN conversations c ON c.id = m.conversation_id
  WHERE m.created_at >= timestamptz '2026-06-15 12:00+00' - interval '31 days'
    AND m.created_at <= timestamptz '2026-06-15 12:00+00'
    AND m.sender_id = c.manager_id
) a
GROUP BY manager_id;
ANALYZE;
SQL
jq -nc --argjson s $(( $(date +%s) - started )) \
  --argjson teams "$(q -tA -c 'SELECT count(*) FROM team_activity')" \
  '{migrations_from_013_s: $s, team_activity_rows: $teams}'
time_one after business_active_teams_before_014 "$active_teams_before_014"
time_all after
