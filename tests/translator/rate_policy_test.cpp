// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <deque>
#include <random>

#include "translator/header_pacer.hpp"
#include "translator/rate_limiter.hpp"
#include "translator/sliding_window.hpp"

BOOST_AUTO_TEST_SUITE(translator_rate_policy)

using namespace bridge;
using namespace bridge::translation;
using namespace std::chrono_literals;
using clock_type = std::chrono::steady_clock;

namespace {

const clock_type::time_point t0{std::chrono::hours{1000}};

/// Largest amount spent in any window of `period` over `events` (sorted
/// by time): the quantity the limit is about.
double max_in_window(
    const std::vector<std::pair<clock_type::time_point, double>>& events,
    clock_type::duration period) {
  double best = 0, sum = 0;
  size_t lo = 0;
  for (size_t hi = 0; hi < events.size(); ++hi) {
    sum += events[hi].second;
    while (events[hi].first - events[lo].first >= period) {
      sum -= events[lo].second;
      ++lo;
    }
    best = std::max(best, sum);
  }
  return best;
}

} // namespace

BOOST_AUTO_TEST_CASE(window_admits_up_to_the_limit_then_waits_a_period) {
  sliding_window w{10, 60s, 600, t0};
  for (int i = 0; i < 10; ++i) {
    BOOST_TEST(w.fits(t0, 1));
    w.add(t0, 1);
  }
  BOOST_TEST(!w.fits(t0, 1));
  auto ready = w.ready_at(t0, 1);
  BOOST_TEST((ready > t0 + 59s && ready <= t0 + 61s));
  BOOST_TEST(!w.fits(ready - 1ms, 1));
  BOOST_TEST(w.fits(ready, 1));
}

BOOST_AUTO_TEST_CASE(window_never_fits_more_than_its_limit) {
  sliding_window w{5, 60s, 600, t0};
  BOOST_TEST(!w.fits(t0, 6));
  BOOST_TEST((w.ready_at(t0, 6) == clock_type::time_point::max()));
}

BOOST_AUTO_TEST_CASE(window_holds_in_every_minute_under_random_load) {
  std::mt19937_64 rng{7};
  sliding_window w{100, 60s, 600, t0};
  std::vector<std::pair<clock_type::time_point, double>> spent;
  auto now = t0;
  std::uniform_int_distribution<int> gap{0, 900};
  std::uniform_int_distribution<int> size{1, 9};
  for (int i = 0; i < 200000; ++i) {
    now += std::chrono::milliseconds{gap(rng)};
    double n = size(rng);
    if (w.fits(now, n)) {
      w.add(now, n);
      spent.emplace_back(now, n);
    }
  }
  BOOST_TEST(max_in_window(spent, 60s) <= 100.0);
  // And it is the limit, not a refusal: the offered load (about 660 a
  // minute) keeps the window full, so nearly all of 100 a minute is spent.
  double total = 0;
  for (auto& [t, n] : spent)
    total += n;
  auto minutes = std::chrono::duration<double>(now - t0).count() / 60.0;
  BOOST_TEST(total >= 0.95 * 100.0 * minutes,
             total << " spent in " << minutes << " minutes");
}

BOOST_AUTO_TEST_CASE(limiter_keeps_every_minute_and_reaches_98_percent) {
  // A standing backlog for two simulated hours, calls answered at once:
  // the limiter alone decides when each starts.
  rate_limits limits{600, 1e9, 64};
  rate_limiter lim{limits, t0};
  std::vector<std::pair<clock_type::time_point, double>> starts;
  auto now = t0;
  auto end = t0 + 2h;
  while (now < end) {
    auto a = lim.check(now, 10);
    if (a.what == admission::verdict::go) {
      lim.start(now, 10);
      lim.finish();
      starts.emplace_back(now, 1.0);
      continue;
    }
    BOOST_REQUIRE(a.what == admission::verdict::wait);
    BOOST_REQUIRE(a.at > now);
    now = a.at;
  }
  BOOST_TEST(max_in_window(starts, 60s) <= 600.0);
  auto per_minute = static_cast<double>(starts.size()) / 120.0;
  BOOST_TEST(per_minute >= 0.98 * 600);
  BOOST_TEST(per_minute <= 600.0);
  // Evenly spread: at most one second's worth back to back, so no second
  // sees more than two seconds' worth.
  BOOST_TEST(max_in_window(starts, 1s) <= 20.0);
}

