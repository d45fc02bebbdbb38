// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <chrono>
#include <optional>

namespace bridge::domain {

/// When an actor that stops after `timeout` without work should look
/// again. The actor stamps its activity (`touch`) and keeps one timer
/// armed at a time; when it fires, `check` says either that the actor has
/// been idle long enough or how long to wait before looking again.
///
/// DESIGN: a receive timeout (`caf::after`) is re-armed by every message,
/// an insert and an erase in CAF's clock each; this costs one clock read
/// per message and one timer per `timeout` per actor. An actor still
/// stops `timeout` after its last activity. Time is passed in.
class idle_timer {
public:
  using clock = std::chrono::steady_clock;

  /// A `timeout` below one millisecond is one millisecond.
  explicit idle_timer(clock::duration timeout)
      : timeout_(
          std::max<clock::duration>(timeout, std::chrono::milliseconds{1})) {}

  /// Something happened at `now`.
  void touch(clock::time_point now) { last_ = now; }

  /// At a timer: nothing when idle for `timeout` or longer (stop now),
  /// else the time left until then. A `now` before the last activity (an
  /// injected clock going back) waits a whole `timeout`.
  std::optional<clock::duration> check(clock::time_point now) const {
    if (now < last_)
      return timeout_;
    auto idle = now - last_;
    if (idle >= timeout_)
      return std::nullopt;
    return timeout_ - idle;
  }

  clock::duration timeout() const { return timeout_; }

private:
  clock::duration timeout_;
  clock::time_point last_{};
};

} // namespace bridge::domain
