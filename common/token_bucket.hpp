// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>

namespace bridge {

/// A token bucket: `rate` tokens per second, at most `burst` stored. Time is
/// passed in, never read, so tests drive it with a simulated clock.
class token_bucket {
public:
  using clock = std::chrono::steady_clock;
  using time_point = clock::time_point;

  token_bucket(double rate_per_second, double burst, time_point now)
      : rate_(rate_per_second), burst_(burst), tokens_(burst), last_(now) {}

  /// Takes `n` tokens if there are enough at `now`.
  bool try_take(time_point now, double n = 1.0) {
    if (now < last_) // paused
      return false;
    refill(now);
    if (tokens_ + epsilon < n)
      return false;
    tokens_ -= n;
    return true;
  }

  /// The earliest time at which `n` tokens will be available (`now` if they
  /// already are). `n` larger than the burst can never be satisfied at
  /// once; the answer is then the time the bucket is full.
  time_point ready_at(time_point now, double n = 1.0) {
    auto from = std::max(now, last_);
    refill(from);
    auto need = std::min(n, burst_) - tokens_;
    if (need <= epsilon)
      return from;
    // Rounded up, so that at the answer the tokens are really there.
    return from
           + std::chrono::ceil<clock::duration>(
               std::chrono::duration<double>(need / rate_));
  }

  /// Takes nothing until `until` (a server said "retry after"); from then
  /// on one call may go, and the bucket refills as usual.
  void pause_until(time_point until) {
    if (until <= last_)
      return;
    tokens_ = std::min(burst_, 1.0);
    last_ = until;
  }

  /// Gives back `n` tokens (a request that was never made).
  void refund(double n = 1.0) { tokens_ = std::min(burst_, tokens_ + n); }

  double tokens(time_point now) {
    refill(now);
    return tokens_;
  }

  double rate() const { return rate_; }
  double burst() const { return burst_; }

  void reconfigure(double rate_per_second, double burst, time_point now) {
    refill(now);
    rate_ = rate_per_second;
    burst_ = burst;
    tokens_ = std::min(tokens_, burst_);
  }

private:
  /// Slack for floating-point rounding; far below one token.
  static constexpr double epsilon = 1e-9;

  void refill(time_point now) {
    if (now <= last_)
      return;
    std::chrono::duration<double> dt = now - last_;
    tokens_ = std::min(burst_, tokens_ + dt.count() * rate_);
    last_ = now;
  }

  double rate_;
  double burst_;
  double tokens_;
  time_point last_;
};

} // namespace bridge
