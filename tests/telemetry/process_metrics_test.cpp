// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <string>

#include "telemetry/metrics.hpp"
#include "telemetry/process_metrics.hpp"

BOOST_AUTO_TEST_SUITE(telemetry_process_metrics)

using namespace bridge::telemetry;

namespace {

/// A /proc/<pid>/stat line shaped like the kernel's (52 fields), with the
/// figures the parser reads set: utime 150, stime 50, starttime 4000,
/// vsize 8192000, rss 300.
std::string stat_line(const std::string& comm) {
  std::string s = "4242 (" + comm
                  + ") S 1 4242 4242 0 -1 4194560 100 0 0 0 "
                    "150 50 0 0 20 0 3 0 4000 8192000 300";
  for (int i = 0; i < 28; ++i)
    s += " 0";
  return s + "\n";
}

} // namespace

BOOST_AUTO_TEST_CASE(the_kernel_stat_line_is_read_by_field) {
  auto s = parse_proc_stat(stat_line("bridge"));
  BOOST_REQUIRE(s.has_value());
  BOOST_TEST(s->utime_ticks == 150u);
  BOOST_TEST(s->stime_ticks == 50u);
  BOOST_TEST(s->start_ticks == 4000u);
  BOOST_TEST(s->virtual_bytes == 8192000u);
  BOOST_TEST(s->rss_pages == 300);
}

BOOST_AUTO_TEST_CASE(a_hostile_command_name_does_not_shift_the_fields) {
  // A thread may name itself anything: spaces, parentheses, digits.
  auto s = parse_proc_stat(stat_line("a) 9 9 (b ) 1 2"));
  BOOST_REQUIRE(s.has_value());
  BOOST_TEST(s->utime_ticks == 150u);
  BOOST_TEST(s->rss_pages == 300);
}

BOOST_AUTO_TEST_CASE(malformed_stat_lines_are_refused) {
  BOOST_TEST(!parse_proc_stat(""));
  BOOST_TEST(!parse_proc_stat("4242 bridge S 1 2 3"));   // no name
  BOOST_TEST(!parse_proc_stat("4242 (bridge) S 1 2 3")); // short
  auto bad = stat_line("bridge");
  bad.replace(bad.find(" 150 "), 5, " x50 ");
  BOOST_TEST(!parse_proc_stat(bad));
  auto negative = stat_line("bridge");
  negative.replace(negative.find(" 150 "), 5, " -15 ");
  BOOST_TEST(!parse_proc_stat(negative));
}

BOOST_AUTO_TEST_CASE(boot_time_comes_from_its_own_line) {
  auto boot = parse_boot_time("cpu 1 2 3\nbtime 1700000000\nprocesses 9\n");
  BOOST_REQUIRE(boot.has_value());
  BOOST_TEST(*boot == 1700000000u);
  BOOST_TEST(!parse_boot_time(""));
  BOOST_TEST(!parse_boot_time("cpu 1 2 3\n"));
  BOOST_TEST(!parse_boot_time("btime soon\n"));
  BOOST_TEST(!parse_boot_time("btime 1 2\n"));
  BOOST_TEST(!parse_boot_time("xbtime 5\n"));
}

BOOST_AUTO_TEST_CASE(this_process_is_scraped_with_the_usual_names) {
  auto text = render_metrics();
  for (auto name :
       {"process_cpu_seconds_total", "process_resident_memory_bytes",
        "process_virtual_memory_bytes", "process_open_fds", "process_max_fds",
        "process_start_time_seconds"})
    BOOST_TEST(text.find(std::string{"\n"} + name + " ") != std::string::npos,
               name);
  BOOST_TEST(text.find("# TYPE process_cpu_seconds_total counter")
             != std::string::npos);
  BOOST_TEST(text.find("bridge_build_info{revision=") != std::string::npos,
             text.substr(0, 400));
  // The values are this process's: it has a resident set and was started
  // after 2020.
  auto figure = [&](const std::string& name) {
    auto at = text.find("\n" + name + " ");
    return at == std::string::npos
               ? -1.0
               : std::stod(text.substr(at + name.size() + 2));
  };
  BOOST_TEST(figure("process_resident_memory_bytes") > 0);
  BOOST_TEST(figure("process_open_fds") >= 3);
  BOOST_TEST(figure("process_start_time_seconds") > 1577836800.0);
}

BOOST_AUTO_TEST_SUITE_END() // telemetry_process_metrics
