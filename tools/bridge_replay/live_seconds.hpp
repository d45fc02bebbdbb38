// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <ostream>
#include <vector>

#include "common/clock.hpp"
#include "tools/bridge_replay/checker.hpp"

namespace bridge::replay {

/// The columns of the live per-second CSV, as report.json's per_second.
inline constexpr const char* per_second_columns =
    "second,sent,delivered,p50_ms,p99_ms,max_ms";

/// Writes each second's figures (sent, delivered, latency p50/p99/max) as
/// one CSV line soon after the second ends, flushed, so a run killed
/// midway keeps what it measured. A second is written `grace_ms` after it
/// ends, time for the event feed to bring its deliveries in; one that
/// arrives later still is counted in `late()` and in report.json only.
/// Not thread-safe: the runner calls it under its lock.
class per_second_writer {
public:
  /// Writes the header. `start_ms` (unix ms) is second 0's start.
  per_second_writer(std::ostream& out, bridge::clock clk, int64_t start_ms,
                    int64_t grace_ms = 1'000);

  /// Takes what `samples` and `sent_ms` gained since the last call (both
  /// only grow), then writes every second over for `grace_ms` by the clock.
  void update(const std::vector<latency_sample>& samples,
              const std::vector<int64_t>& sent_ms);

  /// Writes every second still open, the last included: the run is over.
  void finish();

  /// Deliveries and sends that came in after their second was written.
  int64_t late() const { return late_; }

private:
  struct bucket {
    int64_t sent = 0;
    std::vector<int64_t> latencies;
  };

  /// The bucket of the second holding `ms`, or null (counted late) when
  /// that second is written already.
  bucket* bucket_of(int64_t ms);

  /// Writes seconds from `next_` up to, not including, `until`.
  void write_until(int64_t until);

  std::ostream& out_;
  bridge::clock clock_;
  int64_t start_ms_;
  int64_t grace_ms_;
  size_t samples_seen_ = 0;
  size_t sent_seen_ = 0;
  /// The first second not yet written.
  int64_t next_ = 0;
  std::map<int64_t, bucket> open_;
  int64_t late_ = 0;
};

} // namespace bridge::replay
