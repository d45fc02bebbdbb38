// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>

namespace bridge::translation {

/// A circuit breaker: after `threshold` consecutive unhealthy answers it
/// opens and refuses calls for `cooldown`; then one probe is let through
/// (half-open). The probe's success closes it, its failure opens it again.
/// Pure: time is passed in.
class circuit_breaker {
public:
  using clock = std::chrono::steady_clock;
  using time_point = clock::time_point;

  enum class state { closed, open, half_open };

  circuit_breaker(uint32_t threshold, clock::duration cooldown)
      : threshold_(threshold < 1 ? 1 : threshold), cooldown_(cooldown) {}

  /// The state at `now` (an open breaker turns half-open by itself).
  state current(time_point now) const;

  /// Asks to make a call at `now`. Closed: yes. Open: no. Half-open: yes
  /// for the one probe, no while it is out.
  bool try_acquire(time_point now);

  /// The call answered in a way that says the backend works.
  void on_success();

  /// The call failed in a way that says the backend is unwell.
  void on_failure(time_point now);

  /// When an open breaker lets the next probe through.
  time_point reopens_at() const { return open_until_; }

  uint32_t consecutive_failures() const { return failures_; }
  uint64_t opens() const { return opens_; }

private:
  void trip(time_point now);

  uint32_t threshold_;
  clock::duration cooldown_;
  bool open_ = false;
  bool probing_ = false;
  time_point open_until_{};
  uint32_t failures_ = 0;
  uint64_t opens_ = 0;
};

/// "closed", "open" or "half_open".
const char* to_string(circuit_breaker::state s);

} // namespace bridge::translation
