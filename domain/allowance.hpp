// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>

namespace bridge::domain {

/// Messages charged to a manager's day in PostgreSQL but not sent yet.
struct leftover {
  /// The day as yyyymmdd; 0 with `count` 0 when nothing is left.
  int64_t day = 0;
  int64_t count = 0;
};

/// A manager's free daily allowance as a session spends it: PostgreSQL
/// charges messages in leases of up to `lease` at a time (check and
/// charge in one statement, never past the limit), and the session sends
/// from the lease it holds without a round trip. When half a lease is
/// left a refill is asked for in the background, so a steady writer
/// never waits; only the first message of a day (or after a rebuild)
/// and a writer faster than one round trip per half lease wait for one.
///
/// DESIGN, the guarantee: every message sent was charged before, so no
/// message beyond the limit passes, crash or not. What a session holds
/// unused is given back when it stops idle, on /reset, when the day turns
/// and when the engine drains; a crash (or a drain past its deadline)
/// loses it instead, so a manager can lose at most `2 * lease` of that
/// day's free messages (one lease in hand, one in flight), never gain
/// any.
///
/// Days are passed in (yyyymmdd), so no clock is read here.
class allowance_lease {
public:
  /// `lease` below 1 is taken as 1; a negative `limit` means no limit.
  allowance_lease(int64_t lease, int64_t limit);

  /// Moves to `day`. What was held for another day is handed back, to
  /// give back to PostgreSQL; a day going backwards (a clock step) is a
  /// new day too.
  leftover move_to(int64_t day);

  /// Spends one held message of the current day; false when none is held
  /// (then ask for `want()` and wait for the answer).
  bool take();

  /// How many messages to ask PostgreSQL for: a lease, or what is left
  /// under the limit as last seen, and at least one.
  int64_t want() const;

  /// How many to ask for in the background now, 0 for none: when half a
  /// lease or less is held, no refill is in flight, and the last count
  /// seen was under the limit. A non-zero answer counts as asked.
  int64_t prefetch();

  /// PostgreSQL's answer for `day`: `counted` messages charged (0 when
  /// refused), `total` the day's count after. An answer for a day other
  /// than the current one is handed back, to give back. Negative figures
  /// (a broken answer) are taken as 0 charged and no count seen.
  leftover granted(int64_t day, int64_t counted, int64_t total,
                   bool background);

  /// A background ask that failed: nothing was charged that we know of.
  void prefetch_failed() { in_flight_ = false; }

  /// Gives up what is held (the session stops): hand it back.
  leftover release();

  int64_t held() const { return held_; }
  int64_t day() const { return day_; }
  bool refilling() const { return in_flight_; }

private:
  int64_t lease_;
  int64_t limit_;
  int64_t day_ = 0;
  int64_t held_ = 0;
  /// The day's count in PostgreSQL as last seen; -1 when unknown.
  int64_t seen_ = -1;
  bool in_flight_ = false;
};

} // namespace bridge::domain
