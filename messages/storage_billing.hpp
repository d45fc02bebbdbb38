// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

#include <caf/meta/type_name.hpp>

#include "messages/storage_common.hpp"

/// What a user pays for and what a manager uses: subscriptions, which lift
/// the free daily limit, and the daily message counts held against it.
namespace bridge {

// -- subscriptions
// --------------------------------------------------------------

enum class subscription_status : uint8_t {
  /// Never subscribed.
  none,
  active,
  canceled,
};

const char* to_string(subscription_status x);

/// A user's subscription. An `active` one counts only until `expires_at_ms`.
struct subscription {
  int64_t user_id = 0;
  subscription_status status = subscription_status::none;
  int64_t expires_at_ms = 0;
  int64_t updated_at_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, subscription& x) {
  return f(caf::meta::type_name("subscription"), x.user_id, x.status,
           x.expires_at_ms, x.updated_at_ms);
}

/// True when `s` grants paid use at `now_ms`.
inline bool is_active(const subscription& s, int64_t now_ms) {
  return s.status == subscription_status::active && s.expires_at_ms > now_ms;
}

/// A user's subscription; status `none` when there is no row.
struct sub_get {
  using result = subscription;
  int64_t user_id = 0;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, sub_get& x) {
  return f(caf::meta::type_name("sub_get"), x.user_id, x.timeout_ms);
}

/// Makes a subscription active until `expires_at_ms`.
struct sub_set {
  using result = subscription;
  int64_t user_id = 0;
  int64_t expires_at_ms = 0;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, sub_set& x) {
  return f(caf::meta::type_name("sub_set"), x.user_id, x.expires_at_ms,
           x.timeout_ms);
}

/// Cancels a subscription (the row stays, status `canceled`).
struct sub_clear {
  using result = subscription;
  int64_t user_id = 0;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, sub_clear& x) {
  return f(caf::meta::type_name("sub_clear"), x.user_id, x.timeout_ms);
}

// -- daily usage
// ----------------------------------------------------------------

/// A manager's message count on one day.
struct usage_count {
  int64_t manager_id = 0;
  /// The day as yyyymmdd (20240131); the caller picks the time zone.
  int64_t day = 0;
  int64_t count = 0;
  /// `usage_incr` only: whether anything was counted (under the limit).
  bool granted = false;
  /// `usage_incr` only: how many messages were counted (0 when refused).
  int64_t counted = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, usage_count& x) {
  return f(caf::meta::type_name("usage_count"), x.manager_id, x.day, x.count,
           x.granted, x.counted);
}

/// Counts `lease` messages (1 to 1000) for a manager on `day` when all of
/// them fit under `limit` (negative: no limit), else one when one fits.
/// Check and increment are one statement each, so concurrent senders
/// never exceed the limit. A session leases several at a time and sends
/// them without asking again (see `domain::allowance_lease`).
struct usage_incr {
  using result = usage_count;
  int64_t manager_id = 0;
  int64_t day = 0;
  int64_t limit = -1;
  int64_t timeout_ms = 0;
  int64_t lease = 1;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, usage_incr& x) {
  return f(caf::meta::type_name("usage_incr"), x.manager_id, x.day, x.limit,
           x.timeout_ms, x.lease);
}

/// Gives back `count` (1 to 1000) messages counted by `usage_incr` but
/// never sent (a session stopped holding them); the count never goes
/// below zero. Not idempotent: the pool never retries it, so a lost
/// give-back leaves the manager fewer messages, never more.
struct usage_release {
  using result = db_count;
  int64_t manager_id = 0;
  int64_t day = 0;
  int64_t count = 0;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, usage_release& x) {
  return f(caf::meta::type_name("usage_release"), x.manager_id, x.day, x.count,
           x.timeout_ms);
}

/// A manager's count on `day` (0 when nothing was counted).
struct usage_get {
  using result = usage_count;
  int64_t manager_id = 0;
  int64_t day = 0;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, usage_get& x) {
  return f(caf::meta::type_name("usage_get"), x.manager_id, x.day,
           x.timeout_ms);
}

} // namespace bridge
