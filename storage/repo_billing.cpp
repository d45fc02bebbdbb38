// SPDX-License-Identifier: Apache-2.0
#include "storage/repo_billing.hpp"

#include <cstdio>

#include "common/error.hpp"
#include "storage/validate.hpp"

namespace bridge::storage {

namespace sql {

constexpr sql_def sub_get{"sub_get", R"(
SELECT user_id, status, epoch_ms(expires_at), epoch_ms(updated_at)
FROM subscriptions WHERE user_id = $1)"};

constexpr sql_def sub_set{"sub_set", R"(
INSERT INTO subscriptions (user_id, status, expires_at)
VALUES ($1, 'active', to_timestamp($2::bigint / 1000.0))
ON CONFLICT (user_id) DO UPDATE
SET status = 'active', expires_at = EXCLUDED.expires_at, updated_at = now()
RETURNING user_id, status, epoch_ms(expires_at), epoch_ms(updated_at))"};

constexpr sql_def sub_clear{"sub_clear", R"(
UPDATE subscriptions SET status = 'canceled', updated_at = now()
WHERE user_id = $1
RETURNING user_id, status, epoch_ms(expires_at), epoch_ms(updated_at))"};

// Check and increment in one statement: two concurrent senders cannot both
// take the last free message. $4 messages are counted at once, all or none.
constexpr sql_def usage_incr{"usage_incr", R"(
INSERT INTO daily_usage AS d (manager_id, day, messages)
SELECT $1, $2::date, $4::bigint WHERE $3::bigint < 0 OR $3::bigint >= $4::bigint
ON CONFLICT (manager_id, day) DO UPDATE
SET messages = d.messages + $4::bigint
WHERE $3::bigint < 0 OR d.messages + $4::bigint <= $3::bigint
RETURNING messages)"};

constexpr sql_def usage_release{"usage_release", R"(
UPDATE daily_usage SET messages = GREATEST(messages - $3::bigint, 0)
WHERE manager_id = $1 AND day = $2::date
RETURNING messages)"};

constexpr sql_def usage_get{"usage_get", R"(
SELECT messages FROM daily_usage WHERE manager_id = $1 AND day = $2::date)"};

} // namespace sql

const std::vector<sql_def>& billing_statements() {
  static const std::vector<sql_def> defs{
      sql::sub_get,    sql::sub_set,   sql::sub_clear,
      sql::usage_incr, sql::usage_get, sql::usage_release,
  };
  return defs;
}

// -- validation
// -----------------------------------------------------------------

caf::error check(const sub_get& x) {
  return check_id("user_id", x.user_id);
}

caf::error check(const sub_set& x) {
  return first_error({check_id("user_id", x.user_id),
                      check_id("expires_at_ms", x.expires_at_ms)});
}

caf::error check(const sub_clear& x) {
  return check_id("user_id", x.user_id);
}

caf::error check(const usage_incr& x) {
  if (x.lease < 1 || x.lease > max_usage_lease)
    return make_error(engine_errc::invalid_input,
                      "usage_incr leases 1 to 1000 messages");
  return first_error({check_id("manager_id", x.manager_id), check_day(x.day)});
}

caf::error check(const usage_release& x) {
  if (x.count < 1 || x.count > max_usage_lease)
    return make_error(engine_errc::invalid_input,
                      "usage_release gives back 1 to 1000 messages");
  return first_error({check_id("manager_id", x.manager_id), check_day(x.day)});
}

caf::error check(const usage_get& x) {
  return first_error({check_id("manager_id", x.manager_id), check_day(x.day)});
}

// -- builders and decoders
// ------------------------------------------------------

subscription_status subscription_status_from(std::string_view text) {
  if (text == "active")
    return subscription_status::active;
  if (text == "canceled")
    return subscription_status::canceled;
  throw db_failure{failure_kind::decode,
                   "unknown subscription status '" + std::string{text} + "'"};
}

subscription decode_subscription(const row& r) {
  expect_width(r, 4, "subscription row");
  return {int_at(r, 0), subscription_status_from(text_at(r, 1)), int_at(r, 2),
          int_at(r, 3)};
}

std::string day_param(int64_t day) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d",
                static_cast<int>(day / 10000),
                static_cast<int>(day / 100 % 100), static_cast<int>(day % 100));
  return buf;
}

statement usage_incr_statement(const usage_incr& x) {
  return {sql::usage_incr.name,
          {param(x.manager_id), param(day_param(x.day)), param(x.limit),
           param(x.lease)}};
}

// -- execution
// ------------------------------------------------------------------

subscription execute(op_context& ctx, const sub_get& x) {
  auto rs = ctx.sql.run({sql::sub_get.name, {param(x.user_id)}});
  if (rs.empty())
    return subscription{x.user_id, subscription_status::none, 0, 0};
  return decode_subscription(rs.front());
}

subscription execute(op_context& ctx, const sub_set& x) {
  auto rs = ctx.sql.run(
      {sql::sub_set.name, {param(x.user_id), param(x.expires_at_ms)}});
  if (rs.size() != 1)
    throw db_failure{failure_kind::decode, "sub_set returned no row"};
  return decode_subscription(rs.front());
}

subscription execute(op_context& ctx, const sub_clear& x) {
  auto rs = ctx.sql.run({sql::sub_clear.name, {param(x.user_id)}});
  if (rs.empty())
    return subscription{x.user_id, subscription_status::none, 0, 0};
  return decode_subscription(rs.front());
}

usage_count execute(op_context& ctx, const usage_incr& x) {
  auto rs = ctx.sql.run(usage_incr_statement(x));
  if (!rs.empty())
    return {x.manager_id, x.day, int_at(rs.front(), 0), true, x.lease};
  if (x.lease > 1) {
    // A whole lease does not fit: the last few go one at a time.
    auto one = x;
    one.lease = 1;
    rs = ctx.sql.run(usage_incr_statement(one));
    if (!rs.empty())
      return {x.manager_id, x.day, int_at(rs.front(), 0), true, 1};
  }
  // At the limit: nothing changed; report the count as it stands.
  auto now = ctx.sql.run(
      {sql::usage_get.name, {param(x.manager_id), param(day_param(x.day))}});
  return {x.manager_id, x.day, now.empty() ? 0 : int_at(now.front(), 0), false};
}

db_count execute(op_context& ctx, const usage_release& x) {
  auto rs = ctx.sql.run(
      {sql::usage_release.name,
       {param(x.manager_id), param(day_param(x.day)), param(x.count)}});
  return {static_cast<int64_t>(rs.size())};
}

usage_count execute(op_context& ctx, const usage_get& x) {
  auto rs = ctx.sql.run(
      {sql::usage_get.name, {param(x.manager_id), param(day_param(x.day))}});
  return {x.manager_id, x.day, rs.empty() ? 0 : int_at(rs.front(), 0), false};
}

} // namespace bridge::storage
