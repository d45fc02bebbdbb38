// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "cache/fixed_window.hpp"

BOOST_AUTO_TEST_SUITE(cache_fixed_window)

using namespace bridge;
using namespace bridge::cache;

BOOST_AUTO_TEST_CASE(windows_are_fixed_and_aligned) {
  auto w = fixed_window::at(125000, 60000);
  BOOST_TEST(w.index == 2);
  BOOST_TEST(w.ends_at_ms == 180000);
  BOOST_TEST(fixed_window::at(119999, 60000).index == 1);
  BOOST_TEST(fixed_window::at(5, 0).index == 5); // a zero window counts as 1 ms
}

BOOST_AUTO_TEST_CASE(verdicts_tell_when_to_retry) {
  auto w = fixed_window::at(125000, 60000);
  auto ok = judge(3, 3, w, 125000);
  BOOST_TEST(ok.allowed);
  BOOST_TEST(ok.retry_after_ms == 0);
  auto no = judge(4, 3, w, 125000);
  BOOST_TEST(!no.allowed);
  BOOST_TEST(no.retry_after_ms == 55000);
  BOOST_TEST(!judge(1, 0, w, 125000).allowed); // a limit of zero allows nothing
}

BOOST_AUTO_TEST_CASE(the_local_limiter_counts_per_subject_and_window) {
  local_limiter l;
  rate_hit h{"updates", 1, 2, 1000};
  BOOST_TEST(l.hit(h, 10).allowed);
  BOOST_TEST(l.hit(h, 20).allowed);
  BOOST_TEST(!l.hit(h, 30).allowed);
  BOOST_TEST(l.hit(rate_hit{"updates", 2, 2, 1000}, 30).allowed);
  BOOST_TEST(l.hit(rate_hit{"code", 1, 2, 1000}, 30).allowed);
  BOOST_TEST(l.hit(h, 1000).allowed); // next window
  BOOST_TEST(l.hit(h, 1001).count == 2);
}

BOOST_AUTO_TEST_CASE(the_local_limiter_stays_bounded) {
  local_limiter l{100};
  for (int64_t s = 0; s < 10000; ++s)
    l.hit(rate_hit{"updates", s, 5, 1000}, s / 50 * 1000);
  BOOST_TEST(l.size() <= 100u);
  // Under pressure inside one window it forgets (looser, never stricter).
  local_limiter tight{10};
  for (int64_t s = 0; s < 50; ++s)
    BOOST_TEST(tight.hit(rate_hit{"updates", s, 1, 1000}, 5).allowed);
}

BOOST_AUTO_TEST_CASE(the_local_limiter_looks_without_counting) {
  // While Redis is down each engine keeps the failure budget alone.
  local_limiter l;
  rate_hit look{"code_failures", 0, 1, 1000, false};
  rate_hit spend{"code_failures", 0, 1, 1000, true};
  BOOST_TEST(l.hit(look, 10).allowed);
  BOOST_TEST(l.size() == 0u); // a look stores nothing
  BOOST_TEST(l.hit(spend, 20).allowed);
  BOOST_TEST(!l.hit(look, 30).allowed);
  BOOST_TEST(!l.hit(look, 40).allowed);
  BOOST_TEST(l.hit(spend, 50).count == 2);
  BOOST_TEST(l.hit(look, 1000).allowed); // next window
}

BOOST_AUTO_TEST_SUITE_END() // cache_fixed_window
