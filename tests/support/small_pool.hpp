// SPDX-License-Identifier: Apache-2.0
#pragma once

// A small pool on a scratch database, for the pool's own suites: its
// size, queue and write settings chosen by the suite, statements that
// wait on a test's locks as long as a slow machine needs.

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>

#include <boost/test/unit_test.hpp>

#include "tests/support/pool_fixture.hpp"

namespace bridge::test {

/// A pool of `size` connections (three unless told), `open_at_start` of
/// them opened at start (0: all), and room for `queue` waiting requests.
struct small_pool : system_fixture {
  pg_scratch db;
  std::shared_ptr<db_pressure> pressure = std::make_shared<db_pressure>();
  db_actor pool;

  explicit small_pool(
      size_t size = 3, size_t queue = 10, bool combine = true,
      size_t write_turns = 2,
      std::chrono::milliseconds linger = std::chrono::milliseconds{0},
      size_t open_at_start = 0) {
    storage::db_pool_options opts;
    opts.pg.dsn = db.dsn();
    opts.pg.application_name = "bridge-pool-test";
    opts.pool_size = size;
    opts.pool_min = open_at_start > 0 ? open_at_start : size;
    opts.queue_limit = queue;
    opts.request_timeout = std::chrono::seconds{20};
    // Statements wait on test locks as long as a slow machine needs: one
    // cut by PostgreSQL would free a place the test counts as taken.
    opts.pg.statement_timeout = std::chrono::seconds{300};
    opts.batch_max = 100;
    opts.combine_writes = combine;
    opts.batch_turns = write_turns;
    opts.write_linger = linger;
    opts.pressure = pressure;
    pool = *storage::start_db_pool(*sys, opts);
    BOOST_REQUIRE(wait_until([&] {
      return pool_status(*sys, pool).connections_open
             == static_cast<int64_t>(std::min(opts.pool_min, size));
    }));
  }

  ~small_pool() {
    caf::anon_send_exit(pool, caf::exit_reason::user_shutdown);
    pool = nullptr;
    sys->await_all_actors_done();
  }

  db_pool_status status() { return pool_status(*sys, pool); }

  /// Connections PostgreSQL sees from this pool.
  long long server_connections(const std::string& extra = "") {
    return db.scalar("SELECT count(*) FROM pg_stat_activity WHERE datname = '"
                     + db.name() + "' AND application_name = 'bridge-pool-test'"
                     + extra);
  }

  /// A manager (1), a worker (2) and their conversation's id.
  int64_t open_pair() {
    must(user_put{1, user_role::manager, "en", "m"});
    must(user_put{2, user_role::worker, "en", "w"});
    return must(conversation_open{1, 2}).id;
  }

  template <class Op> typename Op::result must(Op op) {
    auto r = ask_op(*sys, pool, std::move(op));
    if (!r)
      BOOST_FAIL(describe(r.error()));
    return std::move(*r);
  }
};

} // namespace bridge::test
