// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "telegram/poll_classify.hpp"
#include "tests/telegram/poll_answers.hpp"
#include "tools/tg_sim/update_queue.hpp"

// Whole intakes, reduced to their pure parts: classify_poll and the
// cursor driven as the front drives them, against a simulated queue.
BOOST_AUTO_TEST_SUITE(telegram_poll_intake)

using namespace bridge;
using namespace bridge::telegram;
using namespace bridge::telegram::test;

namespace {

/// How an update of a simulated Telegram breaks the answers that hold it.
enum class breakage {
  none,
  /// Its element has a lone surrogate; its id is readable.
  element,
  /// Its element has no readable id (Telegram always writes one; a broken
  /// peer may not).
  unnamed,
  /// Any answer holding it is garbage as a whole.
  whole_body,
  /// Any answer holding it is cut off right after `"update_id":`.
  cut,
};

/// Telegram's queue of updates `first`..: ids one by one, each answer
/// the pending ones from the offset.
struct fake_telegram {
  int64_t first = 1;
  std::vector<breakage> updates;

  http_response serve(int64_t offset, int64_t limit) const {
    http_response resp;
    resp.status = 200;
    std::vector<std::string> els;
    auto from = std::max(offset, first);
    for (auto id = from; id < first + static_cast<int64_t>(updates.size())
                         && static_cast<int64_t>(els.size()) < limit;
         ++id) {
      switch (updates[static_cast<size_t>(id - first)]) {
      case breakage::none:
        els.push_back(message(id, "m"));
        break;
      case breakage::element:
        els.push_back(message(id, "\\ud800"));
        break;
      case breakage::unnamed:
        els.push_back(unnamed_broken);
        break;
      case breakage::whole_body:
        resp.body = "<html>garbage</html>";
        return resp;
      case breakage::cut: {
        auto body = ok_result(els);
        body.resize(body.size() - 2);
        resp.body = body + (els.empty() ? "" : ",") + R"({"update_id":)";
        return resp;
      }
      }
    }
    resp.body = ok_result(els);
    return resp;
  }
};

/// Drives classify_poll and the cursor as the front does, until the
/// offset is past every update; what was stored and counted.
struct intake_run {
  std::vector<int64_t> stored;
  size_t refused = 0;
  int polls = 0;
  poll_cursor cursor;

  void run(const fake_telegram& tg, int64_t poll_limit, int max_polls = 1000) {
    auto end = tg.first + static_cast<int64_t>(tg.updates.size());
    while (cursor.offset() < end && polls < max_polls) {
      ++polls;
      auto limit = cursor.limit(poll_limit);
      auto out = classify_poll(tg.serve(cursor.offset(), limit), limit,
                               cursor.position());
      BOOST_REQUIRE(out.verdict == poll_verdict::store
                    || out.verdict == poll_verdict::isolate);
      for (const auto& u : out.batch.updates)
        stored.push_back(u.update_id);
      for (size_t i = out.repeated; i < out.batch.elements.size(); ++i)
        refused += out.batch.elements[i].fate == update_fate::refused;
      cursor.apply(out, poll_limit);
    }
  }
};

} // namespace

