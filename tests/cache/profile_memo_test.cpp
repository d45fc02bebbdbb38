// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "cache/invalidation_feed.hpp"
#include "cache/keys.hpp"
#include "cache/profile_memo.hpp"

BOOST_AUTO_TEST_SUITE(cache_profile_memo)

using namespace bridge;
using namespace bridge::cache;

namespace {

struct fixture {
  std::shared_ptr<std::atomic<int64_t>> now =
      std::make_shared<std::atomic<int64_t>>(1000);
  profile_memo memo{64, std::chrono::milliseconds{500},
                    [n = now] { return n->load(); }};

  fixture() { memo.open(); }

  static user_record profile(int64_t id, std::string name) {
    user_record r;
    r.telegram_id = id;
    r.role = user_role::worker;
    r.language = "es";
    r.display_name = std::move(name);
    return r;
  }

  void keep(int64_t id, std::string name) {
    memo.fill(profile(id, std::move(name)), memo.reserve(id));
  }
};

} // namespace

BOOST_FIXTURE_TEST_CASE(a_kept_profile_is_found_until_it_expires, fixture) {
  BOOST_TEST(!memo.find(7));
  keep(7, "Juan");
  BOOST_REQUIRE(memo.find(7));
  BOOST_TEST(memo.find(7)->display_name == "Juan");
  now->store(1499);
  BOOST_TEST(memo.find(7).has_value());
  now->store(1500);
  BOOST_TEST(!memo.find(7));
  auto c = memo.snapshot();
  BOOST_TEST(c.hits == 3);
  BOOST_TEST(c.misses == 2);
  BOOST_TEST(c.size == 0);
}

BOOST_FIXTURE_TEST_CASE(a_change_drops_the_copy, fixture) {
  keep(7, "Juan");
  keep(8, "Ana");
  memo.forget(7);
  BOOST_TEST(!memo.find(7));
  BOOST_TEST(memo.find(8)->display_name == "Ana");
}

BOOST_FIXTURE_TEST_CASE(an_answer_read_before_a_change_is_not_kept, fixture) {
  auto t = memo.reserve(7);
  memo.forget(7); // the change lands while the read is under way
  memo.fill(profile(7, "old"), t);
  BOOST_TEST(!memo.find(7));
  BOOST_TEST(memo.snapshot().stale_fills == 1);
  keep(7, "new"); // a read started after the change is kept
  BOOST_TEST(memo.find(7)->display_name == "new");
}

BOOST_FIXTURE_TEST_CASE(forgetting_all_voids_every_read_under_way, fixture) {
  keep(1, "a");
  auto t = memo.reserve(2);
  memo.forget_all();
  BOOST_TEST(!memo.find(1));
  memo.fill(profile(2, "b"), t);
  BOOST_TEST(!memo.find(2));
}

BOOST_FIXTURE_TEST_CASE(closed_it_keeps_and_answers_nothing, fixture) {
  keep(1, "a");
  auto t = memo.reserve(2);
  memo.close();
  BOOST_TEST(!memo.find(1));
  keep(3, "c");
  BOOST_TEST(memo.snapshot().size == 0);
  // Reopened, it starts empty and reads begun before are void: news may
  // have been missed while it was closed.
  memo.open();
  memo.fill(profile(2, "b"), t);
  BOOST_TEST(!memo.find(1));
  BOOST_TEST(!memo.find(2));
  keep(3, "c");
  BOOST_TEST(memo.find(3).has_value());
}

BOOST_AUTO_TEST_CASE(it_holds_at_most_its_capacity) {
  profile_memo memo{32, std::chrono::seconds{60}, [] { return int64_t{0}; }};
  memo.open();
  for (int64_t id = 0; id < 1000; ++id)
    memo.fill(fixture::profile(id, "x"), memo.reserve(id));
  BOOST_TEST(memo.snapshot().size <= 32);
  BOOST_TEST(memo.find(999).has_value()); // the newest stays
}

BOOST_AUTO_TEST_CASE(capacity_zero_is_off) {
  profile_memo memo{0, std::chrono::seconds{60}, [] { return int64_t{0}; }};
  memo.open();
  memo.fill(fixture::profile(1, "x"), memo.reserve(1));
  BOOST_TEST(!memo.find(1));
}

BOOST_AUTO_TEST_CASE(invalidations_round_trip) {
  auto one = decode_invalidation(encode_invalidation({42, -7, 9'000'000'000}));
  BOOST_REQUIRE(one);
  BOOST_TEST(!one->all);
  BOOST_TEST((one->profiles == std::vector<int64_t>{42, -7, 9'000'000'000}));
  auto all = decode_invalidation(encode_invalidate_all());
  BOOST_REQUIRE(all);
  BOOST_TEST(all->all);
  // Glossaries travel as "g<manager>" words beside the profiles.
  BOOST_TEST(encode_invalidation({42}, {7, 8}) == "42 g7 g8");
  auto both = decode_invalidation(encode_invalidation({42}, {7, 8}));
  BOOST_REQUIRE(both);
  BOOST_TEST((both->profiles == std::vector<int64_t>{42}));
  BOOST_TEST((both->glossaries == std::vector<int64_t>{7, 8}));
  auto only = decode_invalidation(encode_invalidation({}, {9}));
  BOOST_REQUIRE(only);
  BOOST_TEST(only->profiles.empty());
  BOOST_TEST((only->glossaries == std::vector<int64_t>{9}));
}

BOOST_AUTO_TEST_CASE(unreadable_invalidations_are_nothing) {
  for (std::string bad : std::vector<std::string>{"",
                                                  " ",
                                                  "1 ",
                                                  " 1",
                                                  "1  2",
                                                  "1,2",
                                                  "x",
                                                  "12a",
                                                  "**",
                                                  "99999999999999999999",
                                                  "1\n2",
                                                  std::string(70000, '1'),
                                                  "g",
                                                  "gg1",
                                                  "1 g",
                                                  "G1",
                                                  "g1x",
                                                  "g 1",
                                                  "g99999999999999999999",
                                                  std::string("1\0"
                                                              "2",
                                                              3)})
    BOOST_TEST(!decode_invalidation(bad), "accepted: " << bad.substr(0, 20));
}

BOOST_AUTO_TEST_CASE(profile_keys_name_their_user) {
  BOOST_TEST(*keys::profile_id(keys::profile(123)) == 123);
  BOOST_TEST(!keys::profile_id(keys::fill_lease(keys::profile(123))));
  BOOST_TEST(!keys::profile_id(keys::subscription(123)));
  BOOST_TEST(!keys::profile_id("bridge:user:"));
}

BOOST_AUTO_TEST_SUITE_END()
