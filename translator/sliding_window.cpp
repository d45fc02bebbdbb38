// SPDX-License-Identifier: Apache-2.0
#include "translator/sliding_window.hpp"

#include <algorithm>

namespace bridge::translation {

namespace {

/// Sums drift when doubles are added and removed for hours; comparisons
/// forgive this much.
constexpr double slack = 1e-6;

} // namespace

sliding_window::sliding_window(double limit, clock::duration period,
                               uint32_t slots, time_point origin)
    : limit_(limit),
      // Rounded up: the counted slots must span at least a whole period.
      slot_len_(std::max<clock::duration>(
          (period + clock::duration{std::max<uint32_t>(slots, 1) - 1})
              / std::max<uint32_t>(slots, 1),
          clock::duration{1})),
      origin_(origin), ring_(std::max<uint32_t>(slots, 1) + 1, 0.0) {}

int64_t sliding_window::slot_of(time_point t) const {
  if (t <= origin_)
    return 0;
  return (t - origin_) / slot_len_;
}

void sliding_window::advance(time_point now) {
  auto slot = slot_of(now);
  if (slot <= head_)
    return;
  auto n = static_cast<int64_t>(ring_.size());
  if (slot - head_ >= n) {
    std::fill(ring_.begin(), ring_.end(), 0.0);
    total_ = 0;
  } else {
    for (auto s = head_ + 1; s <= slot; ++s) {
      auto& cell = ring_[static_cast<size_t>(s % n)];
      total_ -= cell;
      cell = 0;
    }
    if (total_ < slack)
      total_ = 0;
  }
  head_ = slot;
}

bool sliding_window::fits(time_point now, double amount) {
  advance(now);
  return total_ + amount <= limit_ + slack;
}

void sliding_window::add(time_point now, double amount) {
  advance(now);
  auto n = static_cast<int64_t>(ring_.size());
  ring_[static_cast<size_t>(head_ % n)] += amount;
  total_ += amount;
}

sliding_window::time_point sliding_window::ready_at(time_point now,
                                                    double amount) {
  if (amount > limit_ + slack)
    return time_point::max();
  if (fits(now, amount))
    return now;
  // Walk from the oldest slot; each one leaves the window in turn.
  auto n = static_cast<int64_t>(ring_.size());
  auto need = total_ + amount - limit_;
  double freed = 0;
  for (auto s = head_ - n + 1; s <= head_; ++s) {
    if (s < 0)
      continue;
    freed += ring_[static_cast<size_t>(s % n)];
    if (freed + slack >= need)
      return origin_ + slot_len_ * (s + n);
  }
  return origin_ + slot_len_ * (head_ + n);
}

double sliding_window::used(time_point now) {
  advance(now);
  return total_;
}

} // namespace bridge::translation
