// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <string>

#include "common/call_watch.hpp"

BOOST_AUTO_TEST_SUITE(common_call_watch)

using namespace bridge;
using namespace std::chrono_literals;

namespace {

using clock = std::chrono::steady_clock;
const clock::time_point t0{};

} // namespace

BOOST_AUTO_TEST_CASE(an_answered_call_is_taken_once) {
  call_watch<std::string> w;
  auto a = w.add("a", t0 + 10s);
  auto b = w.add("b", t0 + 10s);
  BOOST_TEST(a != b);
  BOOST_TEST(w.size() == 2u);
  BOOST_TEST(*w.take(b) == "b");
  BOOST_TEST(!w.take(b)); // a second answer is dropped
  BOOST_TEST(w.size() == 1u);
  BOOST_TEST(w.expired(t0 + 20s).size() == 1u);
  BOOST_TEST(w.empty());
}

BOOST_AUTO_TEST_CASE(calls_expire_at_their_deadline_oldest_first) {
  call_watch<std::string> w;
  w.add("first", t0 + 5s);
  w.add("late", t0 + 30s);
  auto third = w.add("third", t0 + 5s);
  w.add("fourth", t0 + 4s);
  BOOST_TEST(w.expired(t0 + 3999ms).empty());
  auto due = w.expired(t0 + 5s); // at the deadline counts
  BOOST_REQUIRE(due.size() == 3u);
  BOOST_TEST(due[0] == "first");
  BOOST_TEST(due[1] == "third");
  BOOST_TEST(due[2] == "fourth");
  // The answer that comes after the expiry finds nothing.
  BOOST_TEST(!w.take(third));
  BOOST_TEST(w.size() == 1u);
}

BOOST_AUTO_TEST_CASE(unknown_ids_and_an_empty_watch_are_harmless) {
  call_watch<int> w;
  BOOST_TEST(!w.take(0));
  BOOST_TEST(!w.take(12345));
  BOOST_TEST(w.expired(clock::time_point::max()).empty());
  auto id = w.add(7, clock::time_point::max());
  BOOST_TEST(w.expired(clock::time_point::max() - 1s).empty());
  BOOST_TEST(*w.take(id) == 7);
}

BOOST_AUTO_TEST_CASE(one_timer_runs_while_calls_are_out) {
  call_watch<int> w;
  BOOST_TEST(!w.arm()); // nothing out
  auto a = w.add(1, t0 + 5s);
  w.add(2, t0 + 5s);
  BOOST_TEST(w.arm());
  BOOST_TEST(!w.arm()); // running already
  w.take(a);
  w.fired();
  BOOST_TEST(w.arm()); // one call still out
  w.fired();
  w.expired(t0 + 5s);
  BOOST_TEST(!w.arm());
}

BOOST_AUTO_TEST_SUITE_END() // common_call_watch
