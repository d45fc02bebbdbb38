// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <random>

#include "domain/pipeline.hpp"

BOOST_AUTO_TEST_SUITE(domain_pipeline)

using namespace bridge::domain;

namespace {

int64_t admit(pipeline& p, int64_t update, const std::string& text) {
  return *p.admit(update, 0, text, "en", "es");
}

} // namespace

BOOST_AUTO_TEST_CASE(numbers_messages_from_the_stored_sequence) {
  pipeline p{4, 6, 100, 41};
  BOOST_TEST(admit(p, 1, "a") == 41);
  BOOST_TEST(admit(p, 2, "b") == 42);
  BOOST_TEST(p.next_seq() == 43);
}

BOOST_AUTO_TEST_CASE(at_most_k_translations_in_flight) {
  pipeline p{2, 6, 100, 1};
  for (int i = 0; i < 5; ++i)
    admit(p, i, "m");
  BOOST_TEST(p.startable().size() == 2u);
  BOOST_TEST(p.startable().empty());
  BOOST_TEST(p.translated(2, true, "t", ""));
  auto next = p.startable();
  BOOST_REQUIRE_EQUAL(next.size(), 1u);
  BOOST_TEST(next[0].seq == 3);
}

BOOST_AUTO_TEST_CASE(context_is_the_messages_before_each_one) {
  pipeline p{8, 2, 100, 1};
  admit(p, 1, "one");
  admit(p, 2, "two");
  admit(p, 3, "three");
  auto s = p.startable();
  BOOST_REQUIRE_EQUAL(s.size(), 3u);
  BOOST_TEST(s[0].context.empty());
  BOOST_REQUIRE_EQUAL(s[1].context.size(), 1u);
  BOOST_TEST(s[1].context[0].text == "one");
  BOOST_REQUIRE_EQUAL(s[2].context.size(), 2u);
  BOOST_TEST(s[2].context[0].text == "one");
  BOOST_TEST(s[2].context[1].text == "two");
  BOOST_TEST(p.context().size() == 2u);
  BOOST_TEST(p.context().back().text == "three");
}

BOOST_AUTO_TEST_CASE(zero_context_length_keeps_nothing) {
  pipeline p{8, 0, 100, 1};
  admit(p, 1, "one");
  admit(p, 2, "two");
  auto s = p.startable();
  // Both start (a pipeline that started nothing would pass a loop over
  // them), and neither carries context.
  BOOST_REQUIRE_EQUAL(s.size(), 2u);
  BOOST_TEST(s[0].seq == 1);
  BOOST_TEST(s[1].seq == 2);
  BOOST_TEST(s[0].context.empty());
  BOOST_TEST(s[1].context.empty());
  BOOST_TEST(p.context().empty());
}

BOOST_AUTO_TEST_CASE(delivery_is_in_sequence_whatever_the_finishing_order) {
  std::mt19937 rng{3};
  for (int round = 0; round < 200; ++round) {
    pipeline p{4, 6, 1000, 1};
    const int n = 50;
    for (int i = 0; i < n; ++i)
      admit(p, i, "m" + std::to_string(i));
    std::vector<int64_t> in_flight;
    std::vector<int64_t> persisting;
    std::vector<int64_t> delivered;
    while (static_cast<int>(delivered.size()) < n) {
      for (auto& s : p.startable())
        in_flight.push_back(s.seq);
      BOOST_REQUIRE(p.in_flight() <= 4u);
      // Finish a random translation, or a random persist.
      if (!in_flight.empty() && (persisting.empty() || rng() % 2)) {
        auto i = rng() % in_flight.size();
        BOOST_REQUIRE(p.translated(in_flight[i], rng() % 5 != 0, "t", ""));
        in_flight.erase(in_flight.begin() + static_cast<long>(i));
      } else if (!persisting.empty()) {
        auto i = rng() % persisting.size();
        if (rng() % 7 == 0)
          p.persist_failed(persisting[i]);
        else
          p.persisted(persisting[i]);
        persisting.erase(persisting.begin() + static_cast<long>(i));
      }
      // Writes are released in sequence, and only when none is out.
      auto batch = p.persistable();
      BOOST_REQUIRE(batch.empty() || persisting.empty());
      BOOST_REQUIRE(std::is_sorted(batch.begin(), batch.end()));
      persisting.insert(persisting.end(), batch.begin(), batch.end());
      for (auto& e : p.deliverable())
        delivered.push_back(e.seq);
    }
    for (int i = 0; i < n; ++i)
      BOOST_REQUIRE_EQUAL(delivered[static_cast<size_t>(i)], i + 1);
    BOOST_TEST(p.idle());
  }
}

BOOST_AUTO_TEST_CASE(one_write_at_a_time_takes_what_was_translated_meanwhile) {
  pipeline p{4, 6, 100, 1};
  for (int i = 1; i <= 4; ++i)
    admit(p, 200 + i, "m");
  p.startable();
  p.translated(1, true, "t", "");
  p.translated(2, true, "t", "");
  BOOST_TEST(p.persistable() == (std::vector<int64_t>{1, 2}));
  // 3 and 4 are translated while 1 and 2 are written: they wait, so the
  // database numbers their rows after those of 1 and 2.
  p.translated(4, true, "t", "");
  p.translated(3, true, "t", "");
  BOOST_TEST(p.persistable().empty());
  p.persisted(1);
  BOOST_TEST(p.persistable().empty()); // 2 is still being written
  p.persisted(2);
  BOOST_TEST(p.persistable() == (std::vector<int64_t>{3, 4}));
  // A failed write goes again, whole, before anything after it.
  p.persist_failed(3);
  p.persist_failed(4);
  admit(p, 205, "m");
  p.startable();
  p.translated(5, true, "t", "");
  BOOST_TEST(p.persistable() == (std::vector<int64_t>{3, 4, 5}));
}

