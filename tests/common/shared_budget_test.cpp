// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "common/shared_budget.hpp"

BOOST_AUTO_TEST_SUITE(common_shared_budget)

using namespace bridge;
using namespace std::chrono_literals;

namespace {

using time_point = shared_budget::time_point;

/// The sender's global limit: 30/s, half a second's burst.
shared_budget::settings send_like(bool draws = false) {
  shared_budget::settings s;
  s.rate = 30;
  s.burst_seconds = 0.5;
  s.min_burst = 1;
  s.floor = 0.2;
  s.draws = draws;
  return s;
}

/// Takes as fast as allowed from `b` for `span`, in steps of `step`.
size_t spend(shared_budget& b, time_point& now, std::chrono::milliseconds span,
             std::chrono::milliseconds step = 1ms) {
  size_t n = 0;
  for (auto end = now + span; now < end; now += step)
    while (b.try_take(now))
      ++n;
  return n;
}

} // namespace

BOOST_AUTO_TEST_CASE(a_share_is_the_limit_over_the_members_above_a_floor) {
  BOOST_TEST(share_of(30, 1, 0.2) == 30.0);
  BOOST_TEST(share_of(30, 0, 0.2) == 30.0);
  BOOST_TEST(share_of(30, 3, 0.2) == 10.0);
  BOOST_TEST(share_of(30, 4, 0.2) == 7.5);
  BOOST_TEST(share_of(30, 1000, 0.2) == 0.2);
  // A floor above the limit never lifts a share past the limit.
  BOOST_TEST(share_of(0.1, 5, 0.2) == 0.1);
}

BOOST_AUTO_TEST_CASE(alone_it_is_exactly_the_token_bucket_it_replaces) {
  time_point now{};
  shared_budget b{send_like(), now};
  token_bucket t{30, 15, now};
  BOOST_TEST(b.rate() == 30.0);
  BOOST_TEST(b.burst() == 15.0);
  for (int step = 0; step < 3000; ++step) {
    now += std::chrono::microseconds{(step * 7919) % 5000};
    auto want = step % 3 == 0 ? 2.0 : 1.0;
    BOOST_TEST(b.try_take(now, want) == t.try_take(now, want));
    BOOST_TEST((b.ready_at(now) == t.ready_at(now)));
  }
  // Nothing to ask a shared bucket for, ever.
  BOOST_TEST(!b.ask_for(now, 1, 100).has_value());
}

BOOST_AUTO_TEST_CASE(three_members_spend_a_third_and_one_restores_the_whole) {
  time_point now{};
  shared_budget b{send_like(), now};
  b.set_members(3, now);
  BOOST_TEST(b.rate() == 10.0);
  BOOST_TEST(b.burst() == 5.0);
  spend(b, now, 1ms); // the stored tokens (capped at the new burst)
  auto third = spend(b, now, 10s);
  BOOST_TEST(third <= 10u * 10 + 1);
  BOOST_TEST(third >= 10u * 10 - 1);
  b.set_members(1, now);
  BOOST_TEST(b.rate() == 30.0);
  BOOST_TEST(b.burst() == 15.0);
  now += 1s; // refills to the whole burst
  auto whole = spend(b, now, 10s);
  BOOST_TEST(whole >= 15u + 30 * 10 - 1);
  BOOST_TEST(whole <= 15u + 30 * 10 + 1);
}

BOOST_AUTO_TEST_CASE(a_huge_cluster_still_moves_at_the_floor) {
  time_point now{};
  shared_budget b{send_like(), now};
  b.set_members(10000, now);
  BOOST_TEST(b.rate() == 0.2);
  spend(b, now, 1ms);
  BOOST_TEST(spend(b, now, 21s, 10ms) == 4u); // one each 5 s
}

BOOST_AUTO_TEST_CASE(drawing_spends_only_grants_asked_in_small_pieces) {
  time_point now{};
  shared_budget b{send_like(true), now};
  BOOST_TEST(!b.drawing()); // alone: no round trips at all
  BOOST_TEST(!b.ask_for(now, 1, 50).has_value());
  b.set_members(3, now);
  BOOST_TEST(b.drawing());
  // The local bucket spaces at the whole rate; grants hold the bot's.
  BOOST_TEST(b.rate() == 30.0);
  BOOST_TEST(!b.try_take(now));
  auto a = b.ask_for(now, 1, 50);
  BOOST_REQUIRE(a);
  BOOST_TEST(a->want == 3.0); // a tenth of a second's worth, at most
  BOOST_TEST(a->least == 1.0);
  // Small demand asks for what it needs, not for the most.
  BOOST_TEST(b.ask_for(now, 1, 2)->want == 2.0);
  b.asked();
  BOOST_TEST(!b.ask_for(now, 1, 50).has_value()); // one ask at a time
  BOOST_TEST((b.ready_at(now) > now));
  b.granted(3, 0us, now);
  BOOST_TEST(b.held(now) == 3.0);
  BOOST_TEST(
      !b.ask_for(now, 1, 50).has_value()); // the grant covers the next spend
  for (int i = 0; i < 3; ++i)
    BOOST_TEST(b.try_take(now));
  BOOST_TEST(!b.try_take(now));
  BOOST_TEST(b.ask_for(now, 1, 50).has_value());
}

