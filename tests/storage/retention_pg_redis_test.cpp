// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "storage/retention.hpp"
#include "tests/support/cache_fixture.hpp"

BOOST_AUTO_TEST_SUITE(storage_retention_pg_redis)

using namespace bridge;
using bridge::test::ask;
using bridge::test::wait_until;

namespace {

constexpr int64_t day_ms = 86400000;

int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

struct fixture : bridge::test::cache_fixture {
  int64_t conv = 0;

  fixture() {
    must(user_put{1, user_role::manager, "en", "m"});
    must(user_put{2, user_role::worker, "es", "w"});
    conv = must(conversation_open{1, 2}).id;
  }

  void add_messages(int64_t first_seq, int64_t n, int64_t age_days) {
    message_put put;
    for (int64_t s = first_seq; s < first_seq + n; ++s) {
      message_row m;
      m.conversation_id = conv;
      m.seq = s;
      m.sender_id = 1;
      m.original_text = "m";
      m.created_at_ms = wall_ms() - age_days * day_ms;
      put.rows.push_back(m);
    }
    must(put);
  }

  retention_actor start_job(const std::string& owner) {
    storage::retention_options o;
    o.db = pool;
    o.cache = cache_svc;
    o.message_days = 30;
    o.batch_size = 10;
    o.owner = owner;
    o.timer = false;
    return sys->spawn(storage::retention, o);
  }

  retention_status run_round(const retention_actor& job) {
    auto before =
        ask<retention_status>(*sys, job, status_atom::value)->runs
        + ask<retention_status>(*sys, job, status_atom::value)->skipped;
    caf::anon_send(job, tick_atom::value);
    retention_status s;
    BOOST_REQUIRE(wait_until([&] {
      s = *ask<retention_status>(*sys, job, status_atom::value);
      return !s.running && s.runs + s.skipped > before;
    }));
    return s;
  }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(retention, fixture)

BOOST_AUTO_TEST_CASE(old_rows_go_in_batches_and_recent_ones_stay) {
  add_messages(1, 35, 40);
  add_messages(100, 5, 1);
  inbox_put in;
  in.rows = {{1, 1, "{}"}, {2, 1, "{}"}};
  must(in);
  db.query("UPDATE inbox SET processed_at = now() - interval '40 days' WHERE "
           "update_id = 1");
  auto job = start_job("instance-a");
  auto s = run_round(job);
  BOOST_TEST(s.runs == 1);
  BOOST_TEST(s.deleted_messages == 35);
  BOOST_TEST(s.deleted_inbox == 1);
  BOOST_TEST(s.errors == 0);
  BOOST_TEST(db.scalar("SELECT count(*) FROM messages") == 5);
  BOOST_TEST(db.scalar("SELECT count(*) FROM inbox") == 1);
  // The lock was given back.
  BOOST_TEST(redis.command({"EXISTS", "bridge:lock:retention"}).integer == 0);
  caf::anon_send_exit(job, caf::exit_reason::user_shutdown);
}

BOOST_AUTO_TEST_CASE(one_instance_at_a_time) {
  add_messages(1, 15, 40);
  auto other =
      via_cache<lock_grant>(lock_acquire{"retention", "instance-b", 60000});
  BOOST_REQUIRE(other->held);
  auto job = start_job("instance-a");
  auto s = run_round(job);
  BOOST_TEST(s.runs == 0);
  BOOST_TEST(s.skipped == 1);
  BOOST_TEST(db.scalar("SELECT count(*) FROM messages") == 15);
  via_cache<lock_grant>(lock_release{"retention", "instance-b", other->token});
  s = run_round(job);
  BOOST_TEST(s.runs == 1);
  BOOST_TEST(db.scalar("SELECT count(*) FROM messages") == 0);
  caf::anon_send_exit(job, caf::exit_reason::user_shutdown);
}

BOOST_AUTO_TEST_CASE(no_round_without_redis) {
  add_messages(1, 5, 40);
  redis.kill();
  auto job = start_job("instance-a");
  auto s = run_round(job);
  BOOST_TEST(s.skipped == 1);
  BOOST_TEST(db.scalar("SELECT count(*) FROM messages") == 5);
  caf::anon_send_exit(job, caf::exit_reason::user_shutdown);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END() // storage_retention_pg_redis
