// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include <prometheus/metric_family.h>

namespace bridge::telemetry {

/// What /proc/self/stat says about the process, in the kernel's units.
struct proc_stat {
  /// User and system CPU time, in clock ticks.
  unsigned long long utime_ticks = 0;
  unsigned long long stime_ticks = 0;
  /// Start, in clock ticks after boot.
  unsigned long long start_ticks = 0;
  unsigned long long virtual_bytes = 0;
  /// Resident set, in pages.
  long long rss_pages = 0;
};

/// Reads /proc/<pid>/stat's text. The command name may hold spaces and
/// parentheses, so fields are counted from the last ')'. Empty when the
/// text is short or a field is not a number.
std::optional<proc_stat> parse_proc_stat(std::string_view text);

/// The `btime` line of /proc/stat (boot time, seconds since the epoch).
std::optional<unsigned long long> parse_boot_time(std::string_view text);

/// The process's own figures in the names every Prometheus client uses:
/// process_cpu_seconds_total, process_resident_memory_bytes,
/// process_virtual_memory_bytes, process_open_fds, process_max_fds,
/// process_start_time_seconds. Read from /proc at each call (a scrape);
/// a figure that cannot be read is left out rather than made up.
std::vector<prometheus::MetricFamily> collect_process_metrics();

} // namespace bridge::telemetry