BOOST_AUTO_TEST_CASE(steady_spending_asks_for_a_span_of_it_not_one_at_a_time) {
  // A fast translator: one call waits at a time, hundreds a second go.
  shared_budget::settings s;
  s.rate = 1000;
  s.draws = true;
  time_point now{};
  shared_budget b{s, now};
  b.set_members(2, now);
  size_t asks = 0;
  auto serve = [&](double demand) {
    if (auto a = b.ask_for(now, 1, demand)) {
      ++asks;
      b.asked();
      b.granted(a->want, 0us, now);
    }
    return b.try_take(now);
  };
  // 400 a second for three seconds, never more than one waiting.
  for (int i = 0; i < 1200; ++i, now += 2500us)
    BOOST_TEST(serve(1));
  BOOST_TEST(b.pace(now) == 400.0, boost::test_tools::tolerance(0.1));
  BOOST_TEST(asks < 100u);
  // With the grants spent, an ask is for a tenth of a second's spending,
  // though one call waits; never past a tenth of the shared rate.
  while (b.try_take(now)) {
  }
  auto have = b.held(now); // a part of a token may be left
  BOOST_TEST(have < 1.0);
  auto a = b.ask_for(now, 1, 1);
  BOOST_REQUIRE(a);
  BOOST_TEST(a->want > 30.0);
  BOOST_TEST(a->want < 50.0);
  BOOST_TEST(a->least + have == 1.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(b.ask_for(now, 1, 5000)->want + have == 100.0,
             boost::test_tools::tolerance(1e-9));
  // Idle for a while, it asks for what it needs again.
  now += 10s;
  b.held(now);
  auto after_idle = b.ask_for(now, 1, 1);
  BOOST_REQUIRE(after_idle);
  BOOST_TEST(after_idle->want == 1.0);
}

BOOST_AUTO_TEST_CASE(unspent_grants_lapse_and_are_never_carried_over) {
  time_point now{};
  shared_budget b{send_like(true), now};
  b.set_members(2, now);
  b.asked();
  b.granted(3, 0us, now);
  BOOST_TEST(b.try_take(now));
  now += 249ms;
  BOOST_TEST(b.held(now) == 2.0);
  now += 1ms;
  BOOST_TEST(b.held(now) == 0.0);
  BOOST_TEST(!b.try_take(now));
}

BOOST_AUTO_TEST_CASE(an_empty_shared_bucket_says_when_to_ask_again) {
  time_point now{};
  shared_budget b{send_like(true), now};
  b.set_members(2, now);
  b.asked();
  b.granted(0, 40ms, now);
  BOOST_TEST(!b.ask_for(now + 39ms, 1, 5).has_value());
  BOOST_TEST((b.ready_at(now) == now + 40ms));
  BOOST_TEST(b.ask_for(now + 40ms, 1, 5).has_value());
}

BOOST_AUTO_TEST_CASE(a_shared_bucket_that_fails_falls_back_to_the_share) {
  time_point now{};
  shared_budget b{send_like(true), now};
  b.set_members(3, now);
  b.asked();
  BOOST_TEST(b.failed(now)); // the first failure is the one worth a log
  BOOST_TEST(!b.drawing());
  BOOST_TEST(b.falling_back());
  BOOST_TEST(b.fallbacks() == 1u);
  BOOST_TEST(b.rate() == 10.0);
  // Spending goes on at the share without any grant.
  spend(b, now, 1ms);
  BOOST_TEST(spend(b, now, 900ms) >= 8u);
  // A probe once a second; further failures are quiet.
  BOOST_TEST(!b.ask_for(now, 1, 10).has_value());
  now += 100ms;
  auto probe = b.ask_for(now, 1, 10);
  BOOST_REQUIRE(probe);
  BOOST_TEST(probe->want == 1.0);
  b.asked();
  BOOST_TEST(!b.failed(now));
  BOOST_TEST(b.fallbacks() == 1u);
  now += 1s;
  BOOST_REQUIRE(b.ask_for(now, 1, 10).has_value());
  b.asked();
  BOOST_TEST(b.granted(1, 0us, now)); // back: drawing again
  BOOST_TEST(b.drawing());
  BOOST_TEST(b.rate() == 30.0);
  BOOST_TEST(b.try_take(now));
}

BOOST_AUTO_TEST_CASE(a_spend_larger_than_the_burst_takes_its_whole_grant) {
  time_point now{};
  shared_budget::settings s;
  s.rate = 100; // tokens per second
  s.draws = true;
  shared_budget b{s, now};
  b.set_members(2, now);
  auto a = b.ask_for(now, 250, 250);
  BOOST_REQUIRE(a);
  BOOST_TEST(a->least == 250.0);
  b.asked();
  b.granted(250, 0us, now);
  BOOST_TEST(b.try_take(now, 250));
  BOOST_TEST(b.held(now) == 0.0);
}

BOOST_AUTO_TEST_CASE(leaving_the_cluster_drops_grants_and_round_trips) {
  time_point now{};
  shared_budget b{send_like(true), now};
  b.set_members(3, now);
  b.asked();
  b.granted(3, 0us, now);
  b.set_members(1, now);
  BOOST_TEST(!b.drawing());
  BOOST_TEST(b.held(now) == 0.0);
  BOOST_TEST(!b.ask_for(now, 1, 10).has_value());
  BOOST_TEST(b.rate() == 30.0);
}

BOOST_AUTO_TEST_SUITE_END() // common_shared_budget
