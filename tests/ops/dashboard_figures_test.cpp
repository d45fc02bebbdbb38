// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <limits>

#include <simdjson.h>

#include "ops/dashboard_figures.hpp"
#include "telemetry/metrics.hpp"

BOOST_AUTO_TEST_SUITE(ops_dashboard_figures)

// The dashboard's arithmetic: histogram quantiles as Prometheus estimates
// them, per-minute rates from sparse samples, and the JSON the page reads,
// against hand-computed figures and hostile input.

using namespace bridge::ops;
namespace telemetry = bridge::telemetry;

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

// 10 samples: 2 at or below 10 ms, 8 at or below 20 ms, 10 at or below 50 ms.
const std::vector<cumulative_bucket> ten{
    {0.01, 2}, {0.02, 8}, {0.05, 10}, {inf, 10}};

double q(double quantile, const std::vector<cumulative_bucket>& b) {
  auto v = histogram_quantile(quantile, b);
  BOOST_REQUIRE(v.has_value());
  return *v;
}

} // namespace

BOOST_AUTO_TEST_CASE(quantiles_interpolate_within_the_bucket_holding_the_rank) {
  // Rank 5 lies in (0.01, 0.02], 3 of its 6 samples in: half way.
  BOOST_TEST(q(0.5, ten) == 0.015, boost::test_tools::tolerance(1e-12));
  // Rank 1 lies in the first bucket, which starts at 0.
  BOOST_TEST(q(0.1, ten) == 0.005, boost::test_tools::tolerance(1e-12));
  // Rank 9.9 lies in (0.02, 0.05], 1.9 of its 2 samples in.
  BOOST_TEST(q(0.99, ten) == 0.0485, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(q(1.0, ten) == 0.05, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(q(0.0, ten) == 0.0);
}

BOOST_AUTO_TEST_CASE(a_rank_beyond_every_bound_answers_the_highest_bound) {
  std::vector<cumulative_bucket> slow{{0.01, 1}, {0.02, 1}, {inf, 10}};
  BOOST_TEST(q(0.5, slow) == 0.02);
}

BOOST_AUTO_TEST_CASE(empty_or_broken_histograms_have_no_quantile) {
  BOOST_TEST(!histogram_quantile(0.5, {}));
  BOOST_TEST(!histogram_quantile(0.5, {{inf, 3}}));            // one bucket
  BOOST_TEST(!histogram_quantile(0.5, {{0.01, 0}, {inf, 0}})); // no samples
  BOOST_TEST(!histogram_quantile(
      0.5, {{0.01, 5}, {0.02, 3}, {inf, 6}})); // not cumulative
  BOOST_TEST(!histogram_quantile(
      0.5, {{0.02, 1}, {0.01, 2}, {inf, 2}})); // bounds unsorted
  BOOST_TEST(!histogram_quantile(0.5, {{0.01, 1}, {0.02, 2}})); // no +Inf
  BOOST_TEST(!histogram_quantile(-0.1, ten));
  BOOST_TEST(!histogram_quantile(1.5, ten));
  BOOST_TEST(
      !histogram_quantile(std::numeric_limits<double>::quiet_NaN(), ten));
}

BOOST_AUTO_TEST_CASE(rates_are_per_minute_over_the_window) {
  counter_rate w{std::chrono::seconds{60}};
  BOOST_TEST(!w.per_minute());
  w.record(1'000, 100);
  BOOST_TEST(!w.per_minute()); // one sample says nothing
  w.record(1'500, 110);
  BOOST_TEST(!w.per_minute()); // nor do samples under a second apart
  w.record(31'000, 160);
  BOOST_TEST(*w.per_minute() == 120.0); // 60 in 30 s
  // Samples older than the window fall out: at 62 s the oldest left is
  // 160 at 31 s.
  w.record(62'000, 220);
  BOOST_TEST(*w.per_minute() == 60.0 * 60 / 31,
             boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(rates_ignore_time_going_back_and_restart_after_a_reset) {
  counter_rate w{std::chrono::seconds{60}};
  w.record(10'000, 50);
  w.record(20'000, 60);
  w.record(5'000, 1'000'000); // from the past: ignored
  BOOST_TEST(*w.per_minute() == 60.0);
  w.record(21'000, 3); // the counter restarted
  BOOST_TEST(!w.per_minute());
  w.record(23'000, 5);
  BOOST_TEST(*w.per_minute() == 60.0);
}

BOOST_AUTO_TEST_CASE(rate_memory_is_bounded) {
  counter_rate w{std::chrono::hours{1}, 10};
  for (int i = 0; i < 10'000; ++i)
    w.record(i * 1'000, i);
  // Only the last 10 samples remain: 9 counts in 9 s.
  BOOST_TEST(*w.per_minute() == 60.0);
}

BOOST_AUTO_TEST_CASE(the_json_carries_the_registry_figures) {
  auto& m = telemetry::metrics();
  m.messages_relayed.Increment(7);
  m.updates_message.Increment(9);
  m.cache_hits.Increment(3);
  m.cache_misses.Increment(1);
  m.set_breaker_state("open");
  m.db_connections_busy.Set(4);
  m.db_connections_idle.Set(3);
  m.outbox_backlog.Set(12);
  for (double s : {0.004, 0.004, 0.02})
    m.update_reply_seconds.Observe(s);
  live_rates rates;
  rates.record(0, 0, 0);
  rates.record(30'000, 9, 7);
  auto text = render_dashboard(telemetry::registry().Collect(), rates);

  simdjson::dom::parser p;
  simdjson::dom::element doc;
  BOOST_REQUIRE(p.parse(text).get(doc) == simdjson::SUCCESS);
  BOOST_TEST(double(doc["messages"]["relayed_total"]) == 7.0);
  BOOST_TEST(double(doc["messages"]["received_total"]) == 9.0);
  BOOST_TEST(double(doc["messages"]["relayed_per_minute"]) == 14.0);
  BOOST_TEST(double(doc["cache"]["hit_rate"]) == 0.75);
  BOOST_TEST(std::string_view(doc["translator"]["breaker"]) == "open");
  BOOST_TEST(double(doc["db"]["in_use"]) == 4.0);
  BOOST_TEST(double(doc["db"]["open"]) == 7.0); // idle and in use
  BOOST_TEST(double(doc["backlog"]["outbox"]) == 12.0);
  BOOST_TEST(double(doc["latency"]["count"]) == 3.0);
  // Rank 1.5 of 3 lies in (0.0025, 0.005], which holds 2: 0.0025 + 0.75 *
  // 0.0025.
  BOOST_TEST(double(doc["latency"]["p50_seconds"]) == 0.004375,
             boost::test_tools::tolerance(1e-12));
  // Nothing measured yet is null, not zero.
  BOOST_TEST(doc["translator"]["request"]["p95_seconds"].is_null());
}

BOOST_AUTO_TEST_CASE(the_cluster_figures_and_the_handoff_lag) {
  auto& m = telemetry::metrics();
  m.cluster_partitions_owned.Set(12);
  m.cluster_intake_leader.Set(1);
  m.cluster_rebalances.Increment(2);
  m.db_fenced_writes.Increment(5);
  // Four hand-offs in (0.01, 0.025], one in (2.5, 5].
  for (double s : {0.02, 0.02, 0.02, 0.02, 3.0})
    m.cluster_handoff_seconds.Observe(s);
  live_rates rates;
  auto text = render_dashboard(telemetry::registry().Collect(), rates);

  simdjson::dom::parser p;
  simdjson::dom::element doc;
  BOOST_REQUIRE(p.parse(text).get(doc) == simdjson::SUCCESS);
  auto c = doc["cluster"];
  BOOST_TEST(double(c["partitions_owned"]) == 12.0);
  BOOST_TEST(double(c["intake_leader"]) == 1.0);
  BOOST_TEST(double(c["rebalances_total"]) == m.cluster_rebalances.Value());
  BOOST_TEST(double(c["leases_lost_total"]) == m.cluster_leases_lost.Value());
  BOOST_TEST(double(c["fenced_writes_total"]) == m.db_fenced_writes.Value());
  BOOST_TEST(double(c["handoff"]["count"]) == 5.0);
  // Rank 2.5 of 5 lies in (0.01, 0.025], which holds 4: 0.01 + 0.015 * 2.5 / 4.
  BOOST_TEST(double(c["handoff"]["p50_seconds"]) == 0.019375,
             boost::test_tools::tolerance(1e-12));
  // Rank 4.95 lies in (2.5, 5], which holds 1: 2.5 + 2.5 * 0.95.
  BOOST_TEST(double(c["handoff"]["p99_seconds"]) == 4.875,
             boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(an_empty_registry_gives_nulls_not_errors) {
  live_rates rates;
  auto text = render_dashboard({}, rates);
  simdjson::dom::parser p;
  simdjson::dom::element doc;
  BOOST_REQUIRE(p.parse(text).get(doc) == simdjson::SUCCESS);
  BOOST_TEST(doc["messages"]["relayed_total"].is_null());
  BOOST_TEST(doc["cache"]["hit_rate"].is_null());
  BOOST_TEST(std::string_view(doc["translator"]["breaker"]) == "unknown");
  BOOST_TEST(doc["cluster"]["fenced_writes_total"].is_null());
  BOOST_TEST(doc["cluster"]["handoff"]["p99_seconds"].is_null());
}

BOOST_AUTO_TEST_SUITE_END() // ops_dashboard_figures
