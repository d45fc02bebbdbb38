// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "storage/retention.hpp"

BOOST_AUTO_TEST_SUITE(storage_retention_round)

using namespace bridge;
using namespace bridge::storage;

BOOST_AUTO_TEST_CASE(a_round_walks_every_table_until_a_batch_comes_back_short) {
  retention_round r{1000, 10, 100};
  std::vector<purge_target> seen;
  // messages: 10, 10, 3; inbox: 0; outbox: 10, 1.
  for (int64_t n : {10, 10, 3, 0, 10, 1}) {
    auto p = r.next();
    BOOST_REQUIRE(p);
    BOOST_TEST(p->cutoff_ms == 1000);
    BOOST_TEST(p->limit == 10);
    BOOST_TEST(p->fence_name.empty());
    seen.push_back(p->target);
    r.deleted(n);
  }
  BOOST_TEST(!r.next());
  BOOST_TEST((seen
              == std::vector<purge_target>{
                  purge_target::messages, purge_target::messages,
                  purge_target::messages, purge_target::inbox,
                  purge_target::outbox, purge_target::outbox}));
  BOOST_TEST(r.total(purge_target::messages) == 23);
  BOOST_TEST(r.total(purge_target::inbox) == 0);
  BOOST_TEST(r.total(purge_target::outbox) == 11);
}

BOOST_AUTO_TEST_CASE(a_round_stops_at_its_batch_budget) {
  retention_round r{1000, 10, 3};
  for (int i = 0; i < 3; ++i) {
    BOOST_REQUIRE(r.next());
    r.deleted(10);
  }
  BOOST_TEST(!r.next());
  BOOST_TEST(r.total(purge_target::messages) == 30);
}

BOOST_AUTO_TEST_SUITE_END() // storage_retention_round
