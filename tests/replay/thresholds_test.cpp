// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>

#include "tools/bridge_replay/thresholds.hpp"

BOOST_AUTO_TEST_SUITE(replay_thresholds)

// Pass criteria as pure functions of the report's figures: one line per
// missed threshold, nothing when met or unset, bad limits refused.

using namespace bridge::replay;

namespace {

latency_summary steady_p99(int64_t p99) {
  latency_summary l;
  l.count = 100;
  l.p99 = p99;
  l.max = p99;
  return l;
}

} // namespace

BOOST_AUTO_TEST_CASE(no_thresholds_never_fail) {
  BOOST_TEST(threshold_failures({}, steady_p99(10'000), 0).empty());
  BOOST_TEST(threshold_failures({}, {}, std::nan("")).empty());
  BOOST_TEST(validate(thresholds{}).empty());
}

BOOST_AUTO_TEST_CASE(met_thresholds_pass_at_the_limit) {
  thresholds t{250.0, 1000.0};
  BOOST_TEST(threshold_failures(t, steady_p99(250), 1000.0).empty());
  BOOST_TEST(threshold_failures(t, steady_p99(12), 5000.0).empty());
}

BOOST_AUTO_TEST_CASE(a_violated_threshold_says_which_and_by_how_much) {
  thresholds t{250.0, std::nullopt};
  auto f = threshold_failures(t, steady_p99(412), 1.0);
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0] == "threshold failed: steady p99 412 ms > 250 ms");
  thresholds tp{std::nullopt, 1000.0};
  auto g = threshold_failures(tp, steady_p99(1), 812.34);
  BOOST_TEST_REQUIRE(g.size() == 1u);
  BOOST_TEST(g[0] == "threshold failed: throughput 812.3/s < 1000/s");
}

BOOST_AUTO_TEST_CASE(both_violated_give_two_lines) {
  thresholds t{250.0, 1000.0};
  auto f = threshold_failures(t, steady_p99(300), 10.0);
  BOOST_TEST(f.size() == 2u);
}

BOOST_AUTO_TEST_CASE(what_cannot_be_judged_fails) {
  thresholds t{250.0, 1000.0};
  // No steady delivery at all, and a throughput that is not a number.
  auto f = threshold_failures(t, latency_summary{}, std::nan(""));
  BOOST_TEST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].find("no deliveries") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_limits_are_refused) {
  BOOST_TEST(threshold_value_error(0).empty());
  BOOST_TEST(threshold_value_error(250.5).empty());
  BOOST_TEST(threshold_value_error(-1) == "negative");
  BOOST_TEST(threshold_value_error(std::nan("")) == "not a number");
  BOOST_TEST(threshold_value_error(std::numeric_limits<double>::infinity())
             == "not finite");
  BOOST_TEST(validate(thresholds{-1.0, std::nullopt})
             == "--max-p99-ms: negative");
  BOOST_TEST(validate(thresholds{std::nullopt, std::nan("")})
             == "--min-throughput: not a number");
}

BOOST_AUTO_TEST_SUITE_END()
