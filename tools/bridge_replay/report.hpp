// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "tools/bridge_replay/checker.hpp"
#include "tools/bridge_replay/stats.hpp"

namespace bridge::replay {

/// Everything a run found out, as its JSON report says it.
struct run_report {
  check_counts counts;
  latency_summary latency;
  /// The same for messages sent after the first `warmup_s` seconds.
  latency_summary steady_latency;
  double warmup_s = 0;
  /// Both again from each message's actual send instead of its due time:
  /// the gap to the above is what the replay's own lateness added.
  latency_summary latency_from_send;
  latency_summary steady_latency_from_send;
  /// How far each send fell behind its due time.
  latency_summary send_lag;
  /// Expected and never delivered (after the drain).
  int64_t lost = 0;
  /// From the first message sent to the last delivery.
  double duration_s = 0;
  double throughput_per_s = 0;
  double send_rate_per_s = 0;
  /// Failed injections, unexpected replies and the like, by kind.
  std::map<std::string, int64_t> errors;
  /// 429 answers tg-sim gave the engine during the run.
  int64_t too_many_requests = 0;
  /// Every event of the feed during the run, by Bot API method.
  std::map<std::string, int64_t> events;
  int64_t teams = 0;
  int64_t users = 0;
  int64_t registrations_failed = 0;
  double registration_s = 0;
  /// The run's deadline passed before everything was sent or delivered.
  bool timed_out = false;
  /// The run's marker tag, as the partners' copies carry it.
  std::string tag;
  /// Why the run could not start (tg-sim unreachable), or empty.
  std::string aborted;
  /// A few undelivered markers, to look for in the engine's log.
  std::vector<int64_t> missing;
  std::vector<second_stats> seconds;
  /// Every delivery, for --samples.
  std::vector<latency_sample> samples;

  /// Nothing lost, duplicated, reordered, misrouted or mistranslated.
  bool passed() const;
};

/// The report as one JSON object (per-second figures included).
std::string report_json(const run_report& r);

/// Every delivery as CSV: arrival (unix ms), latency, writer, recipient.
std::string samples_csv(const std::vector<latency_sample>& samples);

/// An SVG of latency (p50, p99, max) and throughput (sent, delivered)
/// per second, two panels sharing the time axis.
std::string plot_svg(const std::vector<second_stats>& seconds,
                     const std::string& title);

} // namespace bridge::replay
