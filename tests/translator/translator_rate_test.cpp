// SPDX-License-Identifier: Apache-2.0
#include "tests/translator/translator_fixture.hpp"

BOOST_AUTO_TEST_SUITE(translator_translator_rate)

using namespace bridge;
using namespace bridge::testing;
using namespace std::chrono_literals;

// The translator's promise: never more than its configured rates in any
// minute, proven over hours of simulated time with a standing backlog.

BOOST_FIXTURE_TEST_SUITE(translator_rate, fixture)

BOOST_AUTO_TEST_CASE(never_exceeds_its_request_rate_over_two_simulated_hours) {
  auto r = run_backlog({120, 1e7, 4}, 15000, 2h);
  BOOST_TEST(r.worst_requests <= 120u);
  BOOST_TEST(static_cast<double>(r.calls) >= 0.98 * 120 * 120);
}

BOOST_AUTO_TEST_CASE(never_exceeds_its_token_rate_over_two_simulated_hours) {
  auto r = run_backlog({10000, 20000, 4}, 20000, 2h);
  BOOST_TEST(r.worst_tokens <= 20000.0);
  BOOST_TEST(r.tokens >= 0.95 * 20000 * 120);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END() // translator_translator_rate
