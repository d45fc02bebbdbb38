#include <boost/test/unit_test.hpp>

#include "telemetry/metrics.hpp"

BOOST_AUTO_TEST_SUITE(telemetry_metrics)

using namespace bridge::telemetry;

BOOST_AUTO_TEST_CASE(exposition_follows_prometheus_conventions) {
  metrics().updates_message.Increment();
  metrics().updates_callback.Increment(2);
  metrics().update_reply_seconds.Observe(0.004);
  auto text = render_metrics();
  BOOST_TEST(text.find("bridge_updates_received_total{kind=\"message\"} 1") != std::string::npos, text);
  BOOST_TEST(text.find("bridge_updates_received_total{kind=\"callback_query\"} 2") != std::string::npos);
  BOOST_TEST(text.find("# TYPE bridge_update_reply_latency_seconds histogram") != std::string::npos);
  BOOST_TEST(text.find("bridge_build_info{version=") != std::string::npos);
  BOOST_TEST(text.find("bridge_db_pool_connections{state=\"in_use\"}") != std::string::npos);
  // One HELP and TYPE per family, even when several metrics share it.
  auto first = text.find("# TYPE bridge_updates_received_total");
  BOOST_TEST(text.find("# TYPE bridge_updates_received_total", first + 1) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(labelled_outcome_counters_are_one_family_each) {
  metrics().updates_refused("too_deep").Increment();
  metrics().updates_skipped("channel_post").Increment(3);
  metrics().get_updates_errors("oversize").Increment();
  auto text = render_metrics();
  BOOST_TEST(text.find("bridge_updates_refused_total{reason=\"too_deep\"} 1")
             != std::string::npos, text);
  BOOST_TEST(text.find("bridge_updates_skipped_total{reason=\"channel_post\"} 3")
             != std::string::npos);
  BOOST_TEST(text.find("bridge_get_updates_errors_total{reason=\"oversize\"} 1")
             != std::string::npos);
  // The edit reasons are there at zero before any edit.
  for (auto reason : {"not_registered", "command", "media", "too_long"})
    BOOST_TEST(text.find(std::string{"bridge_edits_ignored_total{reason=\""}
                         + reason + "\"} 0")
               != std::string::npos, reason);
}

BOOST_AUTO_TEST_SUITE_END() // telemetry_metrics
