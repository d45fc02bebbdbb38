// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

/// Which partitions this engine owns, and under which lease epoch.
namespace bridge {

/// Written by the partition router alone (as the lease keeper tells it);
/// read by the intake, the sweeper and the drain from their own threads.
/// Epoch 0 means "not owned here": an acquired lease's epoch is at least 1.
class ownership {
public:
  explicit ownership(int32_t partitions)
      : n_(partitions), epochs_(std::make_unique<std::atomic<int64_t>[]>(
                            static_cast<size_t>(partitions))) {
    for (int32_t p = 0; p < n_; ++p)
      epochs_[static_cast<size_t>(p)] = 0;
  }

  int32_t partitions() const { return n_; }

  /// The epoch this engine holds `p` under, or 0.
  int64_t epoch(int32_t p) const {
    if (p < 0 || p >= n_)
      return 0;
    return epochs_[static_cast<size_t>(p)].load(std::memory_order_acquire);
  }

  bool owns(int32_t p) const { return epoch(p) > 0; }

  void set(int32_t p, int64_t epoch) {
    if (p >= 0 && p < n_)
      epochs_[static_cast<size_t>(p)].store(epoch, std::memory_order_release);
  }

  /// The partitions owned now, ascending.
  std::vector<int32_t> owned() const {
    std::vector<int32_t> out;
    for (int32_t p = 0; p < n_; ++p)
      if (owns(p))
        out.push_back(p);
    return out;
  }

  /// Whether every partition is owned here (one engine alone): a filter
  /// by partition would then only cost.
  bool owns_all() const {
    for (int32_t p = 0; p < n_; ++p)
      if (!owns(p))
        return false;
    return true;
  }

  /// The intake role (polling Telegram): held by one engine at a time.
  bool leads_intake() const { return intake_.load(std::memory_order_acquire); }
  void set_intake(bool leads) {
    intake_.store(leads, std::memory_order_release);
  }

private:
  int32_t n_;
  std::unique_ptr<std::atomic<int64_t>[]> epochs_;
  std::atomic<bool> intake_{false};
};

} // namespace bridge
