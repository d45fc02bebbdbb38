// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "tests/support/sim_world.hpp"
#include "tools/bridge_replay/generator.hpp"
#include "tools/bridge_replay/runner.hpp"

BOOST_AUTO_TEST_SUITE(replay_replay_e2e)

// The load tester against the real engine (fake translator, PostgreSQL,
// Redis): generated teams register through the bot's buttons, write at a
// rate with bursts and hostile input mixed in, and every message reaches
// its partner once, in order, translated.

using namespace bridge;
using namespace bridge::test;

namespace {

/// The engine with every limit a load run would trip over lifted.
std::vector<std::string> load_args() {
  return {"--translator.backend=fake",
          "--translator.requests_per_minute=100000000",
          "--translator.tokens_per_minute=1000000000",
          "--translator.max_in_flight=256",
          "--session.updates_per_minute=100000",
          "--session.free_daily_messages=1000000",
          "--sender.global_per_second=100000",
          "--sender.per_chat_per_second=100000",
          "--sender.per_chat_burst=100000"};
}

int port_of(const std::string& base_url) {
  return std::stoi(base_url.substr(base_url.rfind(':') + 1));
}

/// The nearest-rank percentile of `sorted`, computed here apart from the
/// report's own arithmetic.
int64_t nearest_rank(const std::vector<int64_t>& sorted, size_t p) {
  auto rank = (p * sorted.size() + 99) / 100; // ceil, in whole numbers
  return sorted[std::max<size_t>(rank, 1) - 1];
}

} // namespace

BOOST_AUTO_TEST_CASE(generated_traffic_arrives_once_in_order) {
  sim_world w{load_args(), {"--limits", "off"}};
  replay::generate_options g;
  g.teams = 20;
  g.workers_min = 1;
  g.workers_max = 4;
  g.messages = 400;
  g.rate = 200;
  g.burst = 3;
  g.burst_every_s = 1;
  g.burst_length_s = 0.2;
  g.hostile_fraction = 0.05;
  g.switch_fraction = 0.2;
  g.seed = 6;
  auto lines = replay::generate(g);
  replay::run_options o;
  o.sim_port = port_of(w.sim().base_url());
  o.timeout = std::chrono::seconds{120};
  o.drain = std::chrono::seconds{20};
  o.progress = false;
  auto r = replay::run(lines, o);
  BOOST_TEST_MESSAGE(replay::report_json(r));
  BOOST_TEST(r.aborted.empty());
  BOOST_TEST(r.registrations_failed == 0);
  BOOST_TEST(r.teams == 20);
  BOOST_TEST(r.counts.sent == 400);
  BOOST_TEST(r.counts.delivered == 400);
  BOOST_TEST(r.lost == 0);
  BOOST_TEST(r.counts.duplicated == 0);
  BOOST_TEST(r.counts.reordered == 0);
  BOOST_TEST(r.counts.wrong_chat == 0);
  BOOST_TEST(r.counts.mistranslated == 0);
  BOOST_TEST(r.counts.unexpected_replies == 0);
  BOOST_TEST(r.errors.empty());
  BOOST_TEST(r.passed());
  BOOST_TEST(r.latency.count == 400);
  // The summary is the samples' own: each delivery once, each latency
  // within the run (sent after the run began, arrived by its end), and
  // the percentiles what the samples give.
  BOOST_REQUIRE_EQUAL(r.samples.size(), 400u);
  std::vector<int64_t> ms;
  for (const auto& s : r.samples) {
    BOOST_TEST(s.latency_ms >= 0);
    BOOST_TEST(s.latency_ms <= static_cast<int64_t>(r.duration_s * 1000) + 1);
    BOOST_TEST(s.writer != s.recipient);
    ms.push_back(s.latency_ms);
  }
  std::sort(ms.begin(), ms.end());
  BOOST_TEST(r.latency.p50 == nearest_rank(ms, 50));
  BOOST_TEST(r.latency.p95 == nearest_rank(ms, 95));
  BOOST_TEST(r.latency.p99 == nearest_rank(ms, 99));
  BOOST_TEST(r.latency.max == ms.back());
  int64_t delivered = 0;
  for (const auto& sec : r.seconds)
    delivered += sec.delivered;
  BOOST_TEST(delivered == 400);
  // Hostile lines were answered, not ignored and not crashed on.
  BOOST_TEST(r.counts.expected_replies > 0);
  BOOST_TEST(w.engine().running());
}

BOOST_AUTO_TEST_CASE(a_second_run_on_the_same_engine_takes_fresh_users) {
  sim_world w{load_args(), {"--limits", "off"}};
  replay::generate_options g;
  g.teams = 3;
  g.workers_max = 2;
  g.messages = 30;
  g.rate = 100;
  auto lines = replay::generate(g);
  replay::run_options o;
  o.sim_port = port_of(w.sim().base_url());
  o.timeout = std::chrono::seconds{60};
  o.progress = false;
  BOOST_TEST(replay::run(lines, o).passed());
  o.id_offset = 1'000'000;
  auto again = replay::run(lines, o);
  BOOST_TEST(again.passed());
  BOOST_TEST(again.counts.delivered == 30);
  BOOST_TEST(again.counts.foreign_markers == 0);
}

BOOST_AUTO_TEST_CASE(no_simulator_is_a_clear_failure) {
  replay::run_options o;
  o.sim_port = 1; // nothing listens there on loopback
  o.progress = false;
  auto r = replay::run({}, o);
  BOOST_TEST(!r.passed());
  BOOST_TEST(r.aborted.find("does not answer") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END() // replay_replay_e2e
