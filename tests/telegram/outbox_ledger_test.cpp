// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <string>

#include "telegram/outbox_ledger.hpp"

BOOST_AUTO_TEST_SUITE(telegram_outbox_ledger)

// The sender's ledger: a row is queued once whichever way it comes in
// (live, resume, sweep, a retried write), and a settled row is not queued
// again while it is remembered.

using bridge::telegram::outbox_ledger;

BOOST_AUTO_TEST_CASE(the_first_claim_wins) {
  outbox_ledger l;
  BOOST_TEST(l.claim("d1.7"));
  BOOST_TEST(!l.claim("d1.7"));  // the resume's page after the live copy
  BOOST_TEST(l.claim("u5.9.0")); // another key is independent
  BOOST_TEST(l.in_hand("d1.7"));
  BOOST_TEST(l.in_hand_count() == 2u);
}

BOOST_AUTO_TEST_CASE(a_settled_key_is_not_claimed_again) {
  outbox_ledger l;
  BOOST_TEST(l.claim("k"));
  l.settle("k");
  BOOST_TEST(!l.in_hand("k"));
  BOOST_TEST(l.settled("k"));
  // A sweep page read just before the mark committed still says pending.
  BOOST_TEST(!l.claim("k"));
  BOOST_TEST(l.in_hand_count() == 0u);
}

BOOST_AUTO_TEST_CASE(a_released_key_may_be_claimed_again) {
  outbox_ledger l;
  BOOST_TEST(l.claim("k"));
  l.release("k"); // its row was never written
  BOOST_TEST(!l.settled("k"));
  BOOST_TEST(l.claim("k"));
}

BOOST_AUTO_TEST_CASE(settled_keys_are_forgotten_oldest_first) {
  outbox_ledger l{3};
  for (int i = 0; i < 5; ++i) {
    auto k = "k" + std::to_string(i);
    BOOST_TEST(l.claim(k));
    l.settle(k);
  }
  BOOST_TEST(l.settled_count() == 3u);
  BOOST_TEST(!l.settled("k0"));
  BOOST_TEST(!l.settled("k1"));
  BOOST_TEST(l.settled("k2"));
  BOOST_TEST(l.settled("k4"));
  BOOST_TEST(l.claim("k0")); // forgotten: a very late page may send it
  BOOST_TEST(!l.claim("k4"));
}

BOOST_AUTO_TEST_CASE(settling_twice_or_unclaimed_is_harmless) {
  outbox_ledger l{2};
  l.settle("x"); // settled without a claim (a failed row's mark)
  l.settle("x");
  BOOST_TEST(l.settled_count() == 1u);
  BOOST_TEST(!l.claim("x"));
  l.release("never-claimed");
  BOOST_TEST(l.in_hand_count() == 0u);
}

BOOST_AUTO_TEST_CASE(remembering_nothing_still_guards_keys_in_hand) {
  outbox_ledger l{0};
  BOOST_TEST(l.claim("k"));
  BOOST_TEST(!l.claim("k"));
  l.settle("k");
  BOOST_TEST(l.settled_count() == 0u);
  BOOST_TEST(l.claim("k"));
}

BOOST_AUTO_TEST_CASE(empty_and_odd_keys) {
  outbox_ledger l;
  BOOST_TEST(l.claim(""));
  BOOST_TEST(!l.claim(""));
  std::string big(10'000, 'x');
  BOOST_TEST(l.claim(big));
  BOOST_TEST(l.claim(std::string("a\0b", 3)));
  BOOST_TEST(l.claim("a"));
}

BOOST_AUTO_TEST_SUITE_END() // telegram_outbox_ledger
