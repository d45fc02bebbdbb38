// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>

namespace bridge {

/// Milliseconds since the Unix epoch, from the system clock.
int64_t system_wall_ms();

/// Nanoseconds of the steady clock (for durations, never shown to users).
int64_t system_steady_ns();

/// The engine's one clock type: wall time (what users and the database
/// see, in ms since the epoch) and steady time (for durations, in ns).
/// Logic and actors take a `clock` and never read time themselves, so a
/// test sets both functions and runs on virtual time. Default-constructed
/// it reads the system's clocks.
struct clock {
  std::function<int64_t()> wall_ms = system_wall_ms;
  std::function<int64_t()> steady_ns = system_steady_ns;

  /// A clock whose both readings come from `now_ms` (steady time in ns
  /// follows wall time): for tests that move one virtual time.
  static clock fixed(std::function<int64_t()> now_ms);
};

} // namespace bridge
