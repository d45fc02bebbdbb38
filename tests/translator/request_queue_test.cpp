// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "translator/request_queue.hpp"

BOOST_AUTO_TEST_SUITE(translator_request_queue)

using namespace bridge::translation;
using namespace std::chrono_literals;

namespace {

const std::chrono::steady_clock::time_point t0{std::chrono::hours{3}};

pending_request entry(uint64_t key, std::chrono::milliseconds deadline = 60s,
                      std::chrono::milliseconds notice = 3s) {
  pending_request p;
  p.key = key;
  p.id = key * 10;
  p.arrived = t0;
  p.deadline = t0 + deadline;
  p.notice_at = t0 + notice;
  return p;
}

} // namespace

BOOST_AUTO_TEST_CASE(fresh_requests_leave_in_arrival_order) {
  request_queue q;
  for (uint64_t k = 1; k <= 3; ++k)
    q.push(entry(k));
  BOOST_TEST(q.waiting() == 3u);
  BOOST_TEST(q.next_ready(t0)->key == 1u);
  q.started(1);
  BOOST_TEST(q.next_ready(t0)->key == 2u);
  BOOST_TEST(q.waiting() == 2u);
  BOOST_TEST(q.size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_retry_waits_for_its_time_then_goes_first) {
  request_queue q;
  q.push(entry(1));
  q.push(entry(2));
  q.started(1);
  q.retry_at(1, t0 + 2s);
  BOOST_TEST(q.next_ready(t0 + 1s)->key == 2u);
  BOOST_TEST(q.next_ready(t0 + 2s)->key == 1u);
  BOOST_TEST((q.next_event() == t0 + 2s));
  q.started(1);
  BOOST_TEST(q.next_ready(t0 + 2s)->key == 2u);
}

BOOST_AUTO_TEST_CASE(deadlines_and_notices_come_due) {
  request_queue q;
  q.push(entry(1, 5s, 1s));
  q.push(entry(2, 2s, 3s));
  BOOST_TEST((q.next_event() == t0 + 1s));
  BOOST_TEST(q.notices_due(t0 + 1s) == std::vector<uint64_t>{1});
  BOOST_TEST(q.notices_due(t0 + 1s).empty()); // once only
  BOOST_TEST(q.expired(t0 + 2s) == std::vector<uint64_t>{2});
  q.take(2);
  BOOST_TEST(q.notices_due(t0 + 10s).empty()); // 2 is gone
  BOOST_TEST(q.expired(t0 + 10s) == std::vector<uint64_t>{1});
}

BOOST_AUTO_TEST_CASE(take_forgets_everything_about_a_request) {
  request_queue q;
  q.push(entry(1));
  q.started(1);
  q.retry_at(1, t0 + 1s);
  auto p = q.take(1);
  BOOST_REQUIRE(p.has_value());
  BOOST_TEST(p->id == 10u);
  BOOST_TEST(!q.take(1).has_value());
  BOOST_TEST(q.size() == 0u);
  BOOST_TEST(q.waiting() == 0u);
  BOOST_TEST(!q.next_event().has_value());
  BOOST_TEST(q.next_ready(t0 + 1h) == nullptr);
}

BOOST_AUTO_TEST_CASE(a_slow_notice_falls_due_once_in_flight_or_not) {
  request_queue q;
  auto slow = entry(1);
  slow.slow_at = t0 + 500ms;
  q.push(slow);
  auto waiting = entry(2);
  waiting.slow_at = t0 + 500ms;
  q.push(waiting);
  q.push(entry(3)); // asked for none
  auto answered = entry(4);
  answered.slow_at = t0 + 400ms;
  q.push(answered);
  q.started(1);
  BOOST_TEST((q.next_event() == t0 + 400ms));
  q.take(4); // answered in time: never slow
  BOOST_TEST((q.next_event() == t0 + 500ms));
  BOOST_TEST(q.slow_due(t0 + 499ms).empty());
  auto due = q.slow_due(t0 + 500ms);
  BOOST_REQUIRE(due.size() == 2u);
  BOOST_TEST(due[0] == 1u);
  BOOST_TEST(due[1] == 2u);
  BOOST_TEST(q.find(1)->slow_sent);
  BOOST_TEST(q.slow_due(t0 + 10s).empty());
  BOOST_TEST((q.next_event() == t0 + 3s)); // the queued notices remain
}

BOOST_AUTO_TEST_SUITE_END() // translator_request_queue
