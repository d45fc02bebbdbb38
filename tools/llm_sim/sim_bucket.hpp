// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>

namespace bridge::llm_sim {

/// A rate limit as the Messages API describes its own: a bucket of
/// `limit` that refills continuously at `limit` per minute, full at
/// start. Pure: time is passed in.
class sim_bucket {
public:
  using clock = std::chrono::steady_clock;

  sim_bucket(double limit, clock::time_point now)
      : limit_(limit), level_(limit), last_(now) {}

  /// Takes `n` if there is that much at `now`.
  bool take(clock::time_point now, double n);

  /// What is left at `now`.
  double level(clock::time_point now);

  /// Time until `n` would be available (zero if it is).
  clock::duration wait_for(clock::time_point now, double n);

  /// Time until the bucket is full again.
  clock::duration until_full(clock::time_point now);

  double limit() const { return limit_; }

private:
  void refill(clock::time_point now);

  double limit_;
  double level_;
  clock::time_point last_;
};

} // namespace bridge::llm_sim
