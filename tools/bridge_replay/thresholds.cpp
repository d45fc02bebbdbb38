// SPDX-License-Identifier: Apache-2.0
#include "tools/bridge_replay/thresholds.hpp"

#include <cmath>

#include <fmt/format.h>

namespace bridge::replay {

std::string threshold_value_error(double v) {
  if (std::isnan(v))
    return "not a number";
  if (std::isinf(v))
    return "not finite";
  if (v < 0)
    return "negative";
  return {};
}

std::string validate(const thresholds& t) {
  if (t.max_p99_ms)
    if (auto bad = threshold_value_error(*t.max_p99_ms); !bad.empty())
      return "--max-p99-ms: " + bad;
  if (t.min_throughput)
    if (auto bad = threshold_value_error(*t.min_throughput); !bad.empty())
      return "--min-throughput: " + bad;
  return {};
}

std::vector<std::string> threshold_failures(const thresholds& t,
                                            const latency_summary& steady,
                                            double throughput_per_s) {
  std::vector<std::string> out;
  if (t.max_p99_ms) {
    if (steady.count == 0)
      out.push_back(fmt::format(
          "threshold failed: steady p99 has no deliveries to measure "
          "(limit {} ms)",
          *t.max_p99_ms));
    else if (static_cast<double>(steady.p99) > *t.max_p99_ms)
      out.push_back(fmt::format("threshold failed: steady p99 {} ms > {} ms",
                                steady.p99, *t.max_p99_ms));
  }
  // Written so that a throughput that is not a number misses too.
  if (t.min_throughput && !(throughput_per_s >= *t.min_throughput))
    out.push_back(fmt::format("threshold failed: throughput {:.1f}/s < {}/s",
                              throughput_per_s, *t.min_throughput));
  return out;
}

} // namespace bridge::replay
