// SPDX-License-Identifier: Apache-2.0
#include "telemetry/process_metrics.hpp"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include <sys/resource.h>
#include <unistd.h>

namespace bridge::telemetry {

namespace {

/// Splits `text` at runs of spaces.
std::vector<std::string_view> fields(std::string_view text) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n'))
      ++i;
    size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\n')
      ++i;
    if (i > start)
      out.push_back(text.substr(start, i - start));
  }
  return out;
}

template <class T> bool number(std::string_view s, T& out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && end == s.data() + s.size();
}

std::string read_all(const char* path) {
  std::ifstream in{path};
  return {std::istreambuf_iterator<char>{in}, std::istreambuf_iterator<char>{}};
}

prometheus::MetricFamily one(const std::string& name, const std::string& help,
                             prometheus::MetricType type, double value) {
  prometheus::MetricFamily f;
  f.name = name;
  f.help = help;
  f.type = type;
  prometheus::ClientMetric m;
  if (type == prometheus::MetricType::Counter)
    m.counter.value = value;
  else
    m.gauge.value = value;
  f.metric.push_back(std::move(m));
  return f;
}

std::optional<double> open_fds() {
  std::error_code ec;
  double n = 0;
  for (std::filesystem::directory_iterator it{"/proc/self/fd", ec}, end;
       !ec && it != end; it.increment(ec))
    ++n;
  if (ec)
    return std::nullopt;
  return n - 1; // the iterator's own descriptor
}

} // namespace

std::optional<proc_stat> parse_proc_stat(std::string_view text) {
  auto close = text.rfind(')');
  if (close == std::string_view::npos)
    return std::nullopt;
  // After the name: field 3 (state) is index 0, so field N is N - 3.
  auto f = fields(text.substr(close + 1));
  if (f.size() < 22)
    return std::nullopt;
  proc_stat s;
  if (!number(f[11], s.utime_ticks) || !number(f[12], s.stime_ticks)
      || !number(f[19], s.start_ticks) || !number(f[20], s.virtual_bytes)
      || !number(f[21], s.rss_pages))
    return std::nullopt;
  return s;
}

std::optional<unsigned long long> parse_boot_time(std::string_view text) {
  std::istringstream in{std::string{text}};
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("btime ", 0) != 0)
      continue;
    unsigned long long t = 0;
    auto f = fields(line);
    if (f.size() == 2 && number(f[1], t))
      return t;
    return std::nullopt;
  }
  return std::nullopt;
}

std::vector<prometheus::MetricFamily> collect_process_metrics() {
  using prometheus::MetricType;
  std::vector<prometheus::MetricFamily> out;
  auto ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
  auto page = static_cast<double>(sysconf(_SC_PAGESIZE));
  if (auto s = parse_proc_stat(read_all("/proc/self/stat")); s && ticks > 0) {
    out.push_back(
        one("process_cpu_seconds_total",
            "User and system CPU time spent, in seconds", MetricType::Counter,
            static_cast<double>(s->utime_ticks + s->stime_ticks) / ticks));
    out.push_back(one("process_resident_memory_bytes",
                      "Resident memory size, in bytes", MetricType::Gauge,
                      static_cast<double>(s->rss_pages) * page));
    out.push_back(one("process_virtual_memory_bytes",
                      "Virtual memory size, in bytes", MetricType::Gauge,
                      static_cast<double>(s->virtual_bytes)));
    // Boot time does not change while the process runs: read once.
    static const auto boot = parse_boot_time(read_all("/proc/stat"));
    if (boot)
      out.push_back(one("process_start_time_seconds",
                        "Start time of the process since the Unix epoch, in "
                        "seconds",
                        MetricType::Gauge,
                        static_cast<double>(*boot)
                            + static_cast<double>(s->start_ticks) / ticks));
  }
  if (auto n = open_fds())
    out.push_back(one("process_open_fds", "Open file descriptors",
                      MetricType::Gauge, *n));
  rlimit lim{};
  if (getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur != RLIM_INFINITY)
    out.push_back(one("process_max_fds", "Limit of open file descriptors",
                      MetricType::Gauge, static_cast<double>(lim.rlim_cur)));
  return out;
}

} // namespace bridge::telemetry
