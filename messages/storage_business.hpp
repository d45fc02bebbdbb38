// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <caf/meta/type_name.hpp>

#include "messages/storage_common.hpp"

/// Business figures for operators: who uses the bot, which teams are
/// active, who pays and what Stars came in and went back. Each figure is
/// defined where it is computed (storage/repo_business.cpp) and in the
/// README's operator section.
namespace bridge {

/// Users of one role and language (`language` empty: not chosen yet).
struct business_users_row {
  std::string role;
  std::string language;
  int64_t users = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, business_users_row& x) {
  return f(caf::meta::type_name("business_users_row"), x.role, x.language,
           x.users);
}

/// Stars that came in or went back in a window, and how many payments.
struct business_stars {
  int64_t payments = 0;
  int64_t stars = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, business_stars& x) {
  return f(caf::meta::type_name("business_stars"), x.payments, x.stars);
}

/// The figures, as of `now_ms`.
struct business_figures {
  int64_t now_ms = 0;
  /// Every (role, language) that has users, by role then language.
  std::vector<business_users_row> users;
  /// Teams whose manager wrote in the last 7 and 30 UTC days.
  int64_t active_teams_7d = 0;
  int64_t active_teams_30d = 0;
  /// Managers with a subscription running now, and of them those whose
  /// time a Stars payment (not refunded) still covers; the others were
  /// given their time through the admin API.
  int64_t paying_managers = 0;
  int64_t paying_managers_stars = 0;
  /// Over the last 30 days: payments received (refunded ones included),
  /// refunds made, and the renewals among the payments.
  business_stars stars_taken_30d;
  business_stars stars_refunded_30d;
  business_stars renewals_30d;
  /// Subscriptions that ended (ran out or were canceled) in the last 30
  /// days and have not been taken up again.
  int64_t churned_30d = 0;
  /// Stars events that credited nothing: successful payments no order
  /// explained over the last 30 days (with their Stars), those of any age
  /// not refunded yet, and pre-checkout queries refused over 30 days.
  business_stars uncredited_30d;
  int64_t uncredited_unrefunded = 0;
  int64_t refused_checkouts_30d = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, business_figures& x) {
  return f(caf::meta::type_name("business_figures"), x.now_ms, x.users,
           x.active_teams_7d, x.active_teams_30d, x.paying_managers,
           x.paying_managers_stars, x.stars_taken_30d, x.stars_refunded_30d,
           x.renewals_30d, x.churned_30d, x.uncredited_30d,
           x.uncredited_unrefunded, x.refused_checkouts_30d);
}

/// Reads the business figures as of `now_ms` (the caller's clock, so the
/// windows are the caller's: tests pass a fixed time). Read only.
struct business_get {
  using result = business_figures;
  int64_t now_ms = 0;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, business_get& x) {
  return f(caf::meta::type_name("business_get"), x.now_ms, x.timeout_ms);
}

/// Notes that `manager_id` wrote to a worker on `day` (yyyymmdd, UTC):
/// the newest such day per manager is what "active teams" counts. A
/// session sends it once a day, not once a message; an older day than
/// the one stored changes nothing. Answers 1 when the day moved on.
struct team_active {
  using result = db_count;
  int64_t manager_id = 0;
  int64_t day = 0;
  int64_t timeout_ms = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, team_active& x) {
  return f(caf::meta::type_name("team_active"), x.manager_id, x.day,
           x.timeout_ms);
}

} // namespace bridge