BOOST_AUTO_TEST_CASE(late_and_duplicate_answers_are_ignored) {
  pipeline p{4, 6, 100, 1};
  admit(p, 1, "a");
  BOOST_TEST(!p.translated(1, true, "x", "")); // not started yet
  p.startable();
  BOOST_TEST(p.translated(1, true, "x", ""));
  BOOST_TEST(!p.translated(1, true, "y", ""));
  BOOST_TEST(!p.translated(99, true, "y", ""));
  BOOST_TEST(p.find(1)->translation == "x");
}

BOOST_AUTO_TEST_CASE(queue_bound_refuses) {
  pipeline p{1, 6, 2, 1};
  BOOST_TEST(p.admit(1, 0, "a", "en", "es").has_value());
  BOOST_TEST(p.admit(2, 0, "b", "en", "es").has_value());
  BOOST_TEST(!p.admit(3, 0, "c", "en", "es").has_value());
}

BOOST_AUTO_TEST_CASE(seeded_context_is_trimmed_to_length) {
  pipeline p{4, 2, 100, 10};
  p.seed_context({{0, "en", "a"}, {1, "es", "b"}, {0, "en", "c"}});
  BOOST_REQUIRE_EQUAL(p.context().size(), 2u);
  BOOST_TEST(p.context()[0].text == "b");
}

BOOST_AUTO_TEST_CASE(an_abandoned_message_lets_the_next_ones_go) {
  pipeline p{4, 6, 100, 1};
  admit(p, 11, "a");
  admit(p, 12, "b");
  admit(p, 13, "c");
  p.startable();
  for (int64_t s = 1; s <= 3; ++s)
    BOOST_TEST(p.translated(s, true, "t" + std::to_string(s), ""));
  auto first = p.persistable();
  BOOST_TEST(first == (std::vector<int64_t>{1, 2, 3}));
  // The write of all three failed; the first is refused for good.
  for (auto s : first)
    p.persist_failed(s);
  BOOST_TEST(p.abandon(1));
  BOOST_TEST(!p.abandon(1)); // once
  auto again = p.persistable();
  BOOST_TEST(again == (std::vector<int64_t>{2, 3}));
  p.persisted(2);
  p.persisted(3);
  auto out = p.deliverable();
  BOOST_REQUIRE_EQUAL(out.size(), 2u);
  BOOST_TEST(out[0].seq == 2);
  BOOST_TEST(out[1].seq == 3);
  BOOST_TEST(p.idle());
}

BOOST_AUTO_TEST_CASE(a_message_still_translating_cannot_be_abandoned) {
  pipeline p{4, 6, 100, 1};
  admit(p, 1, "a");
  BOOST_TEST(!p.abandon(1)); // waiting
  p.startable();
  BOOST_TEST(!p.abandon(1)); // translating
  BOOST_TEST(!p.abandon(7)); // unknown
  BOOST_TEST(p.translated(1, true, "t", ""));
  BOOST_TEST(p.abandon(1));
  BOOST_TEST(p.persistable().empty());
  BOOST_TEST(p.deliverable().empty());
  BOOST_TEST(p.idle());
}

BOOST_AUTO_TEST_CASE(an_abandoned_middle_message_keeps_the_order_behind_it) {
  pipeline p{4, 6, 100, 1};
  for (int i = 1; i <= 3; ++i)
    admit(p, 100 + i, "m");
  p.startable();
  for (int64_t s = 1; s <= 3; ++s)
    p.translated(s, true, "t", "");
  auto w = p.persistable();
  p.persisted(1);
  BOOST_TEST(p.abandon(2));
  // 3 is still being written: only 1 leaves, and 2 goes with it unsent.
  auto out = p.deliverable();
  BOOST_REQUIRE_EQUAL(out.size(), 1u);
  BOOST_TEST(out[0].seq == 1);
  p.persisted(3);
  out = p.deliverable();
  BOOST_REQUIRE_EQUAL(out.size(), 1u);
  BOOST_TEST(out[0].seq == 3);
}

BOOST_AUTO_TEST_CASE(knows_the_updates_it_holds) {
  pipeline p{4, 6, 100, 1};
  admit(p, 501, "a");
  admit(p, 502, "b");
  BOOST_TEST(p.has_update(501));
  BOOST_TEST(p.has_update(502));
  BOOST_TEST(!p.has_update(503));
  p.startable();
  p.translated(1, true, "t", "");
  p.translated(2, true, "t", "");
  p.persistable();
  p.persisted(1);
  p.persisted(2);
  p.deliverable();
  BOOST_TEST(!p.has_update(501));
}

BOOST_AUTO_TEST_SUITE_END() // domain_pipeline
