// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "tools/bridge_replay/traffic.hpp"

namespace bridge::replay {

/// A line to play, when (ms after sending starts) and under which marker.
struct timed_line {
  const traffic_line* line = nullptr;
  double due_ms = 0;
  int64_t marker = 0;
};

/// True when a line is a user's message (text, command, switch or media)
/// and so can share one POST /sim/messages call with others. Presses,
/// recorded updates and raw bytes go alone: a press needs the bot's last
/// message, known only once what came before was answered.
bool batchable(const traffic_line& l);

/// How big one batch may grow.
struct batch_bounds {
  size_t lines = 1'000;
  /// Texts' bytes plus an allowance per line for the rest of its object.
  size_t bytes = 1024 * 1024;
};

/// Consecutive lines to play with one call: `batch` lines [begin, end)
/// through /sim/messages, or one line alone (end == begin + 1).
struct line_run {
  size_t begin = 0;
  size_t end = 0;
  bool batch = false;
};

/// The lines of `lines` from `next` on that are due at `now_ms`, split
/// into runs in their order: batchable lines together up to `bounds`,
/// any other line alone. Empty when `lines[next]` is not due yet.
std::vector<line_run> due_runs(const std::vector<timed_line>& lines,
                               size_t next, double now_ms,
                               const batch_bounds& bounds = {});

/// When a sender should wake for `lines[next]`: at its due time, but not
/// sooner than `gather_ms` after its last wake-up (`last_wake_ms`), so
/// that at high rates each wake-up takes several lines. At rates where a
/// sender's lines are further apart than that, nothing waits.
double next_wake_ms(const std::vector<timed_line>& lines, size_t next,
                    double last_wake_ms, double gather_ms);

} // namespace bridge::replay
