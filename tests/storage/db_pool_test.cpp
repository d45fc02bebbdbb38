// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "storage/db_pool.hpp"

BOOST_AUTO_TEST_SUITE(storage_db_pool)

using bridge::storage::combined_turn_allowed;
using bridge::storage::db_pool_options;
using bridge::storage::write_turn_allowed;
using std::chrono::microseconds;

namespace {

db_pool_options twenty_workers() {
  db_pool_options o;
  o.pool_size = 20;
  o.batch_max = 500;
  o.batch_turns = 2;
  return o;
}

} // namespace

BOOST_AUTO_TEST_CASE(a_write_kind_starts_turns_freely_below_batch_turns) {
  auto o = twenty_workers();
  BOOST_TEST(write_turn_allowed(o, 0, 1));
  BOOST_TEST(write_turn_allowed(o, 1, 1));
  BOOST_TEST(write_turn_allowed(o, 1, 0));
}

BOOST_AUTO_TEST_CASE(a_partial_batch_waits_at_batch_turns_and_grows) {
  auto o = twenty_workers();
  BOOST_TEST(!write_turn_allowed(o, 2, 1));
  BOOST_TEST(!write_turn_allowed(o, 2, 499));
}

BOOST_AUTO_TEST_CASE(a_full_batch_takes_more_workers_up_to_half_the_pool) {
  auto o = twenty_workers();
  BOOST_TEST(write_turn_allowed(o, 2, 500));
  BOOST_TEST(write_turn_allowed(o, 9, 5000));
  // The other half stays for the other kinds.
  BOOST_TEST(!write_turn_allowed(o, 10, 5000));
  BOOST_TEST(!write_turn_allowed(o, 19, 5000));
}

BOOST_AUTO_TEST_CASE(batch_turns_above_half_the_pool_still_bounds_alone) {
  auto o = twenty_workers();
  o.batch_turns = 15;
  BOOST_TEST(write_turn_allowed(o, 14, 1));
  BOOST_TEST(!write_turn_allowed(o, 15, 1));
  BOOST_TEST(!write_turn_allowed(o, 15, 10'000));
}

BOOST_AUTO_TEST_CASE(a_tiny_pool_keeps_its_bound) {
  auto o = twenty_workers();
  o.pool_size = 1;
  o.batch_turns = 1;
  BOOST_TEST(write_turn_allowed(o, 0, 1));
  BOOST_TEST(!write_turn_allowed(o, 1, 10'000));
}

BOOST_AUTO_TEST_CASE(a_partial_combined_batch_lingers_while_no_turn_runs) {
  auto o = twenty_workers();
  o.batch_turns = 1;
  o.write_linger = microseconds{2000};
  BOOST_TEST(!combined_turn_allowed(o, 0, 1, microseconds{0}));
  BOOST_TEST(!combined_turn_allowed(o, 0, 499, microseconds{1999}));
  BOOST_TEST(combined_turn_allowed(o, 0, 1, microseconds{2000}));
  BOOST_TEST(combined_turn_allowed(o, 0, 1, microseconds{900'000'000}));
}

BOOST_AUTO_TEST_CASE(a_full_combined_batch_never_lingers) {
  auto o = twenty_workers();
  o.batch_turns = 1;
  o.write_linger = microseconds{2000};
  BOOST_TEST(combined_turn_allowed(o, 0, 500, microseconds{0}));
  // Past batch_turns the full-batch rule decides, as for one kind.
  BOOST_TEST(combined_turn_allowed(o, 1, 500, microseconds{0}));
  BOOST_TEST(!combined_turn_allowed(o, 1, 499, microseconds{5000}));
}

BOOST_AUTO_TEST_CASE(no_linger_starts_a_combined_turn_at_once) {
  auto o = twenty_workers();
  o.batch_turns = 1;
  o.write_linger = microseconds{0};
  BOOST_TEST(combined_turn_allowed(o, 0, 1, microseconds{0}));
  BOOST_TEST(!combined_turn_allowed(o, 1, 1, microseconds{0}));
}

BOOST_AUTO_TEST_SUITE_END() // storage_db_pool
