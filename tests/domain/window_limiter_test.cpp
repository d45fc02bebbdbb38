// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdint>
#include <vector>

#include "domain/window_limiter.hpp"

BOOST_AUTO_TEST_SUITE(domain_window_limiter)

using namespace bridge::domain;
using namespace std::chrono;

namespace {

/// A virtual time far from the clock's epoch, so going back stays valid.
const auto t0 = window_limiter::clock::time_point{} + hours{100};

window_limiter::clock::time_point at(int64_t ms) {
  return t0 + milliseconds{ms};
}

enum class op { record, exhausted, next_allowed, clear };

/// One call on the limiter at a time (ms after t0) and its answer: for
/// `record` and `exhausted` the bool, for `next_allowed` the time (ms).
struct call {
  int64_t at_ms;
  op what;
  int64_t expected;
};

struct scenario {
  const char* name;
  size_t limit;
  milliseconds window;
  std::vector<call> calls;
};

constexpr int64_t yes = 1, no = 0;
constexpr int64_t minute = 60'000;

const std::vector<scenario> scenarios = {
    {"five wrong codes per ten minutes slide",
     5,
     minutes{10},
     {{60 * minute, op::record, yes},
      {61 * minute, op::record, yes},
      {62 * minute, op::record, yes},
      {63 * minute, op::record, yes},
      {64 * minute, op::record, yes},
      {65 * minute, op::record, no},
      {69 * minute, op::exhausted, yes},
      {66 * minute, op::next_allowed, 70 * minute},
      {70 * minute, op::record, yes},
      {70 * minute, op::record, no}}},
    {"an event leaves the window exactly one window later",
     1,
     seconds{60},
     {{0, op::record, yes},
      {59'999, op::record, no},
      {59'999, op::exhausted, yes},
      {59'999, op::next_allowed, 60'000},
      {60'000, op::exhausted, no},
      {60'000, op::next_allowed, 60'000},
      {60'000, op::record, yes}}},
    {"the window slides one event at a time",
     3,
     seconds{10},
     {{0, op::record, yes},
      {4'000, op::record, yes},
      {8'000, op::record, yes},
      {9'000, op::record, no},
      {10'000, op::record, yes},
      {13'000, op::record, no},
      {13'000, op::next_allowed, 14'000},
      {14'000, op::record, yes},
      {17'999, op::record, no},
      {18'000, op::record, yes}}},
    {"the whole limit passes at one instant, and no more",
     30,
     minutes{1},
     {{0, op::record, yes},     {0, op::record, yes},
      {0, op::record, yes},     {0, op::record, yes},
      {0, op::record, yes},     {0, op::record, yes},
      {0, op::record, yes},     {0, op::record, yes},
      {0, op::record, yes},     {0, op::record, yes},
      {0, op::record, yes},     {0, op::record, yes},
      {0, op::record, yes},     {0, op::record, yes},
      {0, op::record, yes},     {0, op::record, yes},
      {0, op::record, yes},     {0, op::record, yes},
      {0, op::record, yes},     {0, op::record, yes},
      {0, op::record, yes},     {0, op::record, yes},
      {0, op::record, yes},     {0, op::record, yes},
      {0, op::record, yes},     {0, op::record, yes},
      {0, op::record, yes},     {0, op::record, yes},
      {0, op::record, yes},     {0, op::record, yes},
      {0, op::record, no},      {59'999, op::record, no},
      {60'000, op::record, yes}}},
    {"refused attempts are not counted",
     2,
     seconds{10},
     {{0, op::record, yes},
      {1'000, op::record, yes},
      {2'000, op::record, no},
      {5'000, op::record, no},
      {9'999, op::record, no},
      {10'000, op::record, yes},
      {10'500, op::record, no},
      {11'000, op::record, yes}}},
    {"asking does not count",
     1,
     seconds{10},
     {{0, op::exhausted, no},
      {0, op::next_allowed, 0},
      {1, op::exhausted, no},
      {2, op::next_allowed, 2},
      {3, op::record, yes},
      {4, op::exhausted, yes}}},
    {"limit 1 allows one per window",
     1,
     seconds{5},
     {{0, op::record, yes},
      {1, op::record, no},
      {5'000, op::record, yes},
      {9'999, op::record, no},
      {10'000, op::record, yes}}},
    {"limit 0 allows nothing, ever",
     0,
     seconds{5},
     {{0, op::exhausted, yes},
      {0, op::record, no},
      {5'000, op::record, no},
      {365LL * 24 * 60 * minute, op::record, no}}},
    {"a clock going back never lets more through",
     1,
     seconds{60},
     {{100'000, op::record, yes},
      {50'000, op::record, no},
      {50'000, op::next_allowed, 160'000},
      {159'999, op::record, no},
      {160'000, op::record, yes}}},
    {"an event from before a step back stays until the ones ahead leave",
     2,
     seconds{60},
     {{100'000, op::record, yes},
      {50'000, op::record, yes},
      {120'000, op::record, no},
      {160'000, op::record, yes},
      {160'000, op::record, yes},
      {160'000, op::record, no}}},
    {"clear forgets everything",
     2,
     seconds{60},
     {{0, op::record, yes},
      {0, op::record, yes},
      {1, op::exhausted, yes},
      {1, op::clear, 0},
      {1, op::exhausted, no},
      {1, op::record, yes},
      {1, op::record, yes},
      {1, op::record, no}}},
    {"a long quiet spell empties the window",
     3,
     seconds{1},
     {{0, op::record, yes},
      {0, op::record, yes},
      {0, op::record, yes},
      {30LL * 24 * 60 * minute, op::exhausted, no},
      {30LL * 24 * 60 * minute, op::record, yes},
      {30LL * 24 * 60 * minute, op::record, yes},
      {30LL * 24 * 60 * minute, op::record, yes},
      {30LL * 24 * 60 * minute, op::record, no}}},
};

} // namespace

BOOST_AUTO_TEST_CASE(every_scenario_gives_its_answers) {
  for (const auto& s : scenarios) {
    window_limiter lim{s.limit, s.window};
    for (size_t i = 0; i < s.calls.size(); ++i) {
      const auto& c = s.calls[i];
      BOOST_TEST_CONTEXT(s.name << ", call " << i << " at " << c.at_ms
                                << " ms") {
        switch (c.what) {
        case op::record:
          BOOST_TEST(lim.try_record(at(c.at_ms)) == (c.expected == yes));
          break;
        case op::exhausted:
          BOOST_TEST(lim.exhausted(at(c.at_ms)) == (c.expected == yes));
          break;
        case op::next_allowed:
          BOOST_TEST(
              duration_cast<milliseconds>(lim.next_allowed(at(c.at_ms)) - t0)
                  .count()
              == c.expected);
          break;
        case op::clear:
          lim.clear();
          break;
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(exactly_the_limit_passes_in_every_window) {
  // Both bounds at once: a limiter that refuses everything, or one that
  // lets one more through, fails here. One attempt every 100 ms for a
  // minute: each window of 2 s (20 attempts) passes `limit` of them.
  for (size_t limit : {size_t{1}, size_t{7}, size_t{19}}) {
    window_limiter lim{limit, seconds{2}};
    std::vector<int64_t> passed;
    for (int64_t ms = 0; ms < 60'000; ms += 100)
      if (lim.try_record(at(ms)))
        passed.push_back(ms);
    BOOST_TEST_CONTEXT("limit " << limit) {
      BOOST_TEST(passed.size() == 30 * limit);
      for (size_t i = limit; i < passed.size(); ++i)
        BOOST_TEST(passed[i] - passed[i - limit] >= 2'000);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END() // domain_window_limiter
