// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

namespace bridge::storage {

/// The pool's waiting room: bounded, with a deadline per call, one lane per
/// request type so that calls of one type can leave together as a batch.
/// Calls leave oldest first across lanes. Pure: time is passed in.
template <class T> class call_queue {
public:
  using time_point = std::chrono::steady_clock::time_point;

  /// One waiting call.
  struct entry {
    uint32_t kind = 0;
    size_t weight = 1;
    /// Arrival order, across lanes.
    uint64_t seq = 0;
    time_point enqueued;
    time_point deadline;
    T value;
  };

  call_queue(uint32_t kinds, size_t limit)
      : lanes_(kinds), weights_(kinds, 0), limit_(limit) {}

  /// Queues a call; false (and nothing queued) when the queue is full.
  bool push(uint32_t kind, size_t weight, time_point now, time_point deadline,
            T value) {
    if (size_ >= limit_ || kind >= lanes_.size())
      return false;
    lanes_[kind].push_back(
        entry{kind, weight, next_seq_++, now, deadline, std::move(value)});
    weights_[kind] += weight;
    ++size_;
    return true;
  }

  /// Puts calls that were taken back in arrival order, ahead of younger
  /// ones (a retry after a lost connection). They were admitted before, so
  /// the limit does not apply.
  void requeue(std::vector<entry> entries) {
    for (auto& e : entries) {
      auto& lane = lanes_.at(e.kind);
      auto pos = std::upper_bound(
          lane.begin(), lane.end(), e.seq,
          [](uint64_t s, const entry& x) { return s < x.seq; });
      weights_[e.kind] += e.weight;
      lane.insert(pos, std::move(e));
      ++size_;
    }
  }

  /// Takes the oldest call and, when `batchable(kind)`, the calls of its
  /// kind behind it while the weights stay within `max_weight` (the first
  /// call leaves even when it alone is heavier).
  template <class Pred>
  std::vector<entry> take(Pred batchable, size_t max_weight) {
    return take(batchable, max_weight, [](uint32_t) { return true; });
  }

  /// `take`, looking only at the lanes of kinds that `may_leave` allows
  /// now; the others keep waiting (and grow into larger batches).
  template <class Pred, class Allow>
  std::vector<entry> take(Pred batchable, size_t max_weight, Allow may_leave) {
    std::vector<entry> out;
    std::deque<entry>* oldest = nullptr;
    for (uint32_t kind = 0; kind < lanes_.size(); ++kind) {
      auto& lane = lanes_[kind];
      if (!lane.empty() && may_leave(kind)
          && (oldest == nullptr || lane.front().seq < oldest->front().seq))
        oldest = &lane;
    }
    if (oldest == nullptr)
      return out;
    auto kind = oldest->front().kind;
    return take_kind(kind, batchable(kind) ? max_weight : 0);
  }

  /// Takes the oldest calls of `kind` while their weights stay within
  /// `max_weight` (the first call leaves even when it alone is heavier;
  /// 0 takes the first alone); nothing when none waits.
  std::vector<entry> take_kind(uint32_t kind, size_t max_weight) {
    std::vector<entry> out;
    if (kind >= lanes_.size() || lanes_[kind].empty())
      return out;
    auto& lane = lanes_[kind];
    size_t weight = lane.front().weight;
    out.push_back(std::move(lane.front()));
    lane.pop_front();
    while (max_weight > 0 && !lane.empty()
           && weight + lane.front().weight <= max_weight) {
      weight += lane.front().weight;
      out.push_back(std::move(lane.front()));
      lane.pop_front();
    }
    size_ -= out.size();
    weights_[kind] -= weight;
    return out;
  }

  /// Whether a call of `kind` waits.
  bool waiting(uint32_t kind) const {
    return kind < lanes_.size() && !lanes_[kind].empty();
  }

  /// When the oldest call of `kind` waiting arrived.
  std::optional<time_point> oldest(uint32_t kind) const {
    if (kind >= lanes_.size() || lanes_[kind].empty())
      return std::nullopt;
    return lanes_[kind].front().enqueued;
  }

  /// The summed weight of the calls of `kind` waiting.
  size_t waiting_weight(uint32_t kind) const {
    return kind < weights_.size() ? weights_[kind] : 0;
  }

  /// Removes and returns every call whose deadline is at or before `now`.
  std::vector<entry> expire(time_point now) {
    std::vector<entry> out;
    for (auto& lane : lanes_) {
      auto keep = std::stable_partition(
          lane.begin(), lane.end(),
          [now](const entry& e) { return e.deadline > now; });
      for (auto i = keep; i != lane.end(); ++i) {
        weights_[i->kind] -= i->weight;
        out.push_back(std::move(*i));
      }
      lane.erase(keep, lane.end());
    }
    size_ -= out.size();
    return out;
  }

  /// The earliest deadline of a waiting call.
  std::optional<time_point> next_deadline() const {
    std::optional<time_point> out;
    for (auto& lane : lanes_)
      for (auto& e : lane)
        if (!out || e.deadline < *out)
          out = e.deadline;
    return out;
  }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  size_t limit() const { return limit_; }

private:
  std::vector<std::deque<entry>> lanes_;
  /// Summed weight per lane.
  std::vector<size_t> weights_;
  size_t size_ = 0;
  size_t limit_;
  uint64_t next_seq_ = 0;
};

} // namespace bridge::storage
