// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

namespace bridge {

/// Calls out to other actors that must be answered by a deadline, watched
/// by the caller's one coarse timer instead of a CAF request timeout each.
/// Each request timeout is an event for CAF's clock thread and, at its
/// deadline, a message to the caller, even when the answer came long
/// before: two wake-ups per call for nothing in the normal case. Pure; the
/// caller passes the time.
///
/// A call is `add`ed when it goes out and `take`n when its answer comes;
/// `expired` hands over the calls whose deadline passed, and a late answer
/// then finds nothing to take.
template <class Call, class Clock = std::chrono::steady_clock>
class call_watch {
public:
  using time_point = typename Clock::time_point;

  /// Watches `call` until `deadline`; the id its answer is taken by.
  uint64_t add(Call call, time_point deadline) {
    auto id = next_id_++;
    calls_.emplace(id, entry{std::move(call), deadline});
    return id;
  }

  /// The call answered now; nullopt when it expired already (or is not
  /// known), so its late answer must be dropped.
  std::optional<Call> take(uint64_t id) {
    auto it = calls_.find(id);
    if (it == calls_.end())
      return std::nullopt;
    auto call = std::move(it->second.call);
    calls_.erase(it);
    return call;
  }

  /// The calls whose deadline is at or before `now`, no longer watched,
  /// oldest first.
  std::vector<Call> expired(time_point now) {
    std::vector<std::pair<uint64_t, Call>> due;
    for (auto it = calls_.begin(); it != calls_.end();) {
      if (it->second.deadline <= now) {
        due.emplace_back(it->first, std::move(it->second.call));
        it = calls_.erase(it);
      } else {
        ++it;
      }
    }
    std::sort(due.begin(), due.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Call> out;
    out.reserve(due.size());
    for (auto& d : due)
      out.push_back(std::move(d.second));
    return out;
  }

  /// Whether the caller should start its timer now: calls are out and
  /// its timer is not running. `fired` when that timer goes off.
  bool arm() {
    if (armed_ || calls_.empty())
      return false;
    armed_ = true;
    return true;
  }

  void fired() { armed_ = false; }

  bool empty() const { return calls_.empty(); }
  size_t size() const { return calls_.size(); }

private:
  struct entry {
    Call call;
    time_point deadline;
  };

  std::unordered_map<uint64_t, entry> calls_;
  uint64_t next_id_ = 1;
  bool armed_ = false;
};

} // namespace bridge
