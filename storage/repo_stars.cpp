// SPDX-License-Identifier: Apache-2.0
// Paying with Telegram Stars. A payment is credited in one transaction:
// the payment row keyed by its charge id (ON CONFLICT DO NOTHING), and
// only when that row is new, the order marked paid and the subscription
// extended. A redelivered update, a retry after a crash or a second
// instance therefore finds the row and credits nothing twice. A payment
// or checkout that credits nothing is stored for operators in the same
// transaction (storage/repo_star_rejections.cpp).

#include "storage/repo_stars.hpp"

#include <cstdio>
#include <optional>

#include "common/error.hpp"
#include "storage/repo_star_rejections.hpp"
#include "storage/validate.hpp"

namespace bridge::storage {

namespace sql {

constexpr sql_def star_order_open{"star_order_open", R"(
INSERT INTO star_orders (user_id, payload, stars, period_s)
VALUES ($1, $2, $3, $4)
RETURNING id, user_id, payload, stars, period_s)"};

constexpr sql_def star_order_find{"star_order_find", R"(
SELECT id, user_id, stars, status, period_s FROM star_orders
WHERE payload = $1)"};

// Two deliveries of one payment queue here; the second then sees the
// first's payment row (under read committed each statement sees what was
// committed before it began).
constexpr sql_def star_order_lock{"star_order_lock", R"(
SELECT id, user_id, stars, status, period_s FROM star_orders
WHERE payload = $1 FOR UPDATE)"};

constexpr sql_def star_payment_seen{"star_payment_seen", R"(
SELECT order_id, COALESCE(epoch_ms(expires_at), 0) FROM star_payments
WHERE charge_id = $1)"};

constexpr sql_def star_payment_insert{"star_payment_insert", R"(
INSERT INTO star_payments (charge_id, order_id, user_id, stars, renewal,
                           expires_at)
VALUES ($1, $2, $3, $4, $5,
        CASE WHEN $6::bigint > 0 THEN to_timestamp($6::bigint / 1000.0) END)
ON CONFLICT (charge_id) DO NOTHING
RETURNING charge_id)"};

constexpr sql_def star_order_paid{"star_order_paid", R"(
UPDATE star_orders SET status = 'paid' WHERE id = $1)"};

// An active subscription is never shortened by a payment that ends
// sooner (an operator may have granted more).
constexpr sql_def star_sub_extend{"star_sub_extend", R"(
INSERT INTO subscriptions (user_id, status, expires_at)
VALUES ($1, 'active',
        CASE WHEN $2::bigint > 0 THEN to_timestamp($2::bigint / 1000.0)
             ELSE now() + make_interval(secs => $3::bigint) END)
ON CONFLICT (user_id) DO UPDATE
SET status = 'active', updated_at = now(),
    expires_at = CASE WHEN subscriptions.status = 'active'
                      THEN GREATEST(subscriptions.expires_at,
                                    EXCLUDED.expires_at)
                      ELSE EXCLUDED.expires_at END
RETURNING epoch_ms(expires_at))"};

// The subscription's first charge names it at Telegram: renewals of one
// order are its later charges. The user's index keeps the look-up short.
constexpr sql_def star_payment_get{"star_payment_get", R"(
SELECT p.charge_id, p.order_id, p.user_id, p.stars,
       COALESCE(epoch_ms(p.expires_at), 0), r.charge_id IS NOT NULL,
       CASE WHEN p.expires_at IS NULL THEN ''
            ELSE COALESCE((SELECT f.charge_id FROM star_payments f
                           WHERE f.user_id = p.user_id
                             AND f.order_id = p.order_id
                           ORDER BY f.renewal, f.paid_at, f.charge_id
                           LIMIT 1), p.charge_id) END
FROM star_payments p LEFT JOIN star_refunds r USING (charge_id)
WHERE p.charge_id = $1)"};

constexpr sql_def star_refund_insert{"star_refund_insert", R"(
INSERT INTO star_refunds (charge_id, stars, requested_by)
SELECT charge_id, stars, $2 FROM star_payments WHERE charge_id = $1
ON CONFLICT (charge_id) DO NOTHING
RETURNING charge_id)"};

// The refunded payment paid for the subscription up to its end: the
// subscription ends now.
constexpr sql_def star_sub_end{"star_sub_end", R"(
UPDATE subscriptions SET status = 'canceled', updated_at = now(),
       expires_at = LEAST(expires_at, now())
WHERE user_id = $1)"};

} // namespace sql

const std::vector<sql_def>& star_statements() {
  static const std::vector<sql_def> defs{
      sql::star_order_open,   sql::star_order_find,     sql::star_order_lock,
      sql::star_payment_seen, sql::star_payment_insert, sql::star_order_paid,
      sql::star_sub_extend,   sql::star_payment_get,    sql::star_refund_insert,
      sql::star_sub_end,
  };
  return defs;
}

namespace {

constexpr size_t max_payload = 128;
constexpr size_t max_charge_id = 256;

caf::error check_payload(std::string_view payload) {
  if (payload.empty())
    return make_error(engine_errc::invalid_input, "empty payload");
  return check_text("payload", payload, max_payload);
}

caf::error check_charge(std::string_view id) {
  if (id.empty())
    return make_error(engine_errc::invalid_input, "empty charge id");
  return check_text("charge id", id, max_charge_id);
}

/// A fresh payload: unguessable, so no one can pay another's order by
/// guessing it, and within Telegram's 128 bytes.
std::string new_payload(std::mt19937_64& rng) {
  char buf[40];
  std::snprintf(buf, sizeof(buf), "s%016llx%016llx",
                static_cast<unsigned long long>(rng()),
                static_cast<unsigned long long>(rng()));
  return buf;
}

struct order_row {
  int64_t id = 0;
  int64_t user_id = 0;
  int64_t stars = 0;
  std::string status;
  int64_t period_s = 0;
};

order_row decode_order(const row& r) {
  expect_width(r, 5, "star order row");
  return {int_at(r, 0), int_at(r, 1), int_at(r, 2), text_at(r, 3),
          int_at(r, 4)};
}

/// The verdict on paying `o` (nullptr: no such order) as asked.
star_verdict judge(const order_row* o, int64_t user_id,
                   const std::string& currency, int64_t stars, bool renewal) {
  if (o == nullptr)
    return star_verdict::unknown_order;
  if (o->user_id != user_id)
    return star_verdict::other_user;
  if (currency != "XTR")
    return star_verdict::wrong_currency;
  if (o->stars != stars)
    return star_verdict::wrong_amount;
  // A renewal pays an order already paid; a first payment needs it open.
  if (o->status == "canceled" || (o->status == "paid" && !renewal))
    return star_verdict::not_open;
  return star_verdict::ok;
}

} // namespace

caf::error check(const star_order_open& x) {
  if (x.stars < 1 || x.stars > max_order_stars)
    return make_error(engine_errc::invalid_input,
                      "an order asks 1 to 10000 Stars");
  return first_error(
      {check_id("user_id", x.user_id), check_id("period_s", x.period_s)});
}

caf::error check(const star_checkout& x) {
  return first_error({check_id("user_id", x.user_id), check_payload(x.payload),
                      check_text("currency", x.currency, limits::code),
                      check_text("query id", x.query_id, max_charge_id)});
}

caf::error check(const star_credit& x) {
  if (x.stars < 0 || x.expires_at_ms < 0)
    return make_error(engine_errc::invalid_input, "negative amount or date");
  return first_error({check_id("user_id", x.user_id), check_charge(x.charge_id),
                      check_payload(x.payload),
                      check_text("currency", x.currency, limits::code)});
}

caf::error check(const star_payment_get& x) {
  return check_charge(x.charge_id);
}

caf::error check(const star_refund_put& x) {
  return first_error(
      {check_charge(x.charge_id),
       check_text("requested_by", x.requested_by, limits::message_text)});
}

star_order execute(op_context& ctx, const star_order_open& x) {
  auto rs = ctx.sql.run({sql::star_order_open.name,
                         {param(x.user_id), param(new_payload(ctx.rng)),
                          param(x.stars), param(x.period_s)}});
  if (rs.size() != 1)
    throw db_failure{failure_kind::decode, "star_order_open returned no row"};
  auto& r = rs.front();
  expect_width(r, 5, "star order");
  return {int_at(r, 0), int_at(r, 1), text_at(r, 2), int_at(r, 3),
          int_at(r, 4)};
}

star_outcome execute(op_context& ctx, const star_checkout& x) {
  auto rs = ctx.sql.run({sql::star_order_find.name, {param(x.payload)}});
  std::optional<order_row> o;
  if (!rs.empty())
    o = decode_order(rs.front());
  star_outcome out;
  out.verdict = judge(o ? &*o : nullptr, x.user_id, x.currency, x.stars, false);
  out.order_id = o ? o->id : 0;
  if (out.verdict != star_verdict::ok)
    record_refused_checkout(ctx, x, out.verdict);
  return out;
}

star_outcome execute(op_context& ctx, const star_credit& x) {
  star_outcome out;
  // The order first: a concurrent delivery of the same payment waits
  // here, then finds the payment row the first one committed.
  auto rs = ctx.sql.run({sql::star_order_lock.name, {param(x.payload)}});
  auto seen = ctx.sql.run({sql::star_payment_seen.name, {param(x.charge_id)}});
  if (!seen.empty()) {
    out.verdict = star_verdict::duplicate;
    out.order_id = int_at(seen.front(), 0);
    out.expires_at_ms = int_at(seen.front(), 1);
    return out;
  }
  if (auto before = rejected_before(ctx, x.charge_id)) {
    // Stored once as uncredited; a redelivery is judged as it was then.
    out.verdict = *before;
    out.repeated = true;
    return out;
  }
  std::optional<order_row> o;
  if (!rs.empty())
    o = decode_order(rs.front());
  out.order_id = o ? o->id : 0;
  out.verdict =
      judge(o ? &*o : nullptr, x.user_id, x.currency, x.stars, x.renewal);
  if (out.verdict != star_verdict::ok) {
    // Telegram took the Stars: kept for an operator to see and refund.
    out.repeated = !record_uncredited(ctx, x, out.verdict);
    return out;
  }
  auto added =
      ctx.sql.run({sql::star_payment_insert.name,
                   {param(x.charge_id), param(o->id), param(x.user_id),
                    param(x.stars), param(x.renewal), param(x.expires_at_ms)}});
  if (added.empty()) {
    // Another delivery committed it while this one waited for the order.
    out.verdict = star_verdict::duplicate;
    return out;
  }
  ctx.sql.run({sql::star_order_paid.name, {param(o->id)}});
  auto sub = ctx.sql.run(
      {sql::star_sub_extend.name,
       {param(x.user_id), param(x.expires_at_ms), param(o->period_s)}});
  if (sub.size() != 1)
    throw db_failure{failure_kind::decode, "star_sub_extend returned no row"};
  out.expires_at_ms = int_at(sub.front(), 0);
  return out;
}

namespace {

caf::expected<star_payment> payment_of(op_context& ctx, const std::string& id) {
  auto rs = ctx.sql.run({sql::star_payment_get.name, {param(id)}});
  if (rs.empty())
    return make_error(engine_errc::not_found, "no payment with this charge id");
  auto& r = rs.front();
  expect_width(r, 7, "star payment");
  return star_payment{text_at(r, 0), int_at(r, 1),  int_at(r, 2), int_at(r, 3),
                      int_at(r, 4),  bool_at(r, 5), text_at(r, 6)};
}

} // namespace

caf::expected<star_payment> execute(op_context& ctx,
                                    const star_payment_get& x) {
  auto p = payment_of(ctx, x.charge_id);
  if (p)
    return p;
  if (auto u = uncredited_payment(ctx, x.charge_id))
    return *u;
  return p;
}

namespace {

/// The refund of a payment that credited nothing: marked on its row, no
/// subscription to end.
caf::expected<star_payment> refund_uncredited(op_context& ctx,
                                              const star_refund_put& x,
                                              caf::error not_found) {
  auto u = uncredited_payment(ctx, x.charge_id);
  if (!u)
    return not_found;
  if (!u->refunded
      && !mark_uncredited_refunded(ctx, x.charge_id, x.requested_by))
    u->refunded = true;
  return *u;
}

} // namespace

caf::expected<star_payment> execute(op_context& ctx, const star_refund_put& x) {
  auto p = payment_of(ctx, x.charge_id);
  if (!p)
    return refund_uncredited(ctx, x, std::move(p.error()));
  if (p->refunded)
    return p;
  auto added = ctx.sql.run({sql::star_refund_insert.name,
                            {param(x.charge_id), param(x.requested_by)}});
  if (added.empty()) {
    // Refunded by another caller since the read: said as before.
    p->refunded = true;
    return p;
  }
  ctx.sql.run({sql::star_sub_end.name, {param(p->user_id)}});
  // `refunded` false tells the caller this call made the refund.
  return p;
}

} // namespace bridge::storage
