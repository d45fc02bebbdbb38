// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <memory>

#include "cache/keys.hpp"
#include "tests/support/cache_fixture.hpp"

// Two engines' caches on one Redis and one database: the fixture's own
// (the pool's watcher, through which every write here is invalidated)
// and a second one, whose in-memory profiles must learn of those writes
// from the published invalidations alone.
BOOST_AUTO_TEST_SUITE(cache_profile_memo_pg_redis)

using namespace bridge;
using bridge::test::wait_until;

namespace {

struct fixture : bridge::test::cache_fixture {
  std::shared_ptr<cache::profile_memo> memo =
      std::make_shared<cache::profile_memo>(1000, std::chrono::hours{1});
  cache_actor other;

  fixture() {
    must(user_put{1, user_role::manager, "en", "Mia"});
    must(user_put{2, user_role::worker, "es", "Juan"});
    auto opts = options();
    opts.memo = memo;
    opts.feed_ping_every = std::chrono::milliseconds{50};
    opts.feed_silence_limit = std::chrono::milliseconds{1000};
    other = sys->spawn<caf::detached>(cache::cache_service, opts);
    if (!wait_until([&] { return memo->snapshot().open; }))
      throw std::runtime_error("the second cache never subscribed");
  }

  ~fixture() {
    caf::anon_send_exit(other, caf::exit_reason::user_shutdown);
    other = nullptr;
  }

  /// Reads `id` through the second cache as a session does, keeping it.
  std::string read_and_keep(int64_t id) {
    auto t = memo->reserve(id);
    auto got = bridge::test::ask<user_record>(*sys, other, user_get{id});
    if (!got)
      return "error: " + describe(got.error());
    memo->fill(*got, t);
    return got->display_name;
  }

  bool kept(int64_t id) { return memo->find(id).has_value(); }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(two_engines, fixture)

BOOST_AUTO_TEST_CASE(a_change_through_one_engine_drops_the_others_copy) {
  BOOST_TEST(read_and_keep(2) == "Juan");
  BOOST_TEST(read_and_keep(1) == "Mia");
  BOOST_REQUIRE(kept(2));
  must(user_put{2, user_role::worker, "pt", "Joana"});
  BOOST_TEST(wait_until([&] { return !kept(2); }));
  BOOST_TEST(kept(1)); // only what changed is dropped
  BOOST_TEST(read_and_keep(2) == "Joana");
  BOOST_TEST(memo->find(2)->language == "pt");
}

BOOST_AUTO_TEST_CASE(the_memo_is_closed_while_redis_is_gone_and_reopens_empty) {
  BOOST_TEST(read_and_keep(2) == "Juan");
  redis.kill();
  BOOST_TEST(wait_until([&] { return !memo->snapshot().open; }));
  BOOST_TEST(!kept(2));
  // Meanwhile a change lands that nobody could publish.
  must(user_put{2, user_role::worker, "es", "Juanito"});
  BOOST_TEST(read_and_keep(2) == "Juanito"); // from PostgreSQL, not kept
  BOOST_TEST(memo->snapshot().size == 0);
  redis.start();
  BOOST_TEST(wait_until([&] { return memo->snapshot().open; }));
  BOOST_TEST(memo->snapshot().size == 0);
  BOOST_TEST(read_and_keep(2) == "Juanito");
  // The fixture cache publishes the change it owed once it has Redis
  // again, and may do so just after the memo reopened: a read that such
  // news overtakes is rightly not kept, so the next one is.
  BOOST_TEST(
      wait_until([&] { return read_and_keep(2) == "Juanito" && kept(2); }));
}

BOOST_AUTO_TEST_CASE(deletes_owed_after_a_lost_connection_are_published_later) {
  BOOST_TEST(read_and_keep(2) == "Juan");
  // Only the ordinary connections drop (the fixture cache's among them);
  // the second cache's subscription stands, so its memo stays open.
  redis.command({"CLIENT", "KILL", "TYPE", "normal"});
  must(user_put{2, user_role::worker, "es", "Juanito"});
  BOOST_TEST(memo->snapshot().open);
  // The fixture cache finds its connection gone at that write's delete,
  // reconnects, deletes what it owes and publishes it.
  BOOST_TEST(wait_until([&] { return !kept(2); }));
  BOOST_TEST(wait_until([&] { return read_and_keep(2) == "Juanito"; }));
}

BOOST_AUTO_TEST_CASE(unreadable_news_drops_every_copy) {
  BOOST_TEST(read_and_keep(1) == "Mia");
  BOOST_TEST(read_and_keep(2) == "Juan");
  redis.command(
      {"PUBLISH", std::string{cache::keys::invalidation_channel}, "1,2;DROP"});
  BOOST_TEST(wait_until([&] { return memo->snapshot().size == 0; }));
  BOOST_TEST(memo->snapshot().open);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
