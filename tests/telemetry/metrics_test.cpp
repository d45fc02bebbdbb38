// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "telemetry/health.hpp"
#include "telemetry/metrics.hpp"

BOOST_AUTO_TEST_SUITE(telemetry_metrics)

using namespace bridge::telemetry;

BOOST_AUTO_TEST_CASE(exposition_follows_prometheus_conventions) {
  metrics().updates_message.Increment();
  metrics().updates_callback.Increment(2);
  metrics().update_reply_seconds.Observe(0.004);
  auto text = render_metrics();
  BOOST_TEST(text.find("bridge_updates_received_total{kind=\"message\"} 1")
                 != std::string::npos,
             text);
  BOOST_TEST(
      text.find("bridge_updates_received_total{kind=\"callback_query\"} 2")
      != std::string::npos);
  BOOST_TEST(text.find("# TYPE bridge_update_reply_latency_seconds histogram")
             != std::string::npos);
  BOOST_TEST(text.find("bridge_build_info{revision=") != std::string::npos);
  BOOST_TEST(text.find("bridge_db_pool_connections{state=\"in_use\"}")
             != std::string::npos);
  // One HELP and TYPE per family, even when several metrics share it.
  auto first = text.find("# TYPE bridge_updates_received_total");
  BOOST_TEST(text.find("# TYPE bridge_updates_received_total", first + 1)
             == std::string::npos);
}

BOOST_AUTO_TEST_CASE(labelled_outcome_counters_are_one_family_each) {
  metrics().updates_refused("too_deep").Increment();
  metrics().updates_skipped("channel_post").Increment(3);
  metrics().get_updates_errors("oversize").Increment();
  auto text = render_metrics();
  BOOST_TEST(text.find("bridge_updates_refused_total{reason=\"too_deep\"} 1")
                 != std::string::npos,
             text);
  BOOST_TEST(
      text.find("bridge_updates_skipped_total{reason=\"channel_post\"} 3")
      != std::string::npos);
  BOOST_TEST(text.find("bridge_get_updates_errors_total{reason=\"oversize\"} 1")
             != std::string::npos);
  // The edit reasons are there at zero before any edit.
  for (auto reason : {"not_registered", "command", "media", "too_long"})
    BOOST_TEST(text.find(std::string{"bridge_edits_ignored_total{reason=\""}
                         + reason + "\"} 0")
                   != std::string::npos,
               reason);
}

BOOST_AUTO_TEST_CASE(the_breaker_state_is_one_series_at_one) {
  auto& m = metrics();
  auto line = [](const std::string& state, int v) {
    return "bridge_translator_breaker_state{state=\"" + state + "\"} "
           + std::to_string(v) + "\n";
  };
  m.set_breaker_state("half_open");
  auto text = render_metrics();
  BOOST_TEST(text.find(line("half_open", 1)) != std::string::npos, text);
  BOOST_TEST(text.find(line("closed", 0)) != std::string::npos);
  BOOST_TEST(text.find(line("open", 0)) != std::string::npos);
  // A state the translator does not name is not taken for closed.
  m.set_breaker_state("");
  text = render_metrics();
  BOOST_TEST(text.find(line("open", 1)) != std::string::npos);
  BOOST_TEST(text.find(line("closed", 0)) != std::string::npos);
  m.set_breaker_state("closed");
  BOOST_TEST(render_metrics().find(line("closed", 1)) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(pool_states_do_not_overlap_and_requests_carry_backend) {
  auto& m = metrics();
  m.db_connections_idle.Set(3);
  m.db_connections_busy.Set(2);
  m.translator_request_seconds("apertium").Observe(0.2);
  m.translator_request_seconds("").Observe(0.2);
  auto text = render_metrics();
  BOOST_TEST(text.find("bridge_db_pool_connections{state=\"idle\"} 3")
                 != std::string::npos,
             text);
  BOOST_TEST(text.find("bridge_db_pool_connections{state=\"open\"}")
             == std::string::npos);
  BOOST_TEST(text.find("bridge_translator_request_seconds_count{backend="
                       "\"apertium\"} 1")
             != std::string::npos);
  BOOST_TEST(text.find("bridge_translator_request_seconds_count{backend="
                       "\"unknown\"} 1")
             != std::string::npos);
}

// -- /readyz and its gauges ---------------------------------------------------

namespace {

void all_up(health& h) {
  h.database = true;
  h.migrations = true;
  h.cache = true;
  h.intake = true;
}

} // namespace

BOOST_AUTO_TEST_CASE(redis_down_is_degraded_not_unready) {
  health h;
  all_up(h);
  BOOST_TEST(h.render() == R"({"ready":true,"not_ready":[],"degraded":[]})");
  h.cache = false;
  BOOST_TEST(h.ready());
  BOOST_TEST(h.degraded());
  BOOST_TEST(h.render()
             == R"({"ready":true,"not_ready":[],"degraded":["cache"]})");
}

BOOST_AUTO_TEST_CASE(what_the_engine_needs_makes_it_unready) {
  health h;
  BOOST_TEST(!h.ready());
  BOOST_TEST(h.render()
             == R"({"ready":false,"not_ready":["database","migrations",)"
                R"("intake"],"degraded":["cache"]})");
  all_up(h);
  h.draining = true;
  BOOST_TEST(!h.ready());
  BOOST_TEST(!h.degraded());
}

BOOST_AUTO_TEST_CASE(the_scrape_follows_the_process_health_flags) {
  auto& h = engine_health();
  all_up(h);
  h.cache = false;
  auto text = render_metrics();
  BOOST_TEST(text.find("\nbridge_ready 1\n") != std::string::npos, text);
  BOOST_TEST(text.find("\nbridge_degraded{part=\"cache\"} 1\n")
             != std::string::npos);
  h.cache = true;
  h.intake = false;
  text = render_metrics();
  BOOST_TEST(text.find("\nbridge_ready 0\n") != std::string::npos);
  BOOST_TEST(text.find("\nbridge_degraded{part=\"cache\"} 0\n")
             != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END() // telemetry_metrics
