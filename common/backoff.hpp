// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <random>

namespace bridge {

/// Exponential backoff with full jitter: attempt n waits a uniformly random
/// time in [0, min(base * 2^n, cap)]. Pure; the caller owns the random
/// source, so tests pass a seeded one.
class backoff_policy {
public:
  using duration = std::chrono::milliseconds;

  backoff_policy(duration base, duration cap) : base_(base), cap_(cap) {}

  /// Upper bound of the wait before attempt `attempt` (0-based).
  duration ceiling(uint32_t attempt) const {
    auto shift = std::min<uint32_t>(attempt, 30);
    auto grown = base_.count() * (int64_t{1} << shift);
    return duration{std::min<int64_t>(grown, cap_.count())};
  }

  /// A jittered wait for attempt `attempt`.
  template <class Rng> duration delay(uint32_t attempt, Rng& rng) const {
    auto hi = ceiling(attempt).count();
    std::uniform_int_distribution<int64_t> dist{0, hi};
    return duration{dist(rng)};
  }

  duration base() const { return base_; }
  duration cap() const { return cap_; }

private:
  duration base_;
  duration cap_;
};

/// Retry bookkeeping of one failing activity (a poller, a connection):
/// how many attempts failed in a row and how long to wait next.
class retry_state {
public:
  explicit retry_state(backoff_policy policy) : policy_(policy) {}

  /// Records a failure and returns how long to wait before trying again.
  template <class Rng> backoff_policy::duration failed(Rng& rng) {
    return policy_.delay(failures_++, rng);
  }

  /// Records a success: the next failure starts from the base again.
  void succeeded() { failures_ = 0; }

  uint32_t failures() const { return failures_; }

private:
  backoff_policy policy_;
  uint32_t failures_ = 0;
};

} // namespace bridge
