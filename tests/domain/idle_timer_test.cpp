// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "domain/idle_timer.hpp"

BOOST_AUTO_TEST_SUITE(domain_idle_timer)

using namespace bridge::domain;
using namespace std::chrono;

namespace {

const auto t0 = idle_timer::clock::time_point{} + hours{5};

} // namespace

BOOST_AUTO_TEST_CASE(an_actor_idle_for_the_timeout_stops) {
  idle_timer t{seconds{300}};
  t.touch(t0);
  BOOST_TEST(!t.check(t0 + seconds{300}));
  BOOST_TEST(!t.check(t0 + hours{1}));
}

BOOST_AUTO_TEST_CASE(activity_moves_the_next_look_without_a_new_timer) {
  idle_timer t{seconds{300}};
  t.touch(t0);
  // Busy until t0 + 200 s: the timer armed at t0 fires at t0 + 300 s and
  // is told to look again 200 s later, 300 s after the last activity.
  for (int i = 1; i <= 200; ++i)
    t.touch(t0 + seconds{i});
  auto wait = t.check(t0 + seconds{300});
  BOOST_REQUIRE(wait);
  BOOST_TEST(duration_cast<seconds>(*wait).count() == 200);
  BOOST_TEST(!t.check(t0 + seconds{500}));
}

BOOST_AUTO_TEST_CASE(a_timer_firing_early_waits_the_rest) {
  idle_timer t{milliseconds{1000}};
  t.touch(t0);
  auto wait = t.check(t0 + milliseconds{999});
  BOOST_REQUIRE(wait);
  BOOST_TEST(duration_cast<milliseconds>(*wait).count() == 1);
}

BOOST_AUTO_TEST_CASE(bad_input_is_harmless) {
  // A clock going back waits a whole timeout rather than stopping.
  idle_timer t{seconds{10}};
  t.touch(t0);
  auto wait = t.check(t0 - seconds{30});
  BOOST_REQUIRE(wait);
  BOOST_TEST(duration_cast<seconds>(*wait).count() == 10);
  // A zero or negative timeout is one millisecond, never a busy loop of
  // zero-delay timers.
  idle_timer zero{seconds{0}};
  BOOST_TEST(duration_cast<milliseconds>(zero.timeout()).count() == 1);
  idle_timer negative{seconds{-5}};
  BOOST_TEST(duration_cast<milliseconds>(negative.timeout()).count() == 1);
  negative.touch(t0);
  BOOST_TEST(!negative.check(t0 + milliseconds{1}));
  // Never touched: idle since the clock's epoch.
  idle_timer fresh{seconds{10}};
  BOOST_TEST(!fresh.check(t0));
}

BOOST_AUTO_TEST_SUITE_END() // domain_idle_timer
