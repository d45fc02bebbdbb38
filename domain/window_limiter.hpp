// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>

namespace bridge::domain {

/// At most `limit` events in any window of length `window` (a sliding log;
/// fine for small limits such as 5 wrong codes per 10 minutes or 30
/// updates per minute). Time is passed in.
class window_limiter {
public:
  using clock = std::chrono::steady_clock;

  window_limiter(size_t limit, clock::duration window)
      : limit_(limit), window_(window) {}

  /// Records an event at `now` if the limit allows it.
  bool try_record(clock::time_point now) {
    expire(now);
    if (events_.size() >= limit_)
      return false;
    events_.push_back(now);
    return true;
  }

  /// True when one more event at `now` would be refused.
  bool exhausted(clock::time_point now) {
    expire(now);
    return events_.size() >= limit_;
  }

  /// When the next event will be allowed (now if it already is).
  clock::time_point next_allowed(clock::time_point now) {
    expire(now);
    if (events_.size() < limit_)
      return now;
    return events_.front() + window_;
  }

  void clear() { events_.clear(); }

private:
  void expire(clock::time_point now) {
    while (!events_.empty() && events_.front() + window_ <= now)
      events_.pop_front();
  }

  size_t limit_;
  clock::duration window_;
  std::deque<clock::time_point> events_;
};

} // namespace bridge::domain
