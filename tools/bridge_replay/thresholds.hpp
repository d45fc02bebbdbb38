// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tools/bridge_replay/stats.hpp"

namespace bridge::replay {

/// The exit status of a run that passed its checks but missed a threshold;
/// a lost, duplicated or reordered message (1) and a bad file (2) keep
/// theirs and win over it.
constexpr int exit_threshold_failed = 3;

/// Limits a run must meet, as a load test's pass criteria; unset ones are
/// not checked.
struct thresholds {
  /// The steady latency's p99 (from the due time) at most this, in ms.
  std::optional<double> max_p99_ms;
  /// Delivered messages per second at least this.
  std::optional<double> min_throughput;
};

/// Why `v` cannot be a threshold (not a number, infinite or negative), or
/// empty when it can.
std::string threshold_value_error(double v);

/// Why `t` cannot be checked (a value `threshold_value_error` refuses,
/// named by its flag), or empty.
std::string validate(const thresholds& t);

/// One line per threshold of `t` the run missed, e.g. "threshold failed:
/// steady p99 412 ms > 250 ms"; empty when all are met. A p99 limit with
/// no steady delivery to measure, or a throughput that is not a number,
/// counts as missed: a threshold that cannot be judged does not pass.
std::vector<std::string> threshold_failures(const thresholds& t,
                                            const latency_summary& steady,
                                            double throughput_per_s);

} // namespace bridge::replay
