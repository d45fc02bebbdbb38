// SPDX-License-Identifier: Apache-2.0
#include "tools/bridge_replay/summary.hpp"

#include <fmt/format.h>

namespace bridge::replay {

namespace {

void latency_row(std::string& out, const char* name, const latency_summary& l) {
  out += fmt::format("  {:<26} {:>8} {:>8} {:>8} {:>8} {:>8}\n", name, l.count,
                     l.p50, l.p95, l.p99, l.max);
}

} // namespace

std::string summary_table(const run_report& r,
                          const std::vector<std::string>& failures) {
  bool ok = r.passed() && failures.empty();
  std::string out = fmt::format("\nbridge-replay {} (tag {})\n",
                                ok ? "PASSED" : "FAILED", r.tag);
  out += fmt::format(
      "  {:<26} {:>8}\n  {:<26} {:>8}\n  {:<26} {:>8}\n  {:<26} {:>8}\n"
      "  {:<26} {:>8}\n",
      "sent", r.counts.sent - r.counts.cancelled, "delivered",
      r.counts.delivered, "lost", r.lost, "duplicated", r.counts.duplicated,
      "reordered", r.counts.reordered);
  out += fmt::format(
      "  {:<26} {:>8.1f}\n  {:<26} {:>8.1f}\n  {:<26} {:>8.1f}\n",
      "throughput (delivered/s)", r.throughput_per_s, "send rate (/s)",
      r.send_rate_per_s, "duration (s)", r.duration_s);
  out += fmt::format("\n  {:<26} {:>8} {:>8} {:>8} {:>8} {:>8}\n", "ms",
                     "count", "p50", "p95", "p99", "max");
  latency_row(out, "latency (from due)", r.latency);
  latency_row(out, "steady latency (from due)", r.steady_latency);
  latency_row(out, "latency from send", r.latency_from_send);
  latency_row(out, "send lag behind schedule", r.send_lag);
  if (!r.aborted.empty())
    out += "\n  aborted: " + r.aborted + "\n";
  if (r.timed_out)
    out += "\n  timed out\n";
  for (const auto& f : failures)
    out += "\n  " + f;
  if (!failures.empty())
    out += "\n";
  return out;
}

} // namespace bridge::replay
