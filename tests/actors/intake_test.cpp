// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "actors/intake.hpp"

BOOST_AUTO_TEST_SUITE(actors_intake)

using bridge::db_pool_status;
using bridge::engine_is_behind;

namespace {

db_pool_status pool(int64_t depth, int64_t limit) {
  db_pool_status s;
  s.queue_depth = depth;
  s.queue_limit = limit;
  return s;
}

} // namespace

BOOST_AUTO_TEST_CASE(intake_holds_back_from_a_quarter_full_queue) {
  BOOST_TEST(!engine_is_behind(pool(0, 10000)));
  BOOST_TEST(!engine_is_behind(pool(2499, 10000)));
  BOOST_TEST(engine_is_behind(pool(2500, 10000)));
  BOOST_TEST(engine_is_behind(pool(10000, 10000)));
}

BOOST_AUTO_TEST_CASE(tiny_queues_hold_back_as_soon_as_anything_waits) {
  BOOST_TEST(!engine_is_behind(pool(0, 1)));
  BOOST_TEST(engine_is_behind(pool(1, 1)));
  BOOST_TEST(engine_is_behind(pool(1, 3)));
}

BOOST_AUTO_TEST_CASE(a_status_without_a_limit_never_holds_intake_back) {
  // An empty or nonsensical status must not stop intake for good.
  BOOST_TEST(!engine_is_behind(db_pool_status{}));
  BOOST_TEST(!engine_is_behind(pool(500, 0)));
  BOOST_TEST(!engine_is_behind(pool(500, -4)));
  BOOST_TEST(!engine_is_behind(pool(-1, 100)));
}

BOOST_AUTO_TEST_SUITE_END() // actors_intake
