// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <prometheus/metric_family.h>

/// What the dashboard shows, computed from the same registry /metrics
/// serializes, so a figure on the page is a figure an operator can scrape.
/// Pure: families and samples in, JSON out; the clock is the caller's.
namespace bridge::ops {

/// A histogram bucket: samples at or below `upper_bound`, cumulative.
struct cumulative_bucket {
  double upper_bound = 0;
  uint64_t count = 0;
};

/// The `q` quantile (0..1) of a histogram as Prometheus' histogram_quantile
/// estimates it: linear within the bucket that holds the rank, the lowest
/// bucket starting at 0; a rank in the +Inf bucket answers the highest
/// finite bound. Nothing when the histogram is empty or the buckets are
/// not cumulative.
std::optional<double>
histogram_quantile(double q, const std::vector<cumulative_bucket>& b);

/// How much a counter grew over the last `span`, per minute, from samples
/// taken about once a second. Memory is bounded by `max_samples`.
class counter_rate {
public:
  explicit counter_rate(
      std::chrono::milliseconds span = std::chrono::minutes{1},
      size_t max_samples = 120);

  /// A sample of the counter's total at `now_ms`. Samples going back in
  /// time are ignored; a total that shrank (a restart) starts afresh.
  void record(int64_t now_ms, double total);

  /// Growth per minute between the oldest sample within the span and the
  /// newest; nothing until two samples lie at least a second apart.
  std::optional<double> per_minute() const;

private:
  std::chrono::milliseconds span_;
  size_t max_samples_;
  std::deque<std::pair<int64_t, double>> samples_;
};

/// The two rates the dashboard shows, fed once a second by the status
/// poller and read by HTTP threads.
class live_rates {
public:
  void record(int64_t now_ms, double received, double relayed);
  std::pair<std::optional<double>, std::optional<double>> per_minute() const;

private:
  mutable std::mutex mtx_;
  counter_rate received_;
  counter_rate relayed_;
};

/// The dashboard's figures as JSON:
/// `{"messages":{...},"latency":{...},"translator":{...},"db":{...},
///   "cache":{...},"sender":{...},"backlog":{...},"cluster":{...},
///   "actors":{...}}` (`cluster.handoff` holds the hand-off lag's count
/// and percentiles, as `latency` does); a figure the registry does not
/// have is null.
std::string render_dashboard(const std::vector<prometheus::MetricFamily>& all,
                             const live_rates& rates);

} // namespace bridge::ops
