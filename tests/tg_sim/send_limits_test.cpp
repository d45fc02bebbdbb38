// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "tools/tg_sim/send_limits.hpp"

BOOST_AUTO_TEST_SUITE(tg_sim_send_limits)

using namespace bridge::tg_sim;
using namespace std::chrono_literals;

namespace {

struct limits_fixture {
  send_limits::time_point now{};
  limit_settings settings;
  send_limits limits{settings, now};
};

} // namespace

BOOST_FIXTURE_TEST_CASE(per_chat_burst_then_one_per_second, limits_fixture) {
  for (int i = 0; i < 3; ++i)
    BOOST_TEST(limits.try_send(1001, now).allowed());
  auto v = limits.try_send(1001, now);
  BOOST_TEST(!v.allowed());
  BOOST_TEST(to_string(v.refused_by) == "chat");
  BOOST_TEST(v.retry_after_s == 1);
  // Another chat is not affected.
  BOOST_TEST(limits.try_send(1002, now).allowed());
  // After the wait Telegram named, the chat is accepted again.
  now += 1s;
  BOOST_TEST(limits.try_send(1001, now).allowed());
  BOOST_TEST(!limits.try_send(1001, now).allowed());
}

BOOST_FIXTURE_TEST_CASE(a_refusal_takes_no_token, limits_fixture) {
  for (int i = 0; i < 3; ++i)
    limits.try_send(1001, now);
  for (int i = 0; i < 10; ++i)
    BOOST_TEST(!limits.try_send(1001, now).allowed());
  now += 1s;
  BOOST_TEST(limits.try_send(1001, now).allowed());
}

BOOST_FIXTURE_TEST_CASE(global_limit_spans_chats, limits_fixture) {
  for (int i = 0; i < 30; ++i)
    BOOST_TEST(limits.try_send(2000 + i, now).allowed());
  auto v = limits.try_send(5000, now);
  BOOST_TEST(!v.allowed());
  BOOST_TEST(to_string(v.refused_by) == "global");
  BOOST_TEST(v.retry_after_s == 1);
  now += 100ms; // 3 tokens back at 30/s
  for (int i = 0; i < 3; ++i)
    BOOST_TEST(limits.try_send(6000 + i, now).allowed());
  BOOST_TEST(!limits.try_send(7000, now).allowed());
}

BOOST_FIXTURE_TEST_CASE(groups_get_twenty_a_minute, limits_fixture) {
  settings.per_chat_burst = 100; // isolate the group limit
  settings.per_chat_per_second = 100;
  limits.configure(settings, now);
  int64_t group = -100200;
  for (int i = 0; i < 20; ++i) {
    BOOST_TEST(limits.try_send(group, now).allowed());
    now += 100ms; // stay clear of the global limit
  }
  auto v = limits.try_send(group, now);
  BOOST_TEST(!v.allowed());
  BOOST_TEST(to_string(v.refused_by) == "group");
  // One message per three seconds comes back; 2 s have passed.
  BOOST_TEST(v.retry_after_s == 1);
  now += 1s;
  BOOST_TEST(limits.try_send(group, now).allowed());
  v = limits.try_send(group, now);
  BOOST_TEST(v.retry_after_s == 3);
  // A private chat is never subject to the group limit.
  BOOST_TEST(limits.try_send(1001, now).allowed());
}

BOOST_FIXTURE_TEST_CASE(retry_after_rounds_up_to_whole_seconds,
                        limits_fixture) {
  settings.per_chat_per_second = 0.4; // one message every 2.5 s
  settings.per_chat_burst = 1;
  limits.configure(settings, now);
  BOOST_TEST(limits.try_send(1, now).allowed());
  BOOST_TEST(limits.try_send(1, now).retry_after_s == 3);
  now += 2s;
  BOOST_TEST(limits.try_send(1, now).retry_after_s == 1);
}

BOOST_FIXTURE_TEST_CASE(disabled_limits_accept_everything, limits_fixture) {
  settings.enabled = false;
  limits.configure(settings, now);
  for (int i = 0; i < 1000; ++i)
    BOOST_TEST(limits.try_send(-1, now).allowed());
}

BOOST_FIXTURE_TEST_CASE(reconfiguring_restarts_full_buckets, limits_fixture) {
  for (int i = 0; i < 3; ++i)
    limits.try_send(1, now);
  BOOST_TEST(!limits.try_send(1, now).allowed());
  settings.per_chat_burst = 5;
  limits.configure(settings, now);
  for (int i = 0; i < 5; ++i)
    BOOST_TEST(limits.try_send(1, now).allowed());
  BOOST_TEST(!limits.try_send(1, now).allowed());
}

BOOST_AUTO_TEST_SUITE_END() // tg_sim_send_limits
