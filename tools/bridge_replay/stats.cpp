// SPDX-License-Identifier: Apache-2.0
#include "tools/bridge_replay/stats.hpp"

#include <algorithm>

#include "common/percentile.hpp"

namespace bridge::replay {

latency_summary summarize_values(std::vector<int64_t> v) {
  latency_summary out;
  out.count = static_cast<int64_t>(v.size());
  if (v.empty())
    return out;
  double sum = 0;
  for (auto x : v)
    sum += static_cast<double>(x);
  out.max = *std::max_element(v.begin(), v.end());
  out.mean = sum / static_cast<double>(v.size());
  out.p50 = percentile(v, 50);
  out.p95 = percentile(v, 95);
  out.p99 = percentile(std::move(v), 99);
  return out;
}

latency_summary summarize(const std::vector<latency_sample>& samples) {
  std::vector<int64_t> v;
  v.reserve(samples.size());
  for (const auto& s : samples)
    v.push_back(s.latency_ms);
  return summarize_values(std::move(v));
}

latency_summary summarize_sent_from(const std::vector<latency_sample>& samples,
                                    int64_t sent_from_ms) {
  std::vector<latency_sample> later;
  for (const auto& s : samples)
    if (s.at_ms - s.latency_ms >= sent_from_ms)
      later.push_back(s);
  return summarize(later);
}

latency_summary summarize_from_send(const std::vector<latency_sample>& samples,
                                    int64_t sent_from_ms) {
  std::vector<int64_t> v;
  for (const auto& s : samples)
    if (s.at_ms - s.latency_ms >= sent_from_ms)
      v.push_back(s.from_send_ms);
  return summarize_values(std::move(v));
}

std::vector<second_stats> per_second(const std::vector<latency_sample>& samples,
                                     const std::vector<int64_t>& sent_ms,
                                     int64_t start_ms) {
  auto second_of = [&](int64_t ms) {
    return std::max<int64_t>(0, (ms - start_ms) / 1000);
  };
  int64_t last = -1;
  for (const auto& s : samples)
    last = std::max(last, second_of(s.at_ms));
  for (auto ms : sent_ms)
    last = std::max(last, second_of(ms));
  std::vector<second_stats> out(static_cast<size_t>(last + 1));
  std::vector<std::vector<latency_sample>> by_second(out.size());
  for (size_t i = 0; i < out.size(); ++i)
    out[i].second = static_cast<int64_t>(i);
  for (const auto& s : samples)
    by_second[static_cast<size_t>(second_of(s.at_ms))].push_back(s);
  for (auto ms : sent_ms)
    ++out[static_cast<size_t>(second_of(ms))].sent;
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].delivered = static_cast<int64_t>(by_second[i].size());
    out[i].latency = summarize(by_second[i]);
  }
  return out;
}

} // namespace bridge::replay
