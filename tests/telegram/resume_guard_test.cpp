#define BOOST_TEST_MODULE telegram.resume_guard
#include <boost/test/unit_test.hpp>

#include <string>

#include "telegram/resume_guard.hpp"

using bridge::telegram::resume_guard;

BOOST_AUTO_TEST_CASE(a_live_copy_a_page_then_returns_is_not_queued_again) {
  resume_guard g;
  // The live path queues a reply; its row is still pending when the next
  // page of the resume is read.
  BOOST_TEST(g.claim("m:7:to:42"));
  BOOST_TEST(!g.claim("m:7:to:42"));
  BOOST_TEST(g.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_resumed_row_whose_live_copy_arrives_later_is_sent_once) {
  resume_guard g;
  BOOST_TEST(g.claim("m:9:to:43"));  // the page
  BOOST_TEST(!g.claim("m:9:to:43")); // the stored copy, after the page
  BOOST_TEST(g.claim("m:10:to:43")); // another key is not held back
}

BOOST_AUTO_TEST_CASE(after_the_last_page_every_claim_wins_and_nothing_is_kept) {
  resume_guard g;
  BOOST_TEST(g.resuming());
  for (int i = 0; i < 1000; ++i)
    g.claim("k" + std::to_string(i));
  g.finish();
  BOOST_TEST(!g.resuming());
  BOOST_TEST(g.size() == 0u);
  // Later duplicates are the outbox's business (its put reports them), not
  // the guard's: it keeps no keys once no page can come.
  BOOST_TEST(g.claim("k1"));
  BOOST_TEST(g.claim("k1"));
  BOOST_TEST(g.size() == 0u);
}

BOOST_AUTO_TEST_CASE(empty_and_odd_keys_are_only_keys) {
  resume_guard g;
  BOOST_TEST(g.claim(""));
  BOOST_TEST(!g.claim(""));
  std::string odd{"a\0b", 3};
  BOOST_TEST(g.claim(odd));
  BOOST_TEST(g.claim("a"));
  BOOST_TEST(!g.claim(odd));
  BOOST_TEST(g.claim(std::string(1 << 16, 'x')));
}

BOOST_AUTO_TEST_CASE(finishing_twice_is_harmless) {
  resume_guard g;
  g.finish();
  g.finish();
  BOOST_TEST(g.claim("x"));
}
