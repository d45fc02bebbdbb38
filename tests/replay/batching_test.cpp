// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <deque>

#include "tools/bridge_replay/batching.hpp"

BOOST_AUTO_TEST_SUITE(replay_batching)

// Which of a sender's lines go out together: every line due at a wake-up,
// the user messages among them in one call, anything else alone, in file
// order. Time is a number here: no clock, no sleeps.

using namespace bridge::replay;

namespace {

/// A sender's lines of the given kinds, due at the given times.
struct plan {
  std::deque<traffic_line> kept;
  std::vector<timed_line> lines;

  plan& add(line_kind kind, double due_ms, size_t text_bytes = 10) {
    auto& l = kept.emplace_back();
    l.kind = kind;
    l.user = 1;
    l.text.assign(text_bytes, 'x');
    lines.push_back({&l, due_ms, static_cast<int64_t>(lines.size() + 1)});
    return *this;
  }
};

/// The runs as "b0-2 a2 ..." (b: batch, a: alone), to compare at a glance.
std::string shape(const std::vector<line_run>& runs) {
  std::string out;
  for (const auto& r : runs) {
    if (!out.empty())
      out += ' ';
    out += (r.batch ? "b" : "a") + std::to_string(r.begin) + "-"
           + std::to_string(r.end);
  }
  return out;
}

} // namespace

BOOST_AUTO_TEST_CASE(lines_not_yet_due_make_no_run) {
  plan p;
  p.add(line_kind::message, 10).add(line_kind::message, 20);
  BOOST_TEST(due_runs(p.lines, 0, 9.9).empty());
  BOOST_TEST(shape(due_runs(p.lines, 0, 10)) == "b0-1");
  BOOST_TEST(shape(due_runs(p.lines, 1, 25)) == "b1-2");
  BOOST_TEST(due_runs(p.lines, 2, 1000).empty());
}

BOOST_AUTO_TEST_CASE(at_a_low_rate_each_batch_is_one_line) {
  plan p;
  for (int i = 0; i < 5; ++i)
    p.add(line_kind::message, 100.0 * i);
  // A sender that wakes at each line's due time finds only that line due.
  for (size_t i = 0; i < 5; ++i)
    BOOST_TEST(shape(due_runs(p.lines, i, 100.0 * static_cast<double>(i)))
               == "b" + std::to_string(i) + "-" + std::to_string(i + 1));
}

BOOST_AUTO_TEST_CASE(user_messages_batch_and_other_lines_go_alone_in_order) {
  plan p;
  p.add(line_kind::message, 0)
      .add(line_kind::command, 1)
      .add(line_kind::press, 2)
      .add(line_kind::media, 3)
      .add(line_kind::switch_to, 4)
      .add(line_kind::raw, 5)
      .add(line_kind::update, 6)
      .add(line_kind::message, 7)
      .add(line_kind::message, 8);
  BOOST_TEST(shape(due_runs(p.lines, 0, 7.5))
             == "b0-2 a2-3 b3-5 a5-6 a6-7 b7-8");
  BOOST_TEST(shape(due_runs(p.lines, 3, 100)) == "b3-5 a5-6 a6-7 b7-9");
}

BOOST_AUTO_TEST_CASE(a_batch_is_bounded_by_lines_and_by_bytes) {
  plan p;
  for (int i = 0; i < 7; ++i)
    p.add(line_kind::message, 0);
  BOOST_TEST(shape(due_runs(p.lines, 0, 0, {3, 1 << 20})) == "b0-3 b3-6 b6-7");
  // 10 text bytes and the allowance per line: two lines fit in 500 bytes.
  BOOST_TEST(shape(due_runs(p.lines, 0, 0, {1000, 500}))
             == "b0-2 b2-4 b4-6 b6-7");
  // A line bigger than the bound still goes, alone in its batch.
  plan big;
  big.add(line_kind::message, 0, 10).add(line_kind::message, 0, 5000);
  big.add(line_kind::message, 0, 10);
  BOOST_TEST(shape(due_runs(big.lines, 0, 0, {1000, 1000}))
             == "b0-1 b1-2 b2-3");
}

BOOST_AUTO_TEST_CASE(a_sender_wakes_at_the_due_time_or_a_gather_later) {
  plan p;
  p.add(line_kind::message, 50).add(line_kind::message, 50.2);
  // Far from the last wake-up: the due time.
  BOOST_TEST(next_wake_ms(p.lines, 0, 10, 1) == 50);
  // A line due within the gather of the last wake-up waits for it.
  BOOST_TEST(next_wake_ms(p.lines, 1, 50, 1) == 51);
  // Overdue lines go at once after the gather; with none, at once.
  BOOST_TEST(next_wake_ms(p.lines, 0, 70, 1) == 71);
  BOOST_TEST(next_wake_ms(p.lines, 0, 70, 0) == 70);
  // At a high rate a wake-up a gather later takes several lines.
  plan fast;
  for (int i = 0; i < 10; ++i)
    fast.add(line_kind::message, 0.25 * i);
  auto wake = next_wake_ms(fast.lines, 1, 0, 1);
  BOOST_TEST(shape(due_runs(fast.lines, 1, wake)) == "b1-5");
}

BOOST_AUTO_TEST_SUITE_END()
