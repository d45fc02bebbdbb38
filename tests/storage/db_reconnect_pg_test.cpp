// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "tests/support/pool_fixture.hpp"

BOOST_AUTO_TEST_SUITE(storage_db_reconnect_pg)

using namespace bridge;
using namespace std::chrono_literals;
using bridge::test::code_of;
using bridge::test::pool_status;
using bridge::test::table_lock;
using bridge::test::wait_until;

namespace {

/// A pool whose connections the test kills from the server side.
struct killer_fixture : bridge::test::pool_fixture {
  killer_fixture() : bridge::test::pool_fixture(2) {
    BOOST_REQUIRE(wait_until([&] { return status().connections_open == 2; }));
    must(user_put{1, user_role::manager, "en", "m"});
    must(user_put{2, user_role::worker, "es", "w"});
  }

  db_pool_status status() { return pool_status(*sys, pool); }

  /// Terminates the pool's connections that wait for a lock; returns how many.
  long long kill_waiting() {
    long long killed = 0;
    wait_until([&] {
      killed = db.scalar(
          "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
          "WHERE datname = '"
          + db.name()
          + "' AND application_name = "
            "'bridge-test' AND wait_event_type = 'Lock'");
      return killed > 0;
    });
    return killed;
  }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(reconnect, killer_fixture)

BOOST_AUTO_TEST_CASE(a_read_in_flight_on_a_killed_connection_is_run_again) {
  table_lock lock{db.dsn(), "users"};
  caf::scoped_actor self{*sys};
  self->send(pool, user_get{1});
  BOOST_TEST(kill_waiting() == 1);
  lock.release();
  self->receive([](user_record& u) { BOOST_TEST(u.telegram_id == 1); },
                [](caf::error& e) { BOOST_FAIL(describe(e)); });
  auto s = status();
  BOOST_TEST(s.connection_losses == 1);
  BOOST_TEST(s.retried >= 1);
  BOOST_TEST(wait_until([&] { return status().connections_open == 2; }));
}

BOOST_AUTO_TEST_CASE(an_uncommitted_batch_is_run_again_exactly_once) {
  auto conv = must(conversation_open{1, 2}).id;
  table_lock lock{db.dsn(), "messages"};
  caf::scoped_actor self{*sys};
  message_row m;
  m.conversation_id = conv;
  m.seq = 1;
  m.sender_id = 1;
  m.original_text = "survives";
  self->send(pool, message_put{{m}});
  BOOST_TEST(kill_waiting() == 1);
  lock.release();
  self->receive([](message_put_result& r) { BOOST_TEST(r.ids.at(0) > 0); },
                [](caf::error& e) { BOOST_FAIL(describe(e)); });
  BOOST_TEST(db.scalar("SELECT count(*) FROM messages") == 1);
}

BOOST_AUTO_TEST_CASE(a_write_whose_outcome_is_unknown_is_not_repeated) {
  // A single-statement write outside a transaction may have committed when
  // its connection broke: it is reported, not repeated.
  table_lock lock{db.dsn(), "tasks"};
  caf::scoped_actor self{*sys};
  self->send(pool, task_create{1, 2, "write once"});
  BOOST_TEST(kill_waiting() == 1);
  lock.release();
  self->receive([](task_record&) { BOOST_FAIL("the write was repeated"); },
                [](caf::error& e) {
                  BOOST_TEST((engine_code(e) == engine_errc::db_unavailable));
                });
  BOOST_TEST(db.scalar("SELECT count(*) FROM tasks") == 0);
  // The pool itself carries on.
  BOOST_TEST(must(task_create{1, 2, "next"}).id > 0);
}

BOOST_AUTO_TEST_CASE(only_the_request_on_the_broken_connection_fails) {
  table_lock lock{db.dsn(), "tasks"};
  caf::scoped_actor self{*sys};
  self->send(pool, task_create{1, 2, "doomed"});
  BOOST_TEST(kill_waiting() == 1);
  // The other connection keeps serving while the first reconnects.
  for (int i = 0; i < 20; ++i)
    BOOST_TEST(must(user_get{2}).telegram_id == 2);
  lock.release();
  self->receive([](task_record&) { BOOST_FAIL("the write was repeated"); },
                [](caf::error&) {});
  BOOST_TEST(status().connection_losses == 1);
}

BOOST_AUTO_TEST_CASE(idle_connections_killed_behind_the_pool_are_replaced) {
  db.scalar("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = '"
            + db.name() + "' AND application_name = 'bridge-test'");
  for (int i = 0; i < 10; ++i)
    BOOST_TEST(must(user_get{1}).telegram_id == 1);
  BOOST_TEST(status().connection_losses >= 1);
  BOOST_TEST(wait_until([&] { return status().connections_open == 2; }));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END() // storage_db_reconnect_pg
