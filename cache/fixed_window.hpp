// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>

#include "messages/cache.hpp"

namespace bridge::cache {

/// Fixed-window counting: which window `now_ms` falls in and when it ends.
struct fixed_window {
  int64_t index = 0;
  int64_t ends_at_ms = 0;

  static fixed_window at(int64_t now_ms, int64_t window_ms) {
    window_ms = std::max<int64_t>(window_ms, 1);
    auto index = now_ms / window_ms;
    return {index, (index + 1) * window_ms};
  }
};

/// The verdict for the `count`-th event of a window.
inline rate_verdict judge(int64_t count, int64_t limit, const fixed_window& w,
                          int64_t now_ms) {
  bool allowed = count <= limit;
  return {allowed, count,
          allowed ? 0 : std::max<int64_t>(0, w.ends_at_ms - now_ms)};
}

/// The in-process stand-in for Redis's counters while Redis is down: the
/// same windows, counted per instance. Bounded: when full, counters of
/// past windows go first, then (if still full) everything, which can only
/// make the limit looser for a window, never refuse wrongly for long.
class local_limiter {
public:
  explicit local_limiter(size_t max_entries = 100000) : max_(max_entries) {}

  rate_verdict hit(const rate_hit& h, int64_t now_ms) {
    auto w = fixed_window::at(now_ms, h.window_ms);
    auto key = h.scope + ":" + std::to_string(h.subject);
    auto it = counts_.find(key);
    if (it == counts_.end()) {
      if (counts_.size() >= max_)
        evict(w.index);
      if (!h.count)
        return judge(1, h.limit, w, now_ms);
      it = counts_.emplace(std::move(key), slot{w.index, 0}).first;
    }
    if (it->second.window != w.index)
      it->second = slot{w.index, 0};
    if (!h.count) // a look: what one more event would meet
      return judge(it->second.count + 1, h.limit, w, now_ms);
    return judge(++it->second.count, h.limit, w, now_ms);
  }

  size_t size() const { return counts_.size(); }

private:
  struct slot {
    int64_t window;
    int64_t count;
  };

  void evict(int64_t current) {
    for (auto i = counts_.begin(); i != counts_.end();)
      i = i->second.window != current ? counts_.erase(i) : std::next(i);
    if (counts_.size() >= max_)
      counts_.clear();
  }

  size_t max_;
  std::unordered_map<std::string, slot> counts_;
};

} // namespace bridge::cache
