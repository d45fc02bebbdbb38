// SPDX-License-Identifier: Apache-2.0
#include "tools/bridge_replay/live_seconds.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "tools/bridge_replay/stats.hpp"

namespace bridge::replay {

per_second_writer::per_second_writer(std::ostream& out, bridge::clock clk,
                                     int64_t start_ms, int64_t grace_ms)
    : out_(out), clock_(std::move(clk)), start_ms_(start_ms),
      grace_ms_(grace_ms) {
  out_ << per_second_columns << '\n' << std::flush;
}

per_second_writer::bucket* per_second_writer::bucket_of(int64_t ms) {
  auto second = std::max<int64_t>(0, (ms - start_ms_) / 1000);
  if (second < next_) {
    ++late_;
    return nullptr;
  }
  return &open_[second];
}

void per_second_writer::update(const std::vector<latency_sample>& samples,
                               const std::vector<int64_t>& sent_ms) {
  for (; samples_seen_ < samples.size(); ++samples_seen_) {
    const auto& s = samples[samples_seen_];
    if (auto* b = bucket_of(s.at_ms))
      b->latencies.push_back(s.latency_ms);
  }
  for (; sent_seen_ < sent_ms.size(); ++sent_seen_)
    if (auto* b = bucket_of(sent_ms[sent_seen_]))
      ++b->sent;
  // Second k ends at start + (k + 1) s and is written grace_ms later.
  auto over = clock_.wall_ms() - grace_ms_ - start_ms_;
  if (over >= 0)
    write_until(over / 1000);
}

void per_second_writer::finish() {
  auto last = open_.empty() ? next_ : open_.rbegin()->first + 1;
  write_until(last);
}

void per_second_writer::write_until(int64_t until) {
  if (until <= next_)
    return;
  for (; next_ < until; ++next_) {
    bucket b;
    if (auto at = open_.find(next_); at != open_.end()) {
      b = std::move(at->second);
      open_.erase(at);
    }
    auto delivered = static_cast<int64_t>(b.latencies.size());
    auto l = summarize_values(std::move(b.latencies));
    out_ << fmt::format("{},{},{},{},{},{}\n", next_, b.sent, delivered, l.p50,
                        l.p99, l.max);
  }
  out_ << std::flush;
}

} // namespace bridge::replay
