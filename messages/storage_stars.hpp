// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <caf/meta/type_name.hpp>

/// Paying with Telegram Stars: a manager's order (its payload travels in
/// the invoice), the check a pre-checkout query gets, the crediting of a
/// successful payment exactly once per charge, and refunds.
namespace bridge {

/// What a payment or a checkout was judged; `ok` lets it through.
enum class star_verdict : uint8_t {
  ok,
  /// No order has that payload.
  unknown_order,
  /// The order is another user's.
  other_user,
  /// The order was paid or canceled (a renewal may still be credited).
  not_open,
  wrong_currency,
  wrong_amount,
  /// The charge was credited before: nothing was done again.
  duplicate,
};

const char* to_string(star_verdict x);

/// An order a manager was offered.
struct star_order {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string payload;
  int64_t stars = 0;
  int64_t period_s = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, star_order& x) {
  return f(caf::meta::type_name("star_order"), x.id, x.user_id, x.payload,
           x.stars, x.period_s);
}

/// Opens an order of `stars` for `period_s` seconds; the database picks
/// its unique payload.
struct star_order_open {
  using result = star_order;
  int64_t user_id = 0;
  int64_t stars = 0;
  int64_t period_s = 0;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, star_order_open& x) {
  return f(caf::meta::type_name("star_order_open"), x.user_id, x.stars,
           x.period_s, x.timeout_ms);
}

/// What a checkout or a payment was judged, and for a payment what it did.
struct star_outcome {
  star_verdict verdict = star_verdict::ok;
  int64_t order_id = 0;
  /// The subscription's end after the payment (0 when none).
  int64_t expires_at_ms = 0;
  /// A payment that credits nothing was stored before with this verdict
  /// (a redelivery): nothing was stored again.
  bool repeated = false;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, star_outcome& x) {
  return f(caf::meta::type_name("star_outcome"), x.verdict, x.order_id,
           x.expires_at_ms, x.repeated);
}

/// Judges a pre-checkout query: is `payload` an open order of `user_id`
/// for `stars` in `currency`? A refusal is stored (star_rejections) in
/// the same transaction, once per `query_id`.
struct star_checkout {
  using result = star_outcome;
  int64_t user_id = 0;
  std::string payload;
  std::string currency;
  int64_t stars = 0;
  int64_t timeout_ms = 0;
  /// The pre_checkout_query id (last, so that older initializers keep
  /// their meaning); empty stores a refusal without one.
  std::string query_id;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, star_checkout& x) {
  return f(caf::meta::type_name("star_checkout"), x.user_id, x.payload,
           x.currency, x.stars, x.timeout_ms, x.query_id);
}

/// Credits a successful_payment in one transaction: the payment row
/// (keyed by the charge id), the order marked paid and the subscription
/// extended to `expires_at_ms`, or nothing at all. A charge seen before
/// answers `duplicate` and changes nothing, however often it comes. A
/// payment that credits nothing is stored in star_rejections, once per
/// charge id (`repeated` on the later deliveries), for an operator.
struct star_credit {
  using result = star_outcome;
  int64_t user_id = 0;
  std::string charge_id;
  std::string payload;
  std::string currency;
  int64_t stars = 0;
  /// subscription_expiration_date in ms; 0 for a one-time payment.
  int64_t expires_at_ms = 0;
  /// is_recurring and not is_first_recurring.
  bool renewal = false;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, star_credit& x) {
  return f(caf::meta::type_name("star_credit"), x.user_id, x.charge_id,
           x.payload, x.currency, x.stars, x.expires_at_ms, x.renewal,
           x.timeout_ms);
}

/// A stored payment, as a refund needs it.
struct star_payment {
  std::string charge_id;
  int64_t order_id = 0;
  int64_t user_id = 0;
  int64_t stars = 0;
  int64_t expires_at_ms = 0;
  bool refunded = false;
  /// The charge that started the subscription this payment paid for (the
  /// id Telegram's editUserStarSubscription takes); empty for a payment
  /// Telegram sent without a subscription end (a one-time payment).
  std::string subscription_charge_id;
  /// False for a payment that credited nothing (star_rejections; its
  /// `order_id` is 0): its refund ends no subscription.
  bool credited = true;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, star_payment& x) {
  return f(caf::meta::type_name("star_payment"), x.charge_id, x.order_id,
           x.user_id, x.stars, x.expires_at_ms, x.refunded,
           x.subscription_charge_id, x.credited);
}

/// The payment with that charge id, credited or not; `not_found` when
/// there is none.
struct star_payment_get {
  using result = star_payment;
  std::string charge_id;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, star_payment_get& x) {
  return f(caf::meta::type_name("star_payment_get"), x.charge_id, x.timeout_ms);
}

/// Records a refund Telegram made and ends the subscription the payment
/// paid for, in one transaction (an uncredited payment's refund is marked
/// on its star_rejections row and ends nothing). A charge refunded before
/// answers `refunded` already set and changes nothing (`conflict`-free, so the
/// caller tells the operator); `not_found` for an unknown charge.
struct star_refund_put {
  using result = star_payment;
  std::string charge_id;
  std::string requested_by;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, star_refund_put& x) {
  return f(caf::meta::type_name("star_refund_put"), x.charge_id, x.requested_by,
           x.timeout_ms);
}

// -- Stars events that credited nothing -------------------------------------

/// A refused pre-checkout query or an uncredited successful_payment.
struct star_rejection {
  int64_t id = 0;
  /// "checkout" or "payment".
  std::string kind;
  std::string verdict;
  int64_t user_id = 0;
  std::string payload;
  std::string currency;
  int64_t amount = 0;
  /// A payment's charge id; empty for a checkout.
  std::string charge_id;
  /// A checkout's query id; empty for a payment (or when not known).
  std::string query_id;
  int64_t expires_at_ms = 0;
  int64_t created_at_ms = 0;
  /// 0 while not refunded.
  int64_t refunded_at_ms = 0;
  std::string refunded_by;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, star_rejection& x) {
  return f(caf::meta::type_name("star_rejection"), x.id, x.kind, x.verdict,
           x.user_id, x.payload, x.currency, x.amount, x.charge_id, x.query_id,
           x.expires_at_ms, x.created_at_ms, x.refunded_at_ms, x.refunded_by);
}

/// A page of rejections, newest first.
struct star_rejection_page {
  std::vector<star_rejection> rows;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, star_rejection_page& x) {
  return f(caf::meta::type_name("star_rejection_page"), x.rows);
}

/// Up to `limit` rejections with an id below `before_id` (0: from the
/// newest), newest first; `kind` empty for both kinds. Reads only.
struct star_rejection_list {
  using result = star_rejection_page;
  std::string kind;
  int64_t before_id = 0;
  int64_t limit = 50;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, star_rejection_list& x) {
  return f(caf::meta::type_name("star_rejection_list"), x.kind, x.before_id,
           x.limit, x.timeout_ms);
}

} // namespace bridge
