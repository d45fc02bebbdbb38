// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace bridge::tg_sim {

/// Where the simulator reads time. Send limits, webhook backoff and event
/// stamps all go through it, so tests drive them without sleeping.
class sim_clock {
public:
  using time_point = std::chrono::steady_clock::time_point;

  virtual ~sim_clock() = default;

  /// Monotonic time: token buckets and retry schedules.
  virtual time_point now() const = 0;

  /// Wall time in milliseconds since the epoch: message dates and event
  /// stamps, which humans and the engine read.
  virtual int64_t unix_ms() const = 0;
};

/// The real clocks.
class real_clock final : public sim_clock {
public:
  time_point now() const override { return std::chrono::steady_clock::now(); }

  int64_t unix_ms() const override {
    using namespace std::chrono;
    return duration_cast<milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

/// A clock that moves only when told to. Safe to advance from one thread
/// while the simulator reads it from others.
class manual_clock final : public sim_clock {
public:
  explicit manual_clock(int64_t start_unix_ms = 1'700'000'000'000)
      : offset_ns_(0), start_unix_ms_(start_unix_ms) {}

  time_point now() const override {
    return time_point{} + std::chrono::nanoseconds{offset_ns_.load()};
  }

  int64_t unix_ms() const override {
    return start_unix_ms_ + offset_ns_.load() / 1'000'000;
  }

  /// Moves both clocks forward by `d`.
  template <class Rep, class Period>
  void advance(std::chrono::duration<Rep, Period> d) {
    offset_ns_ +=
        std::chrono::duration_cast<std::chrono::nanoseconds>(d).count();
  }

private:
  std::atomic<int64_t> offset_ns_;
  int64_t start_unix_ms_;
};

} // namespace bridge::tg_sim
