// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <vector>

namespace bridge::translation {

/// Counts what was spent (requests, tokens) in a sliding window of time and
/// says whether more fits under a limit. Time is bucketed into slots; the
/// window always counts one slot more than the period, so any true window of
/// `period` ending now is covered and the limit holds in every window, not
/// only on average. Pure: time is passed in.
class sliding_window {
public:
  using clock = std::chrono::steady_clock;
  using time_point = clock::time_point;

  /// `limit` per `period`, counted in `slots` slots (at least 1).
  sliding_window(double limit, clock::duration period, uint32_t slots,
                 time_point origin);

  /// True when `amount` more can be spent at `now`.
  bool fits(time_point now, double amount);

  /// Records `amount` spent at `now` (whether or not it fit).
  void add(time_point now, double amount);

  /// The earliest time at which `amount` fits; `time_point::max()` when it
  /// is larger than the limit and never will.
  time_point ready_at(time_point now, double amount);

  /// What the counted slots hold at `now`.
  double used(time_point now);

  double limit() const { return limit_; }

  /// A new limit from now on (what was spent stays counted).
  void set_limit(double limit) { limit_ = limit; }

private:
  int64_t slot_of(time_point t) const;
  void advance(time_point now);

  double limit_;
  clock::duration slot_len_;
  time_point origin_;
  /// Ring of `slots + 1` counters; `head_` is the slot of the newest one.
  std::vector<double> ring_;
  int64_t head_ = 0;
  double total_ = 0;
};

} // namespace bridge::translation
