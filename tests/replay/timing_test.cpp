// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "tools/bridge_replay/checker.hpp"
#include "tools/bridge_replay/stats.hpp"
#include "tools/bridge_replay/timing.hpp"

BOOST_AUTO_TEST_SUITE(replay_timing)

// Latency counts from the due time, so a sender that falls behind shows
// as latency (coordinated omission); the send-time figure and the lag are
// kept beside it. All on hand-made unix milliseconds.

using namespace bridge::replay;

BOOST_AUTO_TEST_CASE(an_on_time_send_has_no_lag) {
  auto t = time_delivery(10'000, 10'000, 10'040);
  BOOST_TEST(t.latency_ms == 40);
  BOOST_TEST(t.from_send_ms == 40);
  BOOST_TEST(t.send_lag_ms == 0);
}

BOOST_AUTO_TEST_CASE(a_late_send_counts_from_its_due_time) {
  // Due at 10 s, the sender stalled 300 ms, the engine took 40 ms.
  auto t = time_delivery(10'000, 10'300, 10'340);
  BOOST_TEST(t.latency_ms == 340);
  BOOST_TEST(t.from_send_ms == 40);
  BOOST_TEST(t.send_lag_ms == 300);
  BOOST_TEST(send_lag(10'000, 10'300) == 300);
}

BOOST_AUTO_TEST_CASE(an_early_or_unscheduled_send_counts_from_the_send) {
  // A millisecond early (two clocks' rounding): no negative lag.
  auto early = time_delivery(10'001, 10'000, 10'040);
  BOOST_TEST(early.send_lag_ms == 0);
  BOOST_TEST(early.latency_ms == 40);
  // No due time: the send stands in for it.
  auto none = time_delivery(0, 10'000, 10'040);
  BOOST_TEST(none.latency_ms == 40);
  BOOST_TEST(none.send_lag_ms == 0);
  // A copy stamped before the send (clocks apart) reads as 0.
  BOOST_TEST(time_delivery(10'000, 10'000, 9'999).latency_ms == 0);
}

BOOST_AUTO_TEST_CASE(the_checker_stamps_both_latencies) {
  delivery_checker c{"ab"};
  sent_message m;
  m.marker = 1;
  m.writer = 1;
  m.recipient = 2;
  m.expected_prefix = "Ana: ";
  m.expected_text = "Ana: [en] " + with_marker("hi", "ab", 1);
  m.due_ms = 1'000;
  m.sent_ms = 1'250;
  c.expect(m);
  c.observe(2, m.expected_text, 1'300);
  BOOST_TEST_REQUIRE(c.samples().size() == 1u);
  BOOST_TEST(c.samples()[0].latency_ms == 300);
  BOOST_TEST(c.samples()[0].from_send_ms == 50);
  // The steady cut goes by due time, and from-send keeps its own figure.
  BOOST_TEST(summarize_sent_from(c.samples(), 1'000).count == 1);
  BOOST_TEST(summarize_from_send(c.samples(), 1'000).max == 50);
  BOOST_TEST(summarize_from_send(c.samples(), 1'001).count == 0);
}

BOOST_AUTO_TEST_CASE(send_lags_summarize_like_latencies) {
  auto l = summarize_values({0, 0, 5, 300});
  BOOST_TEST(l.count == 4);
  BOOST_TEST(l.p50 == 0);
  BOOST_TEST(l.p99 == 300);
  BOOST_TEST(l.max == 300);
  BOOST_TEST(summarize_values({}).count == 0);
}

BOOST_AUTO_TEST_SUITE_END()
