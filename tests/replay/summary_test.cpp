// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "tools/bridge_replay/summary.hpp"

BOOST_AUTO_TEST_SUITE(replay_summary)

// The terminal's end-of-run table: the verdict counts the thresholds too,
// and every latency figure, the send lag included, has its row.

using namespace bridge::replay;

BOOST_AUTO_TEST_CASE(the_table_has_the_verdict_and_every_latency_row) {
  run_report r;
  r.tag = "ab12";
  r.counts.sent = 10;
  r.counts.delivered = 10;
  r.send_lag.count = 10;
  r.send_lag.max = 123;
  auto t = summary_table(r, {});
  BOOST_TEST(t.find("PASSED (tag ab12)") != std::string::npos);
  for (const char* row : {"latency (from due)", "steady latency (from due)",
                          "latency from send", "send lag behind schedule"})
    BOOST_TEST(t.find(row) != std::string::npos, row);
  BOOST_TEST(t.find("123") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_missed_threshold_fails_the_table) {
  run_report r;
  auto t = summary_table(r, {"threshold failed: steady p99 412 ms > 250 ms"});
  BOOST_TEST(t.find("FAILED") != std::string::npos);
  BOOST_TEST(t.find("threshold failed: steady p99 412 ms > 250 ms")
             != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
