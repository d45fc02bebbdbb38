// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "domain/allowance.hpp"

BOOST_AUTO_TEST_SUITE(domain_allowance)

using namespace bridge::domain;

namespace {

constexpr int64_t monday = 20240304;
constexpr int64_t tuesday = 20240305;

} // namespace

BOOST_AUTO_TEST_CASE(nothing_is_sent_before_postgresql_charged_it) {
  allowance_lease a{10, 50};
  BOOST_TEST(a.move_to(monday).count == 0);
  BOOST_TEST(!a.take());
  BOOST_TEST(a.want() == 10);
  BOOST_TEST(a.granted(monday, 10, 10, false).count == 0);
  for (int i = 0; i < 10; ++i)
    BOOST_TEST(a.take());
  BOOST_TEST(!a.take());
}

BOOST_AUTO_TEST_CASE(a_refill_is_asked_for_at_half_a_lease_once) {
  allowance_lease a{10, 50};
  a.move_to(monday);
  a.granted(monday, 10, 10, false);
  for (int i = 0; i < 4; ++i) {
    BOOST_TEST(a.take());
    BOOST_TEST(a.prefetch() == 0); // 9 .. 6 held
  }
  BOOST_TEST(a.take());
  BOOST_TEST(a.prefetch() == 10); // 5 held
  BOOST_TEST(a.refilling());
  BOOST_TEST(a.take());
  BOOST_TEST(a.prefetch() == 0); // one in flight is enough
  a.granted(monday, 10, 20, true);
  BOOST_TEST(!a.refilling());
  BOOST_TEST(a.held() == 14);
}

BOOST_AUTO_TEST_CASE(asks_shrink_to_what_is_left_under_the_limit) {
  allowance_lease a{10, 25};
  a.move_to(monday);
  BOOST_TEST(a.want() == 10);       // nothing seen yet: a whole lease
  a.granted(monday, 10, 22, false); // another instance counted 12
  BOOST_TEST(a.want() == 3);
  while (a.take()) {
  }
  BOOST_TEST(a.prefetch() == 3);
  a.granted(monday, 3, 25, true);
  for (int i = 0; i < 3; ++i)
    BOOST_TEST(a.take());
  // At the limit as seen: no background ask; a foreground one still asks
  // (PostgreSQL refuses, or a give-back made room).
  BOOST_TEST(a.prefetch() == 0);
  BOOST_TEST(a.want() == 1);
  a.granted(monday, 0, 25, false);
  BOOST_TEST(!a.take());
}

BOOST_AUTO_TEST_CASE(a_limit_below_a_lease_is_asked_for_whole) {
  allowance_lease a{10, 2};
  a.move_to(monday);
  BOOST_TEST(a.want() == 2);
}

BOOST_AUTO_TEST_CASE(without_a_limit_leases_are_whole_and_prefetched) {
  allowance_lease a{4, -1};
  a.move_to(monday);
  BOOST_TEST(a.want() == 4);
  BOOST_TEST(a.prefetch() == 4); // nothing held, no limit to respect
  a.granted(monday, 4, 4, true);
  BOOST_TEST(a.want() == 4);
}

BOOST_AUTO_TEST_CASE(held_and_in_flight_never_exceed_two_leases) {
  // The crash bound in the DESIGN note: simulate a writer faster than
  // the database, answering asks late, and check the worst case.
  const int64_t lease = 6;
  allowance_lease a{lease, -1};
  a.move_to(monday);
  int64_t in_flight = 0;
  int64_t worst = 0;
  for (int step = 0; step < 1000; ++step) {
    if (!a.take()) {
      // Foreground: waits, so answered now (the background one too, at
      // every third step, as if the two crossed).
      a.granted(monday, a.want(), -1, false);
      BOOST_TEST(a.take());
    }
    if (auto n = a.prefetch())
      in_flight += n;
    worst = std::max(worst, a.held() + in_flight);
    if (in_flight > 0 && step % 3 == 0) {
      a.granted(monday, in_flight, -1, true);
      in_flight = 0;
    }
  }
  BOOST_TEST(worst <= 2 * lease);
}