BOOST_AUTO_TEST_CASE(every_kind_of_broken_update_is_passed_and_counted) {
  using b = breakage;
  const std::vector<std::pair<const char*, std::vector<breakage>>> queues = {
      {"one broken element", {b::none, b::none, b::element, b::none}},
      {"a whole body broken", {b::none, b::none, b::whole_body, b::none}},
      {"a body cut before an id", {b::none, b::cut, b::none, b::none}},
      {"an unnamed element last", {b::none, b::none, b::none, b::unnamed}},
      {"an unnamed element first", {b::unnamed, b::none, b::none}},
      {"everything at once",
       {b::none, b::element, b::whole_body, b::none, b::cut, b::unnamed,
        b::none, b::unnamed}},
  };
  for (const auto& [name, queue] : queues) {
    for (int64_t poll_limit : {1, 3, 100}) {
      for (int64_t first : {1, 1000}) {
        BOOST_TEST_CONTEXT(name << ", poll_limit " << poll_limit
                                << ", first id " << first) {
          fake_telegram tg{first, queue};
          intake_run r;
          if (first > 1)
            r.cursor.apply(stored_at(at(first)), poll_limit);
          r.run(tg, poll_limit);
          std::vector<int64_t> good;
          size_t broken = 0;
          for (size_t i = 0; i < queue.size(); ++i)
            if (queue[i] == b::none)
              good.push_back(first + static_cast<int64_t>(i));
            else
              ++broken;
          BOOST_TEST(r.cursor.offset()
                     == first + static_cast<int64_t>(queue.size()));
          std::sort(r.stored.begin(), r.stored.end());
          r.stored.erase(std::unique(r.stored.begin(), r.stored.end()),
                         r.stored.end());
          BOOST_TEST(r.stored == good, boost::test_tools::per_element());
          BOOST_TEST(r.refused >= broken);
          BOOST_TEST(r.polls < 4 * static_cast<int>(queue.size()) + 10);
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_broken_update_delivered_once_loses_no_neighbour) {
  // A transfer that went wrong once: asking again finds the neighbour at
  // the same offset, which must not be passed.
  poll_cursor c;
  c.apply(stored_at(at(50)), 100);
  http_response raw;
  raw.status = 200;
  raw.body = ok_result({unnamed_broken});
  auto first = classify_poll(raw, 100, c.position());
  BOOST_TEST(left_out(first.batch) == "0:lone_surrogate");
  c.apply(first, 100);
  BOOST_TEST(c.offset() == 50);
  http_response next;
  next.status = 200;
  next.body = ok_result({message(50, "neighbour")});
  auto second = classify_poll(next, c.limit(100), c.position());
  BOOST_REQUIRE_EQUAL(second.batch.updates.size(), 1u);
  BOOST_TEST(second.batch.updates[0].update_id == 50);
  c.apply(second, 100);
  BOOST_TEST(c.offset() == 51);
  BOOST_TEST(c.may_hold_back());
}

BOOST_AUTO_TEST_CASE(unreadable_groups_sent_again_cost_no_named_update) {
  // tg-sim's hostile mix: the same unreadable group injected again and
  // again, named updates arriving between polls. Each raw entry takes an
  // update id, as every Telegram update does, so "the unnamed head at
  // offset N is update N" holds, and no named update is passed unseen.
  bridge::tg_sim::update_queue q{1000, 1 << 20};
  int64_t next_id = 50;
  poll_cursor c;
  c.apply(stored_at(at(next_id)), 100);
  std::vector<int64_t> sent, stored;
  auto poll = [&] {
    q.apply_offset(c.offset());
    std::string items;
    auto limit = c.limit(100);
    q.render(static_cast<size_t>(limit), items);
    http_response resp;
    resp.status = 200;
    resp.body = R"({"ok":true,"result":[)" + items + "]}";
    auto out = classify_poll(resp, limit, c.position());
    BOOST_REQUIRE(out.verdict == poll_verdict::store);
    for (const auto& u : out.batch.updates)
      stored.push_back(u.update_id);
    c.apply(out, 100);
  };
  auto raw_group = [&] {
    for (const char* bytes :
         {"not_json", R"({"update_id":1,"message":{)", R"({"update_id":1})"})
      q.push(next_id++, bytes, true);
  };
  auto named = [&] {
    sent.push_back(next_id);
    q.push(next_id, message(next_id, "m"));
    ++next_id;
  };
  for (int round = 0; round < 6; ++round) {
    raw_group();
    poll();
    raw_group();
    poll();
    named();
    if (round % 2)
      raw_group();
    poll();
  }
  for (int i = 0; i < 100 && c.offset() < next_id; ++i)
    poll();
  BOOST_TEST(c.offset() == next_id);
  q.apply_offset(c.offset());
  BOOST_TEST(q.empty());
  std::sort(stored.begin(), stored.end());
  stored.erase(std::unique(stored.begin(), stored.end()), stored.end());
  BOOST_TEST(stored == sent, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END() // telegram_poll_intake
