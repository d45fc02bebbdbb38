// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "cache/keys.hpp"
#include "tests/support/cache_fixture.hpp"

BOOST_AUTO_TEST_SUITE(cache_cache_down_pg_redis)

using namespace bridge;
using bridge::test::code_of;
using bridge::test::wait_until;

namespace {

struct fixture : bridge::test::cache_fixture {
  explicit fixture(size_t max_pending = 100000) : cache_fixture(max_pending) {
    must(user_put{1, user_role::manager, "en", "v1"});
    must(user_put{2, user_role::worker, "es", "w"});
  }

  caf::expected<user_record> profile(int64_t id) {
    return via_cache<user_record>(user_get{id});
  }
};

/// Room for one pending delete only.
struct tiny_backlog : fixture {
  tiny_backlog() : fixture(1) {}
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(redis_down, fixture)

BOOST_AUTO_TEST_CASE(everything_is_answered_while_redis_is_dead) {
  BOOST_TEST(profile(1)->display_name == "v1");
  redis.kill();
  // Reads come from PostgreSQL.
  BOOST_TEST(profile(1)->display_name == "v1");
  BOOST_TEST((code_of(profile(99)) == engine_errc::not_found));
  BOOST_TEST((via_cache<subscription>(sub_get{1})->status
              == subscription_status::none));
  // Usage is counted exactly once, by PostgreSQL, and never granted free.
  for (int i = 1; i <= 3; ++i)
    BOOST_TEST(via_cache<usage_count>(usage_incr{1, 20240301, 2})->granted
               == (i <= 2));
  BOOST_TEST(must(usage_get{1, 20240301}).count == 2);
  BOOST_TEST(via_cache<usage_count>(usage_get{1, 20240301})->count == 2);
  // Rate limits are counted in-process.
  rate_hit h{"updates", 1, 1, 60000};
  BOOST_TEST(via_cache<rate_verdict>(h)->allowed);
  BOOST_TEST(!via_cache<rate_verdict>(h)->allowed);
  // A leader lock is refused, never granted locally.
  BOOST_TEST(
      (code_of(via_cache<lock_grant>(lock_acquire{"retention", "me", 1000}))
       == engine_errc::cache_unavailable));
  auto s = status();
  BOOST_TEST(!s.connected);
  BOOST_TEST(s.fallbacks >= 5);
  BOOST_TEST(s.local_rate_decisions == 2);
}

BOOST_AUTO_TEST_CASE(the_cache_reconnects_when_redis_returns) {
  BOOST_TEST(static_cast<bool>(profile(1)));
  redis.kill();
  BOOST_TEST(static_cast<bool>(profile(1)));
  // Redis stays away until the cache has tried to reconnect and failed,
  // so what follows is a reconnection after an outage, not a first try.
  BOOST_REQUIRE_MESSAGE(
      wait_until([&] { return status().connect_failures >= 1; }),
      "the cache never tried to reconnect to a dead Redis");
  BOOST_TEST(!status().connected);
  redis.start();
  BOOST_REQUIRE(wait_until([&] { return status().connected; }));
  auto s = status();
  BOOST_TEST(s.reconnects == 1);
  BOOST_TEST(s.connect_failures >= 1);
  auto hits = s.hits;
  BOOST_TEST(profile(1)->display_name
             == "v1"); // a miss: the new Redis is empty
  BOOST_TEST(status().hits == hits);
  BOOST_TEST(profile(1)->display_name == "v1"); // a hit again
  BOOST_TEST(status().hits == hits + 1);
}

BOOST_AUTO_TEST_CASE(a_write_made_while_redis_was_away_is_not_read_stale) {
  BOOST_TEST(profile(1)->display_name == "v1"); // cached
  auto before = status();
  // Redis stops answering but keeps its data (a stall, not a restart),
  // for far longer than the write and the read below take.
  redis.command({"CLIENT", "PAUSE", "3000", "ALL"});
  must(user_put{1, user_role::manager, "en", "v2"});
  BOOST_TEST(profile(1)->display_name == "v2");
  BOOST_REQUIRE(wait_until([&] { return status().connected; }));
  // The pause outlasted the work: the cache lost Redis during it (the
  // read came from PostgreSQL) and the delete it missed was made when it
  // got Redis back. Had the pause ended first, none of this would hold.
  auto after = status();
  BOOST_TEST(after.reconnects == before.reconnects + 1);
  BOOST_TEST(after.fallbacks > before.fallbacks);
  BOOST_TEST(after.hits == before.hits);
  BOOST_TEST(after.invalidations > before.invalidations);
  // The missed delete was made before Redis was used again.
  BOOST_TEST(profile(1)->display_name == "v2");
  BOOST_TEST(status().invalidations_pending == 0);
}

BOOST_AUTO_TEST_CASE(redis_that_stalls_is_cut_off_by_the_command_timeout) {
  BOOST_TEST(profile(2)->language == "es");
  auto before = status();
  // Paused far longer than the 250 ms command timeout.
  redis.command({"CLIENT", "PAUSE", "3000", "ALL"});
  // The read gives up on Redis after the command timeout; PostgreSQL answers.
  BOOST_TEST(profile(2)->language == "es");
  BOOST_TEST(!status().connected);
  BOOST_TEST(status().fallbacks == before.fallbacks + 1);
  BOOST_REQUIRE(wait_until([&] { return status().connected; }));
  BOOST_TEST(status().reconnects == before.reconnects + 1);
  BOOST_TEST(profile(2)->language == "es");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(redis_down_long, tiny_backlog)

BOOST_AUTO_TEST_CASE(too_many_missed_deletes_purge_every_cached_row) {
  BOOST_TEST(static_cast<bool>(profile(1)));
  BOOST_TEST(static_cast<bool>(profile(2)));
  redis.command({"SET", cache::keys::rate("updates", 1, 1), "7"});
  redis.command({"CLIENT", "PAUSE", "1500", "ALL"});
  must(user_put{1, user_role::manager, "en", "v2"});
  must(user_put{2, user_role::worker, "fr", "w2"});
  BOOST_TEST(status().invalidations_overflow >= 1);
  BOOST_REQUIRE(wait_until([&] { return status().connected; }));
  BOOST_TEST(status().reconnects == 1);
  BOOST_TEST(redis.command({"EXISTS", cache::keys::profile(1)}).integer == 0);
  BOOST_TEST(redis.command({"EXISTS", cache::keys::profile(2)}).integer == 0);
  // Counters are not copies of rows and stay.
  BOOST_TEST(
      redis.command({"EXISTS", cache::keys::rate("updates", 1, 1)}).integer
      == 1);
  BOOST_TEST(profile(1)->display_name == "v2");
  BOOST_TEST(profile(2)->language == "fr");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END() // cache_cache_down_pg_redis