BOOST_AUTO_TEST_CASE(a_new_day_hands_back_the_old_days_lease) {
  allowance_lease a{10, 50};
  a.move_to(monday);
  a.granted(monday, 10, 10, false);
  a.take();
  BOOST_TEST(a.prefetch() == 0);
  auto back = a.move_to(tuesday);
  BOOST_TEST(back.day == monday);
  BOOST_TEST(back.count == 9);
  BOOST_TEST(!a.take());
  BOOST_TEST(a.want() == 10); // Tuesday's count is not known yet
  // The same day again changes nothing.
  BOOST_TEST(a.move_to(tuesday).count == 0);
}

BOOST_AUTO_TEST_CASE(a_late_answer_for_another_day_is_handed_back) {
  allowance_lease a{10, -1};
  a.move_to(monday);
  a.granted(monday, 10, 10, false);
  for (int i = 0; i < 5; ++i)
    a.take();
  BOOST_TEST(a.prefetch() == 10);
  a.move_to(tuesday);
  BOOST_TEST(!a.refilling());
  auto back = a.granted(monday, 10, 20, true);
  BOOST_TEST(back.day == monday);
  BOOST_TEST(back.count == 10);
  BOOST_TEST(a.held() == 0);
  // A refused late answer has nothing to give back.
  BOOST_TEST(a.granted(monday, 0, 20, true).day == 0);
}

BOOST_AUTO_TEST_CASE(the_clock_stepping_back_is_a_new_day_too) {
  allowance_lease a{10, 50};
  a.move_to(tuesday);
  a.granted(tuesday, 10, 10, false);
  auto back = a.move_to(monday);
  BOOST_TEST(back.day == tuesday);
  BOOST_TEST(back.count == 10);
}

BOOST_AUTO_TEST_CASE(release_gives_back_everything_once) {
  allowance_lease a{10, 50};
  a.move_to(monday);
  a.granted(monday, 10, 10, false);
  a.take();
  auto back = a.release();
  BOOST_TEST(back.day == monday);
  BOOST_TEST(back.count == 9);
  BOOST_TEST(a.release().count == 0);
  BOOST_TEST(!a.take());
}

BOOST_AUTO_TEST_CASE(bad_input_is_harmless) {
  // A lease below one is one.
  allowance_lease zero{0, 50};
  zero.move_to(monday);
  BOOST_TEST(zero.want() == 1);
  allowance_lease negative{-5, 50};
  negative.move_to(monday);
  BOOST_TEST(negative.want() == 1);
  // A limit of zero still asks (PostgreSQL refuses) but never prefetches.
  allowance_lease none{10, 0};
  none.move_to(monday);
  BOOST_TEST(none.want() == 1);
  none.granted(monday, 0, 0, false);
  BOOST_TEST(none.want() == 1);
  BOOST_TEST(none.prefetch() == 0);
  // Negative counts from a broken answer grant nothing and forget the
  // count seen; a count above the limit asks for one.
  allowance_lease a{10, 50};
  a.move_to(monday);
  BOOST_TEST(a.granted(monday, -3, -7, false).count == 0);
  BOOST_TEST(!a.take());
  BOOST_TEST(a.want() == 10);
  a.granted(monday, 0, 80, false);
  BOOST_TEST(a.want() == 1);
  BOOST_TEST(a.prefetch() == 0);
  // Failed background asks can be asked again.
  allowance_lease b{4, -1};
  b.move_to(monday);
  BOOST_TEST(b.prefetch() == 4);
  BOOST_TEST(b.prefetch() == 0);
  b.prefetch_failed();
  BOOST_TEST(b.prefetch() == 4);
}

BOOST_AUTO_TEST_SUITE_END() // domain_allowance
