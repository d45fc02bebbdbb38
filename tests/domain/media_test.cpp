// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <string>

#include "domain/album.hpp"
#include "domain/media.hpp"

BOOST_AUTO_TEST_SUITE(domain_media)

using namespace bridge::domain;

namespace {

/// One second in the gatherer's nanoseconds.
constexpr int64_t second = 1'000'000'000;

using gatherer = album_gatherer<int>;

} // namespace

// -- kinds --------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(each_kind_crosses_its_own_way) {
  for (auto k : {"photo", "video", "animation", "document", "audio"})
    BOOST_TEST((relay_of(k) == media_relay::captioned), k);
  BOOST_TEST((relay_of("voice") == media_relay::note));
  BOOST_TEST((relay_of("video_note") == media_relay::note));
  BOOST_TEST((relay_of("sticker") == media_relay::as_is));
}

BOOST_AUTO_TEST_CASE(kinds_bridge_does_not_know_are_refused) {
  for (auto k :
       {"poll", "location", "contact", "venue", "dice", "game", "story",
        "invoice", "other", "", "PHOTO", "photo ", "photo\n", "stickers"})
    BOOST_TEST((relay_of(k) == media_relay::refused), k);
}

BOOST_AUTO_TEST_CASE(history_marks_media_by_kind) {
  BOOST_TEST(with_media_mark("photo", "the wall") == "[photo] the wall");
  BOOST_TEST(with_media_mark("voice", "") == "[voice]");
  BOOST_TEST(with_media_mark("", "plain text") == "plain text");
  BOOST_TEST(with_media_mark("", "") == "");
}

// -- albums -------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(an_album_of_ten_is_given_back_whole_in_order) {
  gatherer g{2 * second};
  for (int i = 0; i < 9; ++i)
    BOOST_TEST(g.add("A", i, 0).empty());
  auto done = g.add("A", 9, 0);
  BOOST_REQUIRE_EQUAL(done.size(), 1u);
  BOOST_TEST(done[0].group == "A");
  BOOST_TEST((done[0].items == std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
  BOOST_TEST(g.empty());
}

BOOST_AUTO_TEST_CASE(an_eleventh_item_starts_a_new_album_not_a_bigger_one) {
  gatherer g{2 * second};
  for (int i = 0; i < 10; ++i)
    g.add("A", i, 0);
  BOOST_TEST(g.add("A", 10, 0).empty());
  auto rest = g.take();
  BOOST_REQUIRE(rest);
  BOOST_TEST((rest->items == std::vector<int>{10}));
}

BOOST_AUTO_TEST_CASE(an_incomplete_album_is_given_back_at_its_deadline) {
  gatherer g{2 * second};
  g.add("A", 1, 5 * second);
  g.add("A", 2, 6 * second);
  BOOST_TEST(g.deadline() == 7 * second); // from the first item
  BOOST_TEST(!g.take_due(7 * second - 1));
  auto due = g.take_due(7 * second);
  BOOST_REQUIRE(due);
  BOOST_TEST((due->items == std::vector<int>{1, 2}));
  BOOST_TEST(!g.take_due(100 * second)); // nothing is given twice
}

BOOST_AUTO_TEST_CASE(another_album_releases_the_one_before_first) {
  gatherer g{2 * second};
  g.add("A", 1, 0);
  g.add("A", 2, 0);
  auto done = g.add("B", 3, 0);
  BOOST_REQUIRE_EQUAL(done.size(), 1u);
  BOOST_TEST(done[0].group == "A");
  BOOST_TEST((done[0].items == std::vector<int>{1, 2}));
  BOOST_TEST(g.holds([](int x) { return x == 3; }));
  BOOST_TEST(!g.holds([](int x) { return x == 1; }));
}

BOOST_AUTO_TEST_CASE(take_releases_early_and_an_empty_gatherer_gives_nothing) {
  gatherer g{2 * second};
  BOOST_TEST(!g.take());
  BOOST_TEST(!g.take_due(0));
  g.add("A", 1, 0);
  auto a = g.take();
  BOOST_REQUIRE(a);
  BOOST_TEST(a->items.size() == 1u);
  BOOST_TEST(g.empty());
}

BOOST_AUTO_TEST_CASE(a_one_item_album_of_an_empty_id_is_still_bounded) {
  // A hostile client may send the same album id forever: never more than
  // ten items are held.
  gatherer g{2 * second};
  size_t released = 0;
  for (int i = 0; i < 1000; ++i)
    for (auto& a : g.add("", i, 0)) {
      BOOST_TEST(a.items.size() <= max_album_items);
      released += a.items.size();
    }
  BOOST_TEST(released == 1000u);
}

BOOST_AUTO_TEST_SUITE_END()
