// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "tools/bridge_replay/report.hpp"
#include "tools/bridge_replay/stats.hpp"

BOOST_AUTO_TEST_SUITE(replay_stats)

// Latency summaries (nearest rank, as tests/common/percentile_test.cpp
// pins down), per-second buckets, and the report's pass/fail, on figures
// small enough to check by hand.

using namespace bridge::replay;

BOOST_AUTO_TEST_CASE(a_summary_has_the_tail) {
  std::vector<latency_sample> s;
  for (int64_t i = 1; i <= 1000; ++i)
    s.push_back({0, i});
  auto l = summarize(s);
  BOOST_TEST(l.count == 1000);
  BOOST_TEST(l.p50 == 500);
  BOOST_TEST(l.p95 == 950);
  BOOST_TEST(l.p99 == 990);
  BOOST_TEST(l.max == 1000);
  BOOST_TEST(l.mean == 500.5);
  BOOST_TEST(summarize({}).count == 0);
  // Two deliveries, the slower first: the median is the faster one.
  auto two = summarize({{0, 20}, {0, 10}});
  BOOST_TEST(two.p50 == 10);
  BOOST_TEST(two.p99 == 20);
  BOOST_TEST(two.max == 20);
}

BOOST_AUTO_TEST_CASE(the_steady_summary_counts_by_send_time) {
  // Arrival minus latency is the send: sent at 900, 1,000 and 1,500.
  std::vector<latency_sample> s{{1'000, 100}, {1'600, 600}, {1'510, 10}};
  auto l = summarize_sent_from(s, 1'000);
  BOOST_TEST(l.count == 2);
  BOOST_TEST(l.max == 600);
  BOOST_TEST(summarize_sent_from(s, 0).count == 3);
  BOOST_TEST(summarize_sent_from(s, 1'501).count == 0);
  BOOST_TEST(summarize_sent_from({}, 0).count == 0);
}

BOOST_AUTO_TEST_CASE(seconds_are_bucketed_with_no_gaps) {
  std::vector<latency_sample> s{{10'100, 5}, {10'900, 7}, {13'000, 40}};
  std::vector<int64_t> sent{10'000, 10'050, 10'800};
  auto b = per_second(s, sent, 10'000);
  BOOST_REQUIRE_EQUAL(b.size(), 4u);
  BOOST_TEST(b[0].sent == 3);
  BOOST_TEST(b[0].delivered == 2);
  BOOST_TEST(b[0].latency.max == 7);
  BOOST_TEST(b[1].delivered == 0);
  BOOST_TEST(b[3].latency.p99 == 40);
  BOOST_TEST(per_second({}, {}, 0).empty());
}

BOOST_AUTO_TEST_CASE(the_report_fails_on_any_loss_duplicate_or_disorder) {
  run_report r;
  BOOST_TEST(r.passed());
  r.lost = 1;
  BOOST_TEST(!r.passed());
  r.lost = 0;
  r.counts.duplicated = 1;
  BOOST_TEST(!r.passed());
  r.counts.duplicated = 0;
  r.counts.reordered = 1;
  BOOST_TEST(!r.passed());
  r.counts.reordered = 0;
  r.timed_out = true;
  BOOST_TEST(!r.passed());
  r.timed_out = false;
  r.counts.queued_notices = 3; // slow is not wrong
  BOOST_TEST(r.passed());
  auto json = report_json(r);
  BOOST_TEST(json.find(R"("passed":true)") != std::string::npos);
  BOOST_TEST(json.find(R"("latency_ms":{"count":0)") != std::string::npos);
  r.warmup_s = 5;
  r.steady_latency.count = 4;
  r.steady_latency.p99 = 21;
  json = report_json(r);
  BOOST_TEST(json.find(R"("steady":{"warmup_s":5.0,"latency_ms":{"count":4)")
                 != std::string::npos,
             json);
  BOOST_TEST(json.find(R"("p99":21)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_plot_is_an_svg_with_both_panels) {
  std::vector<second_stats> s(3);
  for (int i = 0; i < 3; ++i) {
    s[i].second = i;
    s[i].sent = 100 * i;
    s[i].delivered = 90 * i;
    s[i].latency.p99 = 10 * i;
  }
  auto svg = plot_svg(s, "a <title> & more");
  BOOST_TEST(svg.rfind("<svg", 0) == 0);
  BOOST_TEST(svg.find("a &lt;title> &amp; more") != std::string::npos);
  BOOST_TEST(svg.find("latency ms") != std::string::npos);
  BOOST_TEST(svg.find("messages/s") != std::string::npos);
  BOOST_TEST(svg.find("</svg>") != std::string::npos);
  BOOST_TEST(plot_svg({}, "empty").find("</svg>") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END() // replay_stats
