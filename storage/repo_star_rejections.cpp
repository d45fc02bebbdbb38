// SPDX-License-Identifier: Apache-2.0
// Stars events that credited nothing. Each is written by the request that
// judged it, in its transaction: a refused checkout with its check, an
// uncredited payment with the crediting that refused it. Unique indexes on
// the charge id and the query id make a redelivery store nothing twice.

#include "storage/repo_star_rejections.hpp"

#include "common/error.hpp"
#include "storage/validate.hpp"

namespace bridge::storage {

namespace sql {

constexpr sql_def star_reject_checkout{"star_reject_checkout", R"(
INSERT INTO star_rejections (kind, verdict, user_id, payload, currency,
                             amount, query_id)
VALUES ('checkout', $1, $2, $3, $4, $5, NULLIF($6, ''))
ON CONFLICT (query_id) WHERE query_id IS NOT NULL DO NOTHING)"};

constexpr sql_def star_reject_seen{"star_reject_seen", R"(
SELECT verdict FROM star_rejections WHERE charge_id = $1)"};

// Two deliveries of one charge with no order to lock race here: the
// second waits for the first's row, then stores nothing.
constexpr sql_def star_reject_payment{"star_reject_payment", R"(
INSERT INTO star_rejections (kind, verdict, user_id, payload, currency,
                             amount, charge_id, expires_at, renewal)
VALUES ('payment', $1, $2, $3, $4, $5, $6,
        CASE WHEN $7::bigint > 0 THEN to_timestamp($7::bigint / 1000.0) END,
        $8)
ON CONFLICT (charge_id) WHERE charge_id IS NOT NULL DO NOTHING
RETURNING id)"};

// The subscription an uncredited first payment started is named by its
// own charge; its renewals name the first charge of the same payload.
constexpr sql_def star_reject_payment_get{"star_reject_payment_get", R"(
SELECT p.charge_id, p.user_id, p.amount,
       COALESCE(epoch_ms(p.expires_at), 0), p.refunded_at IS NOT NULL,
       CASE WHEN p.expires_at IS NULL THEN ''
            ELSE COALESCE((SELECT f.charge_id FROM star_rejections f
                           WHERE f.kind = 'payment'
                             AND f.user_id = p.user_id
                             AND f.payload = p.payload
                             AND f.expires_at IS NOT NULL
                           ORDER BY f.renewal, f.created_at, f.id
                           LIMIT 1), p.charge_id) END
FROM star_rejections p
WHERE p.charge_id = $1)"};

constexpr sql_def star_reject_refunded{"star_reject_refunded", R"(
UPDATE star_rejections SET refunded_at = now(), refunded_by = $2
WHERE charge_id = $1 AND refunded_at IS NULL
RETURNING id)"};

// Newest first; $1 = 0 starts from the newest, $3 = '' takes both kinds.
constexpr sql_def star_reject_list{"star_reject_list", R"(
SELECT id, kind, verdict, user_id, payload, currency, amount,
       COALESCE(charge_id, ''), COALESCE(query_id, ''),
       COALESCE(epoch_ms(expires_at), 0), epoch_ms(created_at),
       COALESCE(epoch_ms(refunded_at), 0), COALESCE(refunded_by, '')
FROM star_rejections
WHERE ($1::bigint = 0 OR id < $1::bigint)
  AND ($3::text = '' OR kind = $3::text)
ORDER BY id DESC
LIMIT $2)"};

} // namespace sql

const std::vector<sql_def>& star_rejection_statements() {
  static const std::vector<sql_def> defs{
      sql::star_reject_checkout, sql::star_reject_seen,
      sql::star_reject_payment,  sql::star_reject_payment_get,
      sql::star_reject_refunded, sql::star_reject_list,
  };
  return defs;
}

star_verdict verdict_from(std::string_view text) {
  for (auto v : {star_verdict::other_user, star_verdict::not_open,
                 star_verdict::wrong_currency, star_verdict::wrong_amount})
    if (text == to_string(v))
      return v;
  return star_verdict::unknown_order;
}

void record_refused_checkout(op_context& ctx, const star_checkout& x,
                             star_verdict verdict) {
  ctx.sql.run({sql::star_reject_checkout.name,
               {param(to_string(verdict)), param(x.user_id), param(x.payload),
                param(x.currency), param(x.stars), param(x.query_id)}});
}

std::optional<star_verdict> rejected_before(op_context& ctx,
                                            const std::string& charge_id) {
  auto rs = ctx.sql.run({sql::star_reject_seen.name, {param(charge_id)}});
  if (rs.empty())
    return std::nullopt;
  return verdict_from(text_at(rs.front(), 0));
}

bool record_uncredited(op_context& ctx, const star_credit& x,
                       star_verdict verdict) {
  auto rs = ctx.sql.run(
      {sql::star_reject_payment.name,
       {param(to_string(verdict)), param(x.user_id), param(x.payload),
        param(x.currency), param(x.stars), param(x.charge_id),
        param(x.expires_at_ms), param(x.renewal)}});
  return !rs.empty();
}

std::optional<star_payment> uncredited_payment(op_context& ctx,
                                               const std::string& charge_id) {
  auto rs =
      ctx.sql.run({sql::star_reject_payment_get.name, {param(charge_id)}});
  if (rs.empty())
    return std::nullopt;
  auto& r = rs.front();
  expect_width(r, 6, "uncredited payment");
  star_payment p;
  p.charge_id = text_at(r, 0);
  p.user_id = int_at(r, 1);
  p.stars = int_at(r, 2);
  p.expires_at_ms = int_at(r, 3);
  p.refunded = bool_at(r, 4);
  p.subscription_charge_id = text_at(r, 5);
  p.credited = false;
  return p;
}

bool mark_uncredited_refunded(op_context& ctx, const std::string& charge_id,
                              const std::string& requested_by) {
  return !ctx.sql
              .run({sql::star_reject_refunded.name,
                    {param(charge_id), param(requested_by)}})
              .empty();
}

caf::error check(const star_rejection_list& x) {
  if (x.before_id < 0)
    return make_error(engine_errc::invalid_input, "negative before_id");
  if (!x.kind.empty() && x.kind != "checkout" && x.kind != "payment")
    return make_error(engine_errc::invalid_input,
                      "kind is checkout, payment or empty");
  return check_limit(x.limit);
}

star_rejection_page execute(op_context& ctx, const star_rejection_list& x) {
  star_rejection_page out;
  for (auto& r :
       ctx.sql.run({sql::star_reject_list.name,
                    {param(x.before_id), param(x.limit), param(x.kind)}})) {
    expect_width(r, 13, "star rejection row");
    out.rows.push_back({int_at(r, 0), text_at(r, 1), text_at(r, 2),
                        int_at(r, 3), text_at(r, 4), text_at(r, 5),
                        int_at(r, 6), text_at(r, 7), text_at(r, 8),
                        int_at(r, 9), int_at(r, 10), int_at(r, 11),
                        text_at(r, 12)});
  }
  return out;
}

} // namespace bridge::storage
