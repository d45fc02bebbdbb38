// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <deque>
#include <map>
#include <random>

#include "telegram/send_scheduler.hpp"
#include "tools/tg_sim/send_limits.hpp"

BOOST_AUTO_TEST_SUITE(telegram_send_scheduler)

using namespace bridge::telegram;
using namespace std::chrono;
using sched_t = send_scheduler<int>;
using tp = sched_t::time_point;

namespace {

const tp t0 = tp{} + hours{1};

/// Counts sends in sliding windows and checks them against a bucket bound.
void check_windows(const std::vector<tp>& sends, duration<double> window,
                   double rate, double burst) {
  for (size_t i = 0; i < sends.size(); ++i) {
    size_t n = 0;
    for (size_t j = i; j < sends.size() && sends[j] - sends[i] < window; ++j)
      ++n;
    BOOST_TEST(n <= burst + rate * window.count() + 1e-6,
               "window from send " << i << " holds " << n);
  }
}

/// The other side of the limit: the k-th send (from 0) goes no later than
/// a full bucket of `burst` at `start` and then `rate` a second allow, plus
/// `slack`. A scheduler that holds calls back (or refuses them) fails here
/// while it passes every upper bound.
void check_no_slower(const std::vector<tp>& sends, tp start, double rate,
                     double burst, duration<double> slack = milliseconds{1}) {
  for (size_t k = 0; k < sends.size(); ++k) {
    auto owed = std::max(0.0, static_cast<double>(k) + 1 - burst) / rate;
    BOOST_TEST(
        duration<double>(sends[k] - start).count() <= owed + slack.count(),
        "send " << k << " at " << duration<double>(sends[k] - start).count()
                << " s, allowed by " << owed << " s");
  }
}

} // namespace

BOOST_AUTO_TEST_CASE(one_in_flight_per_chat_keeps_order) {
  sched_t s{{1000, 1000, 1000, 1000}, 100, t0};
  for (int i = 0; i < 3; ++i)
    BOOST_TEST(s.push(7, i, true, t0));
  auto p = s.next(t0);
  BOOST_REQUIRE(p);
  BOOST_TEST(p->job == 0);
  BOOST_TEST(!s.next(t0)); // chat 7 is in flight
  s.completed(7, t0);
  p = s.next(t0);
  BOOST_REQUIRE(p);
  BOOST_TEST(p->job == 1);
}

BOOST_AUTO_TEST_CASE(per_chat_rate_and_burst_hold_over_a_long_run) {
  send_limits lim{1000, 1, 3, 20};
  sched_t s{lim, 100000, t0};
  for (int i = 0; i < 200; ++i)
    s.push(5, i, true, t0);
  std::vector<tp> sends;
  tp now = t0;
  while (sends.size() < 200) {
    if (auto p = s.next(now)) {
      BOOST_TEST(p->job == static_cast<int>(sends.size()));
      sends.push_back(now);
      s.completed(5, now);
      continue;
    }
    auto wake = s.wake_time();
    BOOST_REQUIRE(wake);
    BOOST_REQUIRE(*wake > now);
    now = *wake;
  }
  check_windows(sends, seconds{1}, 1, 1.5);
  check_windows(sends, seconds{10}, 1, 1.5);
  // It also goes as fast as it allows itself: half the burst at once
  // (the other half absorbs the way to Telegram), then one per second.
  BOOST_TEST((sends[0] == t0));
  check_no_slower(sends, t0, 1, 1.5);
  BOOST_TEST(duration<double>(sends.back() - sends.front()).count() <= 198.5);
}

BOOST_AUTO_TEST_CASE(global_limit_holds_across_many_chats) {
  send_limits lim{30, 1, 3, 20};
  sched_t s{lim, 100000, t0};
  std::mt19937 rng{1};
  for (int i = 0; i < 3000; ++i)
    s.push(1 + static_cast<int64_t>(rng() % 500), i, true, t0);
  std::vector<tp> sends;
  std::map<int64_t, std::vector<tp>> per_chat;
  std::map<int64_t, int> last_job;
  tp now = t0;
  std::deque<std::pair<tp, int64_t>> in_flight;
  while (sends.size() < 3000) {
    // Calls take 40 ms; several are in flight at once.
    while (!in_flight.empty() && in_flight.front().first <= now) {
      s.completed(in_flight.front().second, now);
      in_flight.pop_front();
    }
    if (auto p = s.next(now)) {
      BOOST_TEST(p->job > last_job.emplace(p->chat_id, -1).first->second);
      last_job[p->chat_id] = p->job;
      sends.push_back(now);
      per_chat[p->chat_id].push_back(now);
      in_flight.emplace_back(now + milliseconds{40}, p->chat_id);
      continue;
    }
    auto wake = s.wake_time();
    tp next = wake ? *wake : tp::max();
    if (!in_flight.empty())
      next = std::min(next, in_flight.front().first);
    BOOST_REQUIRE(next != tp::max());
    now = std::max(now + nanoseconds{1}, next);
  }
  check_windows(sends, seconds{1}, 30, 15);
  for (auto& [chat, ts] : per_chat)
    check_windows(ts, seconds{1}, 1, 1.5);
  // Close to the limit: 3000 sends at 30/s take about 100 s; the global
  // bucket, not the 40 ms calls, sets the pace; only the busiest chats'
  // last calls wait a few seconds more for their own bucket.
  BOOST_TEST(duration<double>(sends.back() - sends.front()).count() < 110.0);
  check_no_slower(sends, t0, 30, 15, seconds{5});
}

