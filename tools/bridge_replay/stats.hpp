// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <vector>

#include "tools/bridge_replay/checker.hpp"

namespace bridge::replay {

/// Latency percentiles of a set of samples, in milliseconds, by the
/// nearest rank (`bridge::percentile`).
struct latency_summary {
  int64_t count = 0;
  int64_t p50 = 0;
  int64_t p95 = 0;
  int64_t p99 = 0;
  int64_t max = 0;
  double mean = 0;
};

/// The summary of any figures in milliseconds (send lags); all zero when
/// there are none.
latency_summary summarize_values(std::vector<int64_t> values);

/// The summary of every sample's latency; all zero when there are none.
latency_summary summarize(const std::vector<latency_sample>& samples);

/// The summary of the messages due at or after `sent_from_ms` (unix ms;
/// arrival minus latency): the steady part of a run, without the first
/// messages of every conversation, which start actors and load them from
/// the database.
latency_summary summarize_sent_from(const std::vector<latency_sample>& samples,
                                    int64_t sent_from_ms);

/// The same messages' latency from their actual send, not their due time.
latency_summary summarize_from_send(const std::vector<latency_sample>& samples,
                                    int64_t sent_from_ms);

/// One second of a run, for the plot.
struct second_stats {
  /// Seconds since the run's start.
  int64_t second = 0;
  int64_t sent = 0;
  int64_t delivered = 0;
  latency_summary latency;
};

/// Buckets deliveries (by arrival) and sends (`sent_ms`, unix ms) into
/// whole seconds from `start_ms`; every second up to the last is present.
std::vector<second_stats> per_second(const std::vector<latency_sample>& samples,
                                     const std::vector<int64_t>& sent_ms,
                                     int64_t start_ms);

} // namespace bridge::replay
