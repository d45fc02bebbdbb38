// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "tests/support/pool_fixture.hpp"

// A pool opens `pool_min` connections at start and each further one, up
// to `pool_size`, only when a request waits with every open one busy.

BOOST_AUTO_TEST_SUITE(storage_db_pool_growth_pg)

using namespace bridge;
using namespace std::chrono_literals;
using bridge::test::pool_status;
using bridge::test::table_lock;
using bridge::test::wait_until;

namespace {

struct growing_pool : bridge::test::system_fixture {
  bridge::test::pg_scratch db;
  db_actor pool;

  growing_pool(size_t size, size_t min) {
    storage::db_pool_options opts;
    opts.pg.dsn = db.dsn();
    opts.pg.application_name = "bridge-growth-test";
    opts.pool_size = size;
    opts.pool_min = min;
    opts.request_timeout = 20s;
    // Statements wait on the test's lock as long as a slow machine needs.
    opts.pg.statement_timeout = 300s;
    pool = *storage::start_db_pool(*sys, opts);
  }

  ~growing_pool() {
    caf::anon_send_exit(pool, caf::exit_reason::user_shutdown);
    pool = nullptr;
    sys->await_all_actors_done();
  }

  int64_t open() { return pool_status(*sys, pool).connections_open; }

  /// Connections PostgreSQL sees from this pool.
  long long server_connections(const std::string& extra = "") {
    return db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = '"
                     + db.name()
                     + "' AND application_name = 'bridge-growth-test'" + extra);
  }

  template <class Op> typename Op::result must(Op op) {
    auto r = bridge::test::ask_op(*sys, pool, std::move(op));
    if (!r)
      BOOST_FAIL(describe(r.error()));
    return std::move(*r);
  }
};

} // namespace

BOOST_AUTO_TEST_CASE(requests_one_at_a_time_use_the_connections_open_at_start) {
  growing_pool p{4, 2};
  BOOST_REQUIRE(wait_until([&] { return p.open() == 2; }));
  // Each request finds an idle connection: nothing more is opened.
  for (int64_t id = 1; id <= 30; ++id) {
    p.must(user_put{id, user_role::worker, "en", "u"});
    p.must(user_get{id});
  }
  BOOST_TEST(p.open() == 2);
  BOOST_TEST(p.server_connections() == 2);
}

BOOST_AUTO_TEST_CASE(waiting_requests_open_connections_up_to_the_pool_size) {
  growing_pool p{3, 1};
  BOOST_REQUIRE(wait_until([&] { return p.open() == 1; }));
  for (int64_t id = 1; id <= 8; ++id)
    p.must(user_put{id, user_role::worker, "en", "u"});
  BOOST_TEST(p.open() == 1);
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
  BOOST_TEST(p.open() == 3);
  lock.release();
  int answered = 0;
  self->receive_for(answered,
                    8)([&](user_record& u) { BOOST_TEST(u.language == "en"); },
                       [&](caf::error& e) { BOOST_FAIL(describe(e)); });
  // What was opened stays open for the next burst.
  BOOST_TEST(p.open() == 3);
}

BOOST_AUTO_TEST_CASE(a_minimum_above_the_size_opens_the_size) {
  growing_pool p{2, 50};
  BOOST_REQUIRE(wait_until([&] { return p.open() == 2; }));
  for (int i = 0; i < 20; ++i)
    BOOST_TEST(p.server_connections() <= 2);
}

BOOST_AUTO_TEST_SUITE_END()