BOOST_AUTO_TEST_CASE(calls_delayed_on_their_way_still_fit_telegrams_limits) {
  // Telegram (here tg-sim's limits, Telegram's defaults) counts each call
  // when it arrives; each call spends 0 to 400 ms on its way. A scheduler
  // that spends whole bursts has calls arrive closer together than it
  // sent them and answered 429; none may be.
  send_limits lim;
  sched_t s{lim, 100000, t0};
  bridge::tg_sim::send_limits telegram{bridge::tg_sim::limit_settings{}, t0};
  std::mt19937 rng{3};
  for (int i = 0; i < 2000; ++i)
    s.push(1 + static_cast<int64_t>(rng() % 40), i, true, t0);
  std::multimap<tp, int64_t> arriving; // arrival time, chat
  size_t sent = 0, refused = 0;
  tp now = t0;
  while (sent < 2000 || !arriving.empty()) {
    while (!arriving.empty() && arriving.begin()->first <= now) {
      auto chat = arriving.begin()->second;
      arriving.erase(arriving.begin());
      if (telegram.try_send(chat, now).refused_by
          != bridge::tg_sim::limit_scope::none)
        ++refused;
      s.completed(chat, now);
    }
    if (auto p = s.next(now)) {
      ++sent;
      arriving.emplace(now + milliseconds{rng() % 400}, p->chat_id);
      continue;
    }
    auto wake = s.wake_time();
    tp next = wake ? *wake : tp::max();
    if (!arriving.empty())
      next = std::min(next, arriving.begin()->first);
    if (next == tp::max())
      break;
    now = std::max(now + nanoseconds{1}, next);
  }
  BOOST_TEST(sent == 2000u);
  BOOST_TEST(refused == 0u);
}

BOOST_AUTO_TEST_CASE(groups_get_twenty_per_minute) {
  sched_t s{{1000, 1, 3, 20}, 1000, t0};
  for (int i = 0; i < 60; ++i)
    s.push(-100, i, true, t0);
  std::vector<tp> sends;
  tp now = t0;
  while (sends.size() < 60) {
    if (auto p = s.next(now)) {
      sends.push_back(now);
      s.completed(-100, now);
    } else {
      now = *s.wake_time();
    }
  }
  check_windows(sends, seconds{60}, 20.0 / 60, 1);
  // And no slower: one at once, then one every three seconds.
  check_no_slower(sends, t0, 20.0 / 60, 1);
  BOOST_TEST(duration<double>(sends.back() - t0).count() <= 59 * 3.0 + 1e-3);
}

BOOST_AUTO_TEST_CASE(retry_after_pauses_one_chat_only) {
  sched_t s{{1000, 1000, 1000, 1000}, 100, t0};
  s.push(1, 10, true, t0);
  s.push(1, 11, true, t0);
  s.push(2, 20, true, t0);
  auto a = s.next(t0);
  BOOST_REQUIRE(a);
  BOOST_TEST(a->chat_id == 1);
  s.retry_after(1, a->job, true, t0 + seconds{5}, t0);
  auto b = s.next(t0);
  BOOST_REQUIRE(b);
  BOOST_TEST(b->chat_id == 2);
  s.completed(2, t0);
  BOOST_TEST(!s.next(t0 + seconds{4}));
  auto c = s.next(t0 + seconds{5});
  BOOST_REQUIRE(c);
  BOOST_TEST(c->job == 10); // the refused call goes first, order kept
}

BOOST_AUTO_TEST_CASE(actions_do_not_use_message_slots) {
  sched_t s{{1000, 1, 1, 20}, 100, t0};
  s.push(3, 1, true, t0);
  s.push(3, 2, false, t0);
  s.push(3, 3, true, t0);
  BOOST_TEST(s.next(t0)->job == 1);
  s.completed(3, t0);
  BOOST_TEST(s.next(t0)->job == 2); // a chat action needs no slot
  s.completed(3, t0);
  BOOST_TEST(!s.next(t0)); // the next message does
  BOOST_TEST(s.next(t0 + seconds{1})->job == 3);
}

BOOST_AUTO_TEST_CASE(queue_bound_refuses_and_sweep_forgets_idle_chats) {
  sched_t s{{1000, 1000, 1000, 1000}, 2, t0};
  BOOST_TEST(s.push(1, 1, true, t0));
  BOOST_TEST(s.push(2, 2, true, t0));
  BOOST_TEST(!s.push(3, 3, true, t0));
  while (auto p = s.next(t0))
    s.completed(p->chat_id, t0);
  BOOST_TEST(s.queued() == 0u);
  s.sweep(t0 + seconds{10});
  BOOST_TEST(s.chats() == 0u);
}

BOOST_AUTO_TEST_CASE(one_chat_cannot_fill_the_queue) {
  // A queue of 10 with at most 3 per chat: a flooding chat is refused at
  // its share while every other chat still gets in.
  sched_t s{{1000, 1000, 1000, 1000}, 10, t0, 3};
  for (int i = 0; i < 3; ++i)
    BOOST_TEST(s.push(-100, i, true, t0));
  BOOST_TEST(!s.push(-100, 3, true, t0));
  BOOST_TEST(s.queued_for(-100) == 3u);
  for (int64_t chat = 1; chat <= 7; ++chat)
    BOOST_TEST(s.push(chat, 0, true, t0), "chat " << chat);
  // The whole queue is full now: the global bound still holds.
  BOOST_TEST(!s.push(8, 0, true, t0));
  // A send leaves the queue when it starts: the chat may queue one more.
  auto p = s.next(t0);
  BOOST_REQUIRE(p);
  BOOST_TEST(s.queued_for(p->chat_id) < 3u);
  BOOST_TEST(s.push(p->chat_id, 9, true, t0));
  BOOST_TEST(s.queued_for(12345) == 0u);
}

BOOST_AUTO_TEST_SUITE_END() // telegram_send_scheduler
