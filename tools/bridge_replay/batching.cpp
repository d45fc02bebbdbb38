// SPDX-License-Identifier: Apache-2.0
#include "tools/bridge_replay/batching.hpp"

#include <algorithm>

namespace bridge::replay {

namespace {

/// What a line's object costs besides its text: the user, the field names.
constexpr size_t line_overhead_bytes = 200;

} // namespace

bool batchable(const traffic_line& l) {
  switch (l.kind) {
  case line_kind::message:
  case line_kind::command:
  case line_kind::switch_to:
  case line_kind::media:
    return true;
  default:
    return false;
  }
}

std::vector<line_run> due_runs(const std::vector<timed_line>& lines,
                               size_t next, double now_ms,
                               const batch_bounds& bounds) {
  std::vector<line_run> runs;
  size_t bytes = 0;
  for (size_t i = next; i < lines.size() && lines[i].due_ms <= now_ms; ++i) {
    const auto& l = *lines[i].line;
    if (!batchable(l)) {
      runs.push_back({i, i + 1, false});
      continue;
    }
    auto cost = l.text.size() + line_overhead_bytes;
    bool joins = !runs.empty() && runs.back().batch
                 && runs.back().end - runs.back().begin < bounds.lines
                 && bytes + cost <= bounds.bytes;
    if (!joins) {
      runs.push_back({i, i, true});
      bytes = 0;
    }
    runs.back().end = i + 1;
    bytes += cost;
  }
  return runs;
}

double next_wake_ms(const std::vector<timed_line>& lines, size_t next,
                    double last_wake_ms, double gather_ms) {
  return std::max(lines[next].due_ms, last_wake_ms + gather_ms);
}

} // namespace bridge::replay
