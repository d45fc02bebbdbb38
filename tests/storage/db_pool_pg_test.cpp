// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "tests/support/small_pool.hpp"

BOOST_AUTO_TEST_SUITE(storage_db_pool_pg)

using namespace bridge;
using namespace std::chrono_literals;
using bridge::test::code_of;
using bridge::test::pool_status;
using bridge::test::small_pool;
using bridge::test::table_lock;
using bridge::test::wait_until;

BOOST_AUTO_TEST_CASE(a_saturated_pool_never_opens_more_connections) {
  small_pool p{3, 10};
  for (int64_t id = 1; id <= 20; ++id)
    p.must(user_put{id, user_role::worker, "en", "u"});
  table_lock lock{p.db.dsn(), "users"};
  caf::scoped_actor self{*p.sys};
  // 3 run (and wait for the lock inside PostgreSQL), 10 wait in the queue.
  // Their deadline outlasts the checks below however slow the machine is:
  // one timing out would free a place, and the 14th would be queued.
  for (int64_t id = 1; id <= 13; ++id)
    self->send(p.pool, user_get{id, 300'000});
  auto s = p.status();
  BOOST_TEST(s.in_use == 3);
  BOOST_TEST(s.queue_depth == 10);
  // What the intake reads without asking says the same.
  BOOST_TEST(p.pressure->queue_depth.load() == 10);
  BOOST_TEST(p.pressure->queue_limit.load() == 10);
  long long peak = 0;
  BOOST_REQUIRE(wait_until([&] {
    peak = std::max(peak, p.server_connections());
    return p.server_connections(" AND wait_event_type = 'Lock'") == 3;
  }));
  for (int i = 0; i < 20; ++i)
    peak = std::max(peak, p.server_connections());
  BOOST_TEST(peak == 3);
  BOOST_TEST(p.status().connections_open == 3);
  // The 14th request is refused at once, not queued.
  auto refused = bridge::test::ask_op(*p.sys, p.pool, user_get{14});
  BOOST_TEST((code_of(refused) == engine_errc::queue_full));
  BOOST_TEST(p.status().rejected_full == 1);
  lock.release();
  int answered = 0;
  self->receive_for(answered, 13)(
      [&](user_record&) {}, [&](caf::error& e) { BOOST_FAIL(describe(e)); });
  auto done = p.status();
  BOOST_TEST(done.queue_depth == 0);
  BOOST_TEST(p.pressure->queue_depth.load() == 0);
  BOOST_TEST(done.in_use == 0);
  BOOST_TEST(done.waits >= 10);
  BOOST_TEST(done.wait_us_max > 0);
}

BOOST_AUTO_TEST_CASE(deadlines_are_kept_while_waiting_and_while_running) {
  small_pool p{1, 10};
  p.must(user_put{1, user_role::worker, "en", "u"});
  table_lock lock{p.db.dsn(), "users"};
  // Runs, blocked on the lock, past its deadline.
  auto running = bridge::test::ask_op(*p.sys, p.pool, user_get{1, 100});
  BOOST_TEST((code_of(running) == engine_errc::deadline_exceeded));
  // Waits behind it for a connection, past its deadline.
  auto waiting = bridge::test::ask_op(*p.sys, p.pool, user_get{1, 50});
  BOOST_TEST((code_of(waiting) == engine_errc::deadline_exceeded));
  BOOST_TEST(p.status().expired == 2);
  lock.release();
  // The worker comes back once the late statement finishes.
  BOOST_TEST(p.must(user_get{1}).telegram_id == 1);
}

BOOST_AUTO_TEST_CASE(statements_are_cut_at_the_request_timeout) {
  bridge::test::system_fixture sysf;
  bridge::test::pg_scratch db;
  storage::db_pool_options opts;
  opts.pg.dsn = db.dsn();
  opts.pool_size = 1;
  opts.pg.statement_timeout = 100ms;
  auto pool = *storage::start_db_pool(*sysf.sys, opts);
  table_lock lock{db.dsn(), "inbox"};
  inbox_put put;
  put.rows.push_back({1, 1, "{}"});
  auto r = bridge::test::ask_op(*sysf.sys, pool, put);
  BOOST_TEST((code_of(r) == engine_errc::deadline_exceeded));
  lock.release();
  // The pool serves on. On a loaded machine a statement can itself take
  // longer than 100 ms, and is then cut too: asked again, as a caller
  // would.
  auto again = bridge::test::ask_op(*sysf.sys, pool, put);
  for (int tries = 1;
       tries < 20 && code_of(again) == engine_errc::deadline_exceeded; ++tries)
    again = bridge::test::ask_op(*sysf.sys, pool, put);
  BOOST_REQUIRE(static_cast<bool>(again));
  BOOST_TEST(db.scalar("SELECT count(*) FROM inbox WHERE update_id = 1") == 1);
  caf::anon_send_exit(pool, caf::exit_reason::user_shutdown);
  pool = nullptr;
  sysf.sys->await_all_actors_done();
}

BOOST_AUTO_TEST_CASE(waiting_writes_of_one_kind_leave_as_one_batch) {
  small_pool p{1, 1000};
  p.must(user_put{1, user_role::worker, "en", "u"});
  table_lock lock{p.db.dsn(), "users"};
  caf::scoped_actor self{*p.sys};
  self->send(p.pool, user_get{1});
  for (int64_t id = 1; id <= 50; ++id) {
    inbox_put put;
    put.rows.push_back({id, 9, "{\"n\":" + std::to_string(id) + "}"});
    self->send(p.pool, put);
  }
  auto before = p.status();
  BOOST_TEST(before.queue_depth == 50);
  lock.release();
  int got = 0;
  std::vector<int64_t> fresh;
  self->receive_for(got, 51)([](user_record&) {},
                             [&](inbox_put_result& r) {
                               fresh.insert(fresh.end(), r.new_ids.begin(),
                                            r.new_ids.end());
                             },
                             [&](caf::error& e) { BOOST_FAIL(describe(e)); });
  BOOST_TEST(fresh.size() == 50u);
  auto after = p.status();
  BOOST_TEST(after.batched_turns - before.batched_turns == 1);
  BOOST_TEST(after.batched_requests - before.batched_requests == 50);
  BOOST_TEST(after.batched_rows - before.batched_rows == 50);
}

namespace {

/// Queues, behind a held lock, writes of three kinds at once: 20 inbox
/// rows, 10 message rows (the fifth naming no conversation when `poison`)
/// and 10 outbox rows; returns the pool's counters before and after, and
/// the refusals.
struct mixed_writes {
  db_pool_status before, after;
  int refused = 0;

  mixed_writes(small_pool& p, bool poison) {
    auto conv = p.open_pair();
    table_lock lock{p.db.dsn(), "users"};
    caf::scoped_actor self{*p.sys};
    self->send(p.pool, user_get{1});
    for (int64_t id = 1; id <= 20; ++id) {
      inbox_put put;
      put.rows.push_back({id, 9, "{}"});
      self->send(p.pool, put);
    }
    for (int64_t s = 1; s <= 10; ++s) {
      message_row m;
      m.conversation_id = poison && s == 5 ? conv + 1000 : conv;
      m.seq = s;
      m.sender_id = 1;
      m.original_text = "m" + std::to_string(s);
      self->send(p.pool, message_put{{m}});
      outbox_record o;
      o.chat_id = 2;
      o.kind = "send_message";
      o.text = "copy " + std::to_string(s);
      o.dedupe_key = "k" + std::to_string(s);
      self->send(p.pool, outbox_put{o});
    }
    before = p.status();
    BOOST_TEST(before.queue_depth == 40);
    lock.release();
    int got = 0;
    self->receive_for(got, 41)(
        [](user_record&) {}, [](inbox_put_result&) {},
        [](message_put_result&) {}, [](outbox_put_result&) {},
        [&](caf::error& e) {
          BOOST_TEST((engine_code(e) == engine_errc::not_found));
          ++refused;
        });
    after = p.status();
  }
};

} // namespace

BOOST_AUTO_TEST_CASE(waiting_writes_of_several_kinds_commit_together) {
  small_pool p{1, 1000};
  mixed_writes w{p, false};
  BOOST_TEST(w.refused == 0);
  // Turns count when they start (the read ran already): the inbox rows
  // go alone, as the intake waits for them; the rest as one.
  BOOST_TEST(w.after.turns - w.before.turns == 2);
  BOOST_TEST(w.after.combined_turns - w.before.combined_turns == 1);
  BOOST_TEST(p.db.scalar("SELECT count(*) FROM inbox") == 20);
  BOOST_TEST(p.db.scalar("SELECT count(*) FROM messages") == 10);
  BOOST_TEST(p.db.scalar("SELECT count(*) FROM outbox") == 10);
}

BOOST_AUTO_TEST_CASE(writes_of_several_kinds_stay_apart_when_told) {
  small_pool p{1, 1000, false};
  mixed_writes w{p, false};
  BOOST_TEST(w.refused == 0);
  BOOST_TEST(w.after.turns - w.before.turns == 3);
  BOOST_TEST(p.db.scalar("SELECT count(*) FROM outbox") == 10);
  BOOST_TEST(w.after.combined_turns - w.before.combined_turns == 0);
  BOOST_TEST(p.db.scalar("SELECT count(*) FROM messages") == 10);
}

BOOST_AUTO_TEST_CASE(a_bad_write_among_other_kinds_fails_alone) {
  small_pool p{1, 1000};
  mixed_writes w{p, true};
  BOOST_TEST(w.refused == 1);
  BOOST_TEST(p.db.scalar("SELECT count(*) FROM inbox") == 20);
  BOOST_TEST(p.db.scalar("SELECT count(*) FROM messages") == 9);
  BOOST_TEST(p.db.scalar("SELECT count(*) FROM outbox") == 10);
}

BOOST_AUTO_TEST_CASE(writes_of_one_burst_share_a_turn_after_the_linger) {
  // Three idle workers: without the linger the first write would leave at
  // once and the rest in a second turn. The burst is sent in microseconds;
  // the linger is long enough for the slowest machine to queue it.
  for (auto linger : {0ms, 2000ms}) {
    BOOST_TEST_CONTEXT("linger " << linger.count() << " ms") {
      small_pool p{3, 1000, true, 1, linger};
      auto before = p.status();
      caf::scoped_actor self{*p.sys};
      for (int64_t k = 1; k <= 10; ++k) {
        outbox_record o;
        o.chat_id = 2;
        o.kind = "send_message";
        o.text = "copy " + std::to_string(k);
        o.dedupe_key = "burst" + std::to_string(k);
        self->send(p.pool, outbox_put{o});
      }
      int got = 0;
      self->receive_for(got,
                        10)([](outbox_put_result&) {},
                            [&](caf::error& e) { BOOST_FAIL(describe(e)); });
      auto after = p.status();
      BOOST_TEST(p.db.scalar("SELECT count(*) FROM outbox") == 10);
      if (linger > 0ms)
        BOOST_TEST(after.turns - before.turns == 1);
      else
        BOOST_TEST(after.turns - before.turns >= 2);
    }
  }
}

BOOST_AUTO_TEST_CASE(inbox_rows_never_wait_behind_other_writes) {
  // One write turn at a time, and it hangs on a lock; a connection is free.
  small_pool p{2, 1000, true, 1};
  auto conv = p.open_pair();
  table_lock lock{p.db.dsn(), "messages"};
  caf::scoped_actor self{*p.sys};
  message_row m;
  m.conversation_id = conv;
  m.seq = 1;
  m.sender_id = 1;
  m.original_text = "held";
  self->send(p.pool, message_put{{m}});
  BOOST_REQUIRE(
      bridge::test::wait_until([&] { return p.status().in_use == 1; }));
  outbox_record o;
  o.chat_id = 2;
  o.kind = "send_message";
  o.text = "waits";
  o.dedupe_key = "k1";
  self->send(p.pool, outbox_put{o});
  inbox_put put;
  put.rows.push_back({1, 9, "{}"});
  // The intake's write goes past the waiting outbox row, lock or not.
  auto stored = bridge::test::ask_op(*p.sys, p.pool, put);
  BOOST_REQUIRE(stored);
  BOOST_TEST(stored->new_ids.size() == 1u);
  BOOST_TEST(p.status().queue_depth == 1);
  lock.release();
  int got = 0;
  self->receive_for(got, 2)([](message_put_result&) {},
                            [](outbox_put_result&) {},
                            [&](caf::error& e) { BOOST_FAIL(describe(e)); });
  BOOST_TEST(p.db.scalar("SELECT count(*) FROM outbox") == 1);
}

BOOST_AUTO_TEST_CASE(a_bad_request_in_a_batch_fails_alone) {
  small_pool p{1, 1000};
  auto conv = p.open_pair();
  table_lock lock{p.db.dsn(), "users"};
  caf::scoped_actor self{*p.sys};
  self->send(p.pool, user_get{1});
  for (int64_t s = 1; s <= 5; ++s) {
    message_row m;
    // The third names a conversation that does not exist: only the
    // database can tell (a foreign key).
    m.conversation_id = s == 3 ? conv + 1000 : conv;
    m.seq = s;
    m.sender_id = 1;
    m.original_text = "m" + std::to_string(s);
    self->send(p.pool, message_put{{m}});
  }
  lock.release();
  int got = 0, stored = 0, refused = 0;
  self->receive_for(got, 6)(
      [](user_record&) {},
      [&](message_put_result& r) { stored += r.ids.at(0) > 0; },
      [&](caf::error& e) {
        BOOST_TEST((engine_code(e) == engine_errc::not_found));
        ++refused;
      });
  BOOST_TEST(stored == 4);
  BOOST_TEST(refused == 1);
  BOOST_TEST(p.db.scalar("SELECT count(*) FROM messages") == 4);
}

BOOST_AUTO_TEST_CASE(malformed_requests_never_queue) {
  small_pool p{1, 10};
  BOOST_TEST((code_of(bridge::test::ask_op(*p.sys, p.pool, user_get{-5}))
              == engine_errc::invalid_input));
  BOOST_TEST((code_of(bridge::test::ask_op(*p.sys, p.pool, inbox_done{}))
              == engine_errc::invalid_input));
  auto s = p.status();
  BOOST_TEST(s.rejected_invalid == 2);
  BOOST_TEST(s.requests == 0);
}

BOOST_AUTO_TEST_CASE(a_server_that_cannot_be_reached_gives_clear_errors) {
  bridge::test::system_fixture sysf;
  storage::db_pool_options opts;
  // A closed port on loopback: every connect fails at once.
  opts.pg.dsn = "postgresql://postgres@127.0.0.1:1/none";
  opts.pool_size = 2;
  opts.reconnect_base = 10ms;
  opts.reconnect_max = 50ms;
  auto refused = storage::start_db_pool(*sysf.sys, opts);
  BOOST_REQUIRE(!refused);
  BOOST_TEST((engine_code(refused.error()) == engine_errc::db_unavailable));
  BOOST_TEST(describe(refused.error()).find("connecting") != std::string::npos);
  // Without the migration check, a pool on it answers by deadline.
  auto pool = sysf.sys->spawn(storage::db_pool, opts);
  auto r = bridge::test::ask_op(*sysf.sys, pool, user_get{1, 200});
  BOOST_TEST((code_of(r) == engine_errc::deadline_exceeded));
  auto s = pool_status(*sysf.sys, pool);
  BOOST_TEST(s.connections_open == 0);
  BOOST_TEST(s.connect_failures > 0);
  caf::anon_send_exit(pool, caf::exit_reason::user_shutdown);
  pool = nullptr;
  sysf.sys->await_all_actors_done();
}

BOOST_AUTO_TEST_CASE(start_refuses_without_a_database_url) {
  bridge::test::system_fixture sysf;
  storage::db_pool_options opts;
  auto r = storage::start_db_pool(*sysf.sys, opts);
  BOOST_REQUIRE(!r);
  BOOST_TEST(describe(r.error()).find("DATABASE_URL") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END() // storage_db_pool_pg
