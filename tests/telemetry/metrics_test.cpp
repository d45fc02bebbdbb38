#define BOOST_TEST_MODULE ops.metrics
#include <boost/test/unit_test.hpp>

#include "telemetry/metrics.hpp"

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
