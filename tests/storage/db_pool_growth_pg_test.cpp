// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "tests/support/small_pool.hpp"

// A pool opens `pool_min` connections at start and each further one, up
// to `pool_size`, only when a request waits with every open one busy.

BOOST_AUTO_TEST_SUITE(storage_db_pool_growth_pg)

using namespace bridge;
using bridge::test::small_pool;
using bridge::test::table_lock;
using bridge::test::wait_until;

namespace {

int64_t open(small_pool& p) {
  return p.status().connections_open;
}

} // namespace

BOOST_AUTO_TEST_CASE(requests_one_at_a_time_use_the_connections_open_at_start) {
  small_pool p{4, 10, true, 2, std::chrono::milliseconds{0}, 2};
  BOOST_REQUIRE(wait_until([&] { return open(p) == 2; }));
  // Each request finds an idle connection: nothing more is opened.
  for (int64_t id = 1; id <= 30; ++id) {
    p.must(user_put{id, user_role::worker, "en", "u"});
    p.must(user_get{id});
  }
  BOOST_TEST(open(p) == 2);
  BOOST_TEST(p.server_connections() == 2);
}

BOOST_AUTO_TEST_CASE(waiting_requests_open_connections_up_to_the_pool_size) {
  small_pool p{3, 10, true, 2, std::chrono::milliseconds{0}, 1};
  BOOST_REQUIRE(wait_until([&] { return open(p) == 1; }));
  for (int64_t id = 1; id <= 8; ++id)
    p.must(user_put{id, user_role::worker, "en", "u"});
  BOOST_TEST(open(p) == 1);
  table_lock lock{p.db.dsn(), "users"};
  caf::scoped_actor self{*p.sys};
  // Every read waits for the lock: the first holds the one connection,
  // the pool opens the others one by one, and stops at three.
  for (int64_t id = 1; id <= 8; ++id)
    self->send(p.pool, user_get{id, 300'000});
  long long peak = 0;
  BOOST_REQUIRE(wait_until([&] {
    peak = std::max(peak, p.server_connections());
    return p.server_connections(" AND wait_event_type = 'Lock'") == 3;
  }));
  for (int i = 0; i < 20; ++i)
    peak = std::max(peak, p.server_connections());
  BOOST_TEST(peak == 3);
  BOOST_TEST(open(p) == 3);
  lock.release();
  int answered = 0;
  self->receive_for(answered,
                    8)([&](user_record& u) { BOOST_TEST(u.language == "en"); },
                       [&](caf::error& e) { BOOST_FAIL(describe(e)); });
  // What was opened stays open for the next burst.
  BOOST_TEST(open(p) == 3);
}

BOOST_AUTO_TEST_CASE(a_minimum_above_the_size_opens_the_size) {
  small_pool p{2, 10, true, 2, std::chrono::milliseconds{0}, 50};
  BOOST_REQUIRE(wait_until([&] { return open(p) == 2; }));
  for (int i = 0; i < 20; ++i)
    BOOST_TEST(p.server_connections() <= 2);
}

BOOST_AUTO_TEST_SUITE_END()
