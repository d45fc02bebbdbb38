// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "tests/support/pool_fixture.hpp"

BOOST_AUTO_TEST_SUITE(storage_billing_pg)

using namespace bridge;
using bridge::test::code_of;

BOOST_FIXTURE_TEST_SUITE(billing, bridge::test::pool_fixture)

BOOST_AUTO_TEST_CASE(subscriptions_are_set_and_cleared) {
  must(user_put{30, user_role::manager, "en", "m"});
  auto none = must(sub_get{30});
  BOOST_TEST((none.status == subscription_status::none));
  int64_t until = 4102444800000; // 2100-01-01
  auto set = must(sub_set{30, until});
  BOOST_TEST((set.status == subscription_status::active));
  BOOST_TEST(set.expires_at_ms == until);
  BOOST_TEST(is_active(set, 1700000000000));
  BOOST_TEST(!is_active(set, until));
  auto cleared = must(sub_clear{30});
  BOOST_TEST((cleared.status == subscription_status::canceled));
  BOOST_TEST((must(sub_get{30}).status == subscription_status::canceled));
  BOOST_TEST((code_of(run(sub_set{31, until})) == engine_errc::not_found));
  BOOST_TEST((must(sub_clear{31}).status == subscription_status::none));
}

BOOST_AUTO_TEST_CASE(usage_counts_to_the_limit_and_no_further) {
  must(user_put{40, user_role::manager, "en", "m"});
  auto a = must(usage_incr{40, 20240229, 2});
  BOOST_TEST(a.granted);
  BOOST_TEST(a.count == 1);
  BOOST_TEST(must(usage_incr{40, 20240229, 2}).count == 2);
  auto c = must(usage_incr{40, 20240229, 2});
  BOOST_TEST(!c.granted);
  BOOST_TEST(c.count == 2);
  BOOST_TEST(must(usage_get{40, 20240229}).count == 2);
  BOOST_TEST(must(usage_get{40, 20240301}).count == 0);
  // No limit, and a limit of zero.
  BOOST_TEST(must(usage_incr{40, 20240229, -1}).count == 3);
  BOOST_TEST(!must(usage_incr{40, 20240301, 0}).granted);
  BOOST_TEST(must(usage_get{40, 20240301}).count == 0);
  for (int64_t bad : {0, 20240230, 20231301, 19991231, 202402290})
    BOOST_TEST(
        (code_of(run(usage_incr{40, bad, 5})) == engine_errc::invalid_input));
  BOOST_TEST(
      (code_of(run(usage_incr{41, 20240229, 5})) == engine_errc::not_found));
}

BOOST_AUTO_TEST_CASE(leases_count_whole_then_one_at_a_time_to_the_limit) {
  must(user_put{42, user_role::manager, "en", "m"});
  auto a = must(usage_incr{42, 20240229, 12, 0, 5});
  BOOST_TEST(a.granted);
  BOOST_TEST(a.counted == 5);
  BOOST_TEST(a.count == 5);
  BOOST_TEST(must(usage_incr{42, 20240229, 12, 0, 5}).count == 10);
  // Five do not fit under 12: one does, twice, then nothing.
  auto b = must(usage_incr{42, 20240229, 12, 0, 5});
  BOOST_TEST(b.counted == 1);
  BOOST_TEST(b.count == 11);
  BOOST_TEST(must(usage_incr{42, 20240229, 12, 0, 5}).counted == 1);
  auto c = must(usage_incr{42, 20240229, 12, 0, 5});
  BOOST_TEST(!c.granted);
  BOOST_TEST(c.counted == 0);
  BOOST_TEST(c.count == 12);
  // A first lease larger than the limit: one at a time from the start.
  BOOST_TEST(must(usage_incr{42, 20240301, 2, 0, 5}).counted == 1);
  // No limit: whole leases.
  BOOST_TEST(must(usage_incr{42, 20240302, -1, 0, 1000}).count == 1000);
  for (int64_t bad : {0, -1, 1001})
    BOOST_TEST((code_of(run(usage_incr{42, 20240229, 12, 0, bad}))
                == engine_errc::invalid_input),
               bad);
}

BOOST_AUTO_TEST_CASE(unsent_messages_are_given_back_never_below_zero) {
  must(user_put{43, user_role::manager, "en", "m"});
  must(usage_incr{43, 20240229, 10, 0, 8});
  BOOST_TEST(must(usage_release{43, 20240229, 6}).n == 1);
  BOOST_TEST(must(usage_get{43, 20240229}).count == 2);
  // The freed room can be leased again, and no further than the limit.
  BOOST_TEST(must(usage_incr{43, 20240229, 10, 0, 8}).count == 10);
  BOOST_TEST(!must(usage_incr{43, 20240229, 10, 0, 1}).granted);
  must(usage_release{43, 20240229, 1000});
  BOOST_TEST(must(usage_get{43, 20240229}).count == 0);
  // Nothing counted that day: nothing to give back.
  BOOST_TEST(must(usage_release{43, 20240301, 3}).n == 0);
  BOOST_TEST(must(usage_get{43, 20240301}).count == 0);
  for (int64_t bad : {0, -2, 1001})
    BOOST_TEST((code_of(run(usage_release{43, 20240229, bad}))
                == engine_errc::invalid_input),
               bad);
  for (int64_t bad_day : {0, 20240230, 202402290})
    BOOST_TEST((code_of(run(usage_release{43, bad_day, 1}))
                == engine_errc::invalid_input),
               bad_day);
  BOOST_TEST((code_of(run(usage_release{0, 20240229, 1}))
              == engine_errc::invalid_input));
}

BOOST_AUTO_TEST_CASE(concurrent_leases_never_pass_the_limit) {
  must(user_put{51, user_role::manager, "en", "m"});
  caf::scoped_actor self{*sys};
  constexpr int asks = 40;
  for (int i = 0; i < asks; ++i)
    self->send(pool, usage_incr{51, 20240101, 23, 0, 4});
  int64_t counted = 0;
  for (int i = 0; i < asks; ++i)
    self->receive([&](usage_count& c) { counted += c.counted; },
                  [&](caf::error& e) { BOOST_FAIL(describe(e)); });
  BOOST_TEST(counted == 23);
  BOOST_TEST(must(usage_get{51, 20240101}).count == 23);
}

BOOST_AUTO_TEST_CASE(concurrent_increments_never_pass_the_limit) {
  must(user_put{50, user_role::manager, "en", "m"});
  caf::scoped_actor self{*sys};
  constexpr int asks = 60;
  for (int i = 0; i < asks; ++i)
    self->send(pool, usage_incr{50, 20240101, 25});
  int granted = 0;
  for (int i = 0; i < asks; ++i)
    self->receive([&](usage_count& c) { granted += c.granted ? 1 : 0; },
                  [&](caf::error& e) { BOOST_FAIL(describe(e)); });
  BOOST_TEST(granted == 25);
  BOOST_TEST(must(usage_get{50, 20240101}).count == 25);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END() // storage_billing_pg
