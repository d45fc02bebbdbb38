// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "translator/circuit_breaker.hpp"

BOOST_AUTO_TEST_SUITE(translator_circuit_breaker)

using namespace bridge::translation;
using namespace std::chrono_literals;
using state = circuit_breaker::state;

namespace {
const std::chrono::steady_clock::time_point t0{std::chrono::hours{5}};
}

BOOST_AUTO_TEST_CASE(opens_after_k_consecutive_failures) {
  circuit_breaker b{3, 30s};
  b.on_failure(t0);
  b.on_failure(t0);
  BOOST_TEST((b.current(t0) == state::closed));
  b.on_success(); // the streak is broken
  b.on_failure(t0);
  b.on_failure(t0);
  BOOST_TEST((b.current(t0) == state::closed));
  b.on_failure(t0);
  BOOST_TEST((b.current(t0) == state::open));
  BOOST_TEST(!b.try_acquire(t0 + 29s));
  BOOST_TEST(b.opens() == 1u);
}

BOOST_AUTO_TEST_CASE(lets_one_probe_through_after_the_cooldown) {
  circuit_breaker b{1, 30s};
  b.on_failure(t0);
  BOOST_TEST((b.current(t0 + 30s) == state::half_open));
  BOOST_TEST(b.try_acquire(t0 + 30s));
  BOOST_TEST(!b.try_acquire(t0 + 31s)); // one probe at a time
  b.on_success();
  BOOST_TEST((b.current(t0 + 31s) == state::closed));
  BOOST_TEST(b.try_acquire(t0 + 31s));
}

BOOST_AUTO_TEST_CASE(a_failed_probe_opens_it_again) {
  circuit_breaker b{2, 10s};
  b.on_failure(t0);
  b.on_failure(t0);
  BOOST_TEST(b.try_acquire(t0 + 10s));
  b.on_failure(t0 + 11s);
  BOOST_TEST((b.current(t0 + 12s) == state::open));
  BOOST_TEST((b.reopens_at() == t0 + 21s));
  BOOST_TEST(b.opens() == 2u);
}

BOOST_AUTO_TEST_CASE(
    late_failures_of_calls_made_before_opening_do_not_extend_it) {
  circuit_breaker b{1, 10s};
  b.on_failure(t0);
  b.on_failure(t0 + 1s);
  BOOST_TEST((b.reopens_at() == t0 + 10s));
  BOOST_TEST(b.opens() == 1u);
  BOOST_TEST(std::string{to_string(state::half_open)} == "half_open");
}

BOOST_AUTO_TEST_SUITE_END() // translator_circuit_breaker
