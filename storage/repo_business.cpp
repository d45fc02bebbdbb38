// SPDX-License-Identifier: Apache-2.0
#include "storage/repo_business.hpp"

#include "common/error.hpp"
#include "storage/repo_billing.hpp"
#include "storage/validate.hpp"

namespace bridge::storage {

namespace sql {

// Every figure takes one parameter, $1: "now" in epoch milliseconds,
// so that the windows are the caller's clock. bench/business_seed.sh
// times these very texts (it reads them from this file).

// Users by role and language: an index-only walk of users_role_language.
constexpr sql_def business_users{"business_users", R"(
SELECT role, language, count(*)
FROM users
WHERE $1::bigint > 0
GROUP BY role, language
ORDER BY role, language)"};

// An active team is a manager who wrote to a worker in the window: the
// window is the last 7 (30) UTC days, today included. team_activity keeps
// each manager's newest such day (noted by the engine once a manager a
// day), so the figure is a range of team_activity_last_day, read from the
// index alone, whatever the history holds. Teams where only the workers
// wrote are not counted. A day after "now" (a reading of the past) is not
// counted: only the newest day is kept.
constexpr sql_def business_active_teams{"business_active_teams", R"(
WITH b AS (
  SELECT (to_timestamp($1::bigint / 1000.0) AT TIME ZONE 'UTC')::date AS today)
SELECT count(*) FILTER (WHERE t.last_day >= b.today - 6), count(*)
FROM team_activity t, b
WHERE t.last_day BETWEEN b.today - 29 AND b.today)"};

// Paying managers: managers whose subscription runs now (active, not yet
// expired). Of them, "stars" are those a Stars payment still covers: paid
// at or before now, not refunded by now, and its subscription_expiration_date
// (or, without one, its order's period after payment) still ahead. The
// rest hold time an operator gave through the admin API.
constexpr sql_def business_paying{"business_paying", R"(
WITH b AS (SELECT to_timestamp($1::bigint / 1000.0) AS now_ts)
SELECT count(*), count(*) FILTER (WHERE a.stars)
FROM (
  SELECT EXISTS (
    SELECT 1 FROM star_payments p JOIN star_orders o ON o.id = p.order_id
    WHERE p.user_id = s.user_id
      AND p.paid_at <= b.now_ts
      AND COALESCE(p.expires_at,
                   p.paid_at + o.period_s * interval '1 second') > b.now_ts
      AND NOT EXISTS (SELECT 1 FROM star_refunds r
                      WHERE r.charge_id = p.charge_id
                        AND r.refunded_at <= b.now_ts)) AS stars
  FROM subscriptions s
  JOIN users u ON u.telegram_id = s.user_id AND u.role = 'manager', b
  WHERE s.status = 'active' AND s.expires_at > b.now_ts) a)"};

// Stars over the 30 days up to now, (now - 30 days, now]: payments by
// paid_at (refunded ones included, they are counted again as refunds),
// renewals among them (a subscription's second and later payments), and
// refunds by refunded_at, whenever their payment was made.
constexpr sql_def business_stars{"business_stars", R"(
WITH b AS (SELECT to_timestamp($1::bigint / 1000.0) AS now_ts)
SELECT p.n, p.stars, p.renewals, p.renewal_stars, r.n, r.stars
FROM (SELECT count(*) AS n, COALESCE(sum(x.stars), 0) AS stars,
             count(*) FILTER (WHERE x.renewal) AS renewals,
             COALESCE(sum(x.stars) FILTER (WHERE x.renewal), 0) AS renewal_stars
      FROM star_payments x, b
      WHERE x.paid_at > b.now_ts - interval '30 days'
        AND x.paid_at <= b.now_ts) p,
     (SELECT count(*) AS n, COALESCE(sum(y.stars), 0) AS stars
      FROM star_refunds y, b
      WHERE y.refunded_at > b.now_ts - interval '30 days'
        AND y.refunded_at <= b.now_ts) r)"};

// Churn: subscriptions that ended in the 30 days up to now and were not
// taken up again. A subscription ends when it expires, or when an
// operator cancels it (at the cancel, or at its expiry if that came
// first). One taken up again runs now, so its end is ahead, not in the
// window. The expression is the one subscriptions_ended indexes.
constexpr sql_def business_churn{"business_churn", R"(
WITH b AS (SELECT to_timestamp($1::bigint / 1000.0) AS now_ts)
SELECT count(*)
FROM subscriptions s, b
WHERE (CASE WHEN s.status = 'canceled' THEN LEAST(s.updated_at, s.expires_at)
            ELSE s.expires_at END) > b.now_ts - interval '30 days'
  AND (CASE WHEN s.status = 'canceled' THEN LEAST(s.updated_at, s.expires_at)
            ELSE s.expires_at END) <= b.now_ts)"};

// Stars events that credited nothing (star_rejections): uncredited
// payments and refused checkouts created in the 30 days up to now, and
// uncredited payments of any age an operator has not refunded yet.
constexpr sql_def business_rejections{"business_rejections", R"(
WITH b AS (SELECT to_timestamp($1::bigint / 1000.0) AS now_ts)
SELECT
  (SELECT count(*) FROM star_rejections x, b
   WHERE x.kind = 'payment' AND x.created_at > b.now_ts - interval '30 days'
     AND x.created_at <= b.now_ts),
  (SELECT COALESCE(sum(x.amount), 0) FROM star_rejections x, b
   WHERE x.kind = 'payment' AND x.created_at > b.now_ts - interval '30 days'
     AND x.created_at <= b.now_ts),
  (SELECT count(*) FROM star_rejections x
   WHERE x.kind = 'payment' AND x.refunded_at IS NULL),
  (SELECT count(*) FROM star_rejections x, b
   WHERE x.kind = 'checkout' AND x.created_at > b.now_ts - interval '30 days'
     AND x.created_at <= b.now_ts))"};

// The one writer here: $1 the manager, $2 the day (not "now").
// The newest day wins; an older one changes nothing and writes nothing.
constexpr sql_def team_active{"team_active", R"(
INSERT INTO team_activity AS t (manager_id, last_day)
VALUES ($1, $2::date)
ON CONFLICT (manager_id) DO UPDATE SET last_day = EXCLUDED.last_day
WHERE t.last_day < EXCLUDED.last_day
RETURNING 1)"};

} // namespace sql

const std::vector<sql_def>& business_statements() {
  static const std::vector<sql_def> defs{
      sql::business_users, sql::business_active_teams, sql::business_paying,
      sql::business_stars, sql::business_churn,        sql::business_rejections,
      sql::team_active,
  };
  return defs;
}

caf::error check(const business_get& x) {
  // 9999-12-31T23:59:59.999Z: PostgreSQL has no timestamp past its year.
  constexpr int64_t last_ms = 253402300799999;
  if (x.now_ms > last_ms)
    return make_error(engine_errc::invalid_input,
                      "now_ms is past the year 9999");
  return check_id("now_ms", x.now_ms);
}

caf::error check(const team_active& x) {
  return first_error({check_id("manager_id", x.manager_id), check_day(x.day)});
}

namespace {

/// The one row of a statement that always answers one.
const row& only_row(const rows& rs, size_t width, const char* what) {
  if (rs.size() != 1)
    throw db_failure{failure_kind::decode,
                     std::string{what} + ": expected one row"};
  expect_width(rs.front(), width, what);
  return rs.front();
}

} // namespace

business_figures execute(op_context& ctx, const business_get& x) {
  business_figures out;
  out.now_ms = x.now_ms;
  auto run = [&](const sql_def& def) {
    return ctx.sql.run({def.name, {param(x.now_ms)}});
  };
  for (auto& r : run(sql::business_users)) {
    expect_width(r, 3, "users row");
    out.users.push_back({text_at(r, 0), text_at(r, 1), int_at(r, 2)});
  }
  auto teams = run(sql::business_active_teams);
  const auto& t = only_row(teams, 2, "active teams");
  out.active_teams_7d = int_at(t, 0);
  out.active_teams_30d = int_at(t, 1);
  auto paying = run(sql::business_paying);
  const auto& p = only_row(paying, 2, "paying managers");
  out.paying_managers = int_at(p, 0);
  out.paying_managers_stars = int_at(p, 1);
  auto stars = run(sql::business_stars);
  const auto& s = only_row(stars, 6, "stars");
  out.stars_taken_30d = {int_at(s, 0), int_at(s, 1)};
  out.renewals_30d = {int_at(s, 2), int_at(s, 3)};
  out.stars_refunded_30d = {int_at(s, 4), int_at(s, 5)};
  auto churn = run(sql::business_churn);
  out.churned_30d = int_at(only_row(churn, 1, "churn"), 0);
  auto rejections = run(sql::business_rejections);
  const auto& j = only_row(rejections, 4, "rejections");
  out.uncredited_30d = {int_at(j, 0), int_at(j, 1)};
  out.uncredited_unrefunded = int_at(j, 2);
  out.refused_checkouts_30d = int_at(j, 3);
  return out;
}

db_count execute(op_context& ctx, const team_active& x) {
  auto rs = ctx.sql.run(
      {sql::team_active.name, {param(x.manager_id), param(day_param(x.day))}});
  return {static_cast<int64_t>(rs.size())};
}

} // namespace bridge::storage