BOOST_AUTO_TEST_CASE(limiter_keeps_the_token_budget_with_mixed_sizes) {
  rate_limits limits{1e6, 50000, 64};
  rate_limiter lim{limits, t0};
  std::mt19937_64 rng{11};
  std::uniform_int_distribution<int> size{50, 4000};
  std::vector<std::pair<clock_type::time_point, double>> spent;
  auto now = t0;
  double next = size(rng);
  while (now < t0 + 3h) {
    auto a = lim.check(now, next);
    if (a.what == admission::verdict::go) {
      lim.start(now, next);
      lim.finish();
      spent.emplace_back(now, next);
      next = size(rng);
      continue;
    }
    BOOST_REQUIRE(a.what == admission::verdict::wait);
    now = a.at;
  }
  BOOST_TEST(max_in_window(spent, 60s) <= 50000.0);
  double total = 0;
  for (auto& [t, n] : spent)
    total += n;
  BOOST_TEST(total / 180.0 >= 0.95 * 50000);
}

BOOST_AUTO_TEST_CASE(limiter_caps_calls_in_flight) {
  rate_limiter lim{rate_limits{1e6, 1e9, 2}, t0};
  lim.start(t0, 1);
  lim.start(t0, 1);
  auto a = lim.check(t0 + 1s, 1);
  BOOST_TEST((a.what == admission::verdict::busy));
  lim.finish();
  BOOST_TEST((lim.check(t0 + 1s, 1).what == admission::verdict::go));
}

BOOST_AUTO_TEST_CASE(limiter_refuses_a_call_larger_than_a_minute_of_tokens) {
  rate_limiter lim{rate_limits{100, 1000, 4}, t0};
  BOOST_TEST((lim.check(t0, 1001).what == admission::verdict::too_large));
  BOOST_TEST((lim.check(t0, 1000).what != admission::verdict::too_large));
}

BOOST_AUTO_TEST_CASE(limiter_holds_everything_during_a_server_pause) {
  rate_limiter lim{rate_limits{6000, 1e9, 8}, t0};
  lim.pause_until(t0 + 5s);
  auto a = lim.check(t0 + 1s, 1);
  BOOST_TEST((a.what == admission::verdict::wait));
  BOOST_TEST((a.at == t0 + 5s));
  BOOST_TEST(std::string{a.limit} == "server_pause");
  // A shorter pause never shortens a longer one.
  lim.pause_until(t0 + 2s);
  BOOST_TEST((lim.paused_until() == t0 + 5s));
  BOOST_TEST((lim.check(t0 + 5s, 1).what == admission::verdict::go));
}

BOOST_AUTO_TEST_CASE(pacer_waits_for_the_reset_when_the_server_budget_is_low) {
  header_pacer p;
  rate_snapshot s;
  s.requests_remaining = 2;
  s.requests_reset_ms = 4000;
  p.observe(t0, s);
  BOOST_TEST((p.ready_at(t0, 10, 0) == t0));
  // Two calls already on the wire may take what is left.
  BOOST_TEST((p.ready_at(t0, 10, 2) == t0 + 4s));
  p.spent(10);
  p.spent(10);
  BOOST_TEST((p.ready_at(t0, 10, 0) == t0 + 4s));
  // After the reset the old figure no longer binds.
  BOOST_TEST((p.ready_at(t0 + 4s, 10, 0) == t0 + 4s));
}

BOOST_AUTO_TEST_CASE(pacer_watches_input_tokens_too) {
  header_pacer p;
  rate_snapshot s;
  s.tokens_remaining = 500;
  s.tokens_reset_ms = 2000;
  p.observe(t0, s);
  BOOST_TEST((p.ready_at(t0, 400, 0) == t0));
  BOOST_TEST((p.ready_at(t0, 600, 0) == t0 + 2s));
}

BOOST_AUTO_TEST_CASE(pacer_ignores_a_budget_without_reset_time) {
  header_pacer p;
  rate_snapshot s;
  s.requests_remaining = 0;
  p.observe(t0, s);
  BOOST_TEST((p.ready_at(t0, 1, 0) == t0));
}

BOOST_AUTO_TEST_CASE(limiter_paces_from_headers_before_a_429) {
  rate_limiter lim{rate_limits{6000, 1e9, 8}, t0};
  rate_snapshot s;
  s.requests_remaining = 0;
  s.requests_reset_ms = 3000;
  lim.observe(t0, s);
  auto a = lim.check(t0, 1);
  BOOST_TEST((a.what == admission::verdict::wait));
  BOOST_TEST(std::string{a.limit} == "server_budget");
  BOOST_TEST((a.at == t0 + 3s));
}

BOOST_AUTO_TEST_SUITE_END() // translator_rate_policy
