// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "common/utf8.hpp"
#include "telegram/bot_api.hpp"
#include "telegram/entity_split.hpp"

BOOST_AUTO_TEST_SUITE(telegram_entity_split)

using namespace bridge;
using namespace bridge::telegram;

namespace {

const std::string emoji = "\xF0\x9F\x98\x80"; // U+1F600: two UTF-16 units

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i)
    out += s;
  return out;
}

int64_t units(const std::string& s) {
  return static_cast<int64_t>(utf8::utf16_length(s));
}

} // namespace

BOOST_AUTO_TEST_CASE(a_short_text_keeps_its_entities) {
  std::string text = "Ana: hola\n<b>hi</b> &amp; bye";
  std::vector<message_entity> es{{"expandable_blockquote", 10, 19}};
  auto parts = split_with_entities(text, es);
  BOOST_REQUIRE_EQUAL(parts.size(), 1u);
  BOOST_TEST(parts[0].text == text); // markup-looking text is left as it is
  BOOST_REQUIRE_EQUAL(parts[0].entities.size(), 1u);
  BOOST_TEST(parts[0].entities[0].offset == 10);
  BOOST_TEST(parts[0].entities[0].length == 19);
  BOOST_TEST(entities_fit(parts[0].text, parts[0].entities));
}

BOOST_AUTO_TEST_CASE(an_entity_crossing_the_cut_is_cut_in_two) {
  // Ten words of 9 letters: cuts at a space, the quote spans all of it.
  std::string text = repeat("abcdefghi ", 10);
  text.pop_back();
  std::vector<message_entity> es{{"expandable_blockquote", 5, units(text) - 5}};
  auto parts = split_with_entities(text, es, 30);
  BOOST_REQUIRE(parts.size() > 1u);
  for (const auto& p : parts) {
    BOOST_TEST(entities_fit(p.text, p.entities));
    BOOST_REQUIRE_EQUAL(p.entities.size(), 1u);
    BOOST_TEST(p.entities[0].type == "expandable_blockquote");
  }
  BOOST_TEST(parts[0].entities[0].offset == 5);
  BOOST_TEST(parts[1].entities[0].offset == 0);
  BOOST_TEST(parts.back().entities[0].offset + parts.back().entities[0].length
             == units(parts.back().text));
}

BOOST_AUTO_TEST_CASE(emoji_are_counted_as_two_units_and_never_cut) {
  // 3000 emoji = 6000 units: two parts; the quote covers the last 100.
  auto text = repeat(emoji, 3000);
  std::vector<message_entity> es{{"expandable_blockquote", 5900, 100}};
  auto parts = split_with_entities(text, es);
  BOOST_REQUIRE_EQUAL(parts.size(), 2u);
  BOOST_TEST(units(parts[0].text) == 4096);
  BOOST_TEST(utf8::is_valid(parts[0].text));
  BOOST_TEST(utf8::is_valid(parts[1].text));
  BOOST_TEST(parts[0].entities.empty());
  BOOST_REQUIRE_EQUAL(parts[1].entities.size(), 1u);
  BOOST_TEST(parts[1].entities[0].offset == 5900 - 4096);
  BOOST_TEST(parts[1].entities[0].length == 100);
}

BOOST_AUTO_TEST_CASE(an_entity_ending_or_starting_at_the_cut_stays_whole) {
  auto text = repeat("a", 4096) + repeat("b", 10);
  std::vector<message_entity> es{{"bold", 4086, 10},
                                 {"expandable_blockquote", 4096, 10}};
  auto parts = split_with_entities(text, es);
  BOOST_REQUIRE_EQUAL(parts.size(), 2u);
  BOOST_REQUIRE_EQUAL(parts[0].entities.size(), 1u);
  BOOST_TEST(parts[0].entities[0].type == "bold");
  BOOST_REQUIRE_EQUAL(parts[1].entities.size(), 1u);
  BOOST_TEST(parts[1].entities[0].type == "expandable_blockquote");
  BOOST_TEST(parts[1].entities[0].offset == 0);
  BOOST_TEST(parts[1].entities[0].length == 10);
}

BOOST_AUTO_TEST_CASE(hostile_entities_are_dropped_not_passed_on) {
  std::string text = "short";
  std::vector<message_entity> es{
      {"bold", -3, 2}, {"bold", 2, 0}, {"bold", 40, 5}, {"bold", 3, 1000}};
  auto parts = split_with_entities(text, es);
  BOOST_REQUIRE_EQUAL(parts.size(), 1u);
  // The last is clipped to the text; the others lie outside it.
  BOOST_REQUIRE_EQUAL(parts[0].entities.size(), 1u);
  BOOST_TEST(parts[0].entities[0].offset == 3);
  BOOST_TEST(parts[0].entities[0].length == 2);
  BOOST_TEST(entities_fit(parts[0].text, parts[0].entities));
}

BOOST_AUTO_TEST_CASE(an_empty_text_makes_no_parts) {
  BOOST_TEST(split_with_entities("", {{"bold", 0, 1}}).empty());
}

BOOST_AUTO_TEST_CASE(entities_fit_checks_utf16_bounds) {
  BOOST_TEST(entities_fit(emoji, {{"bold", 0, 2}}));
  BOOST_TEST(!entities_fit(emoji, {{"bold", 0, 3}}));
  BOOST_TEST(!entities_fit(emoji, {{"bold", 1, 0}}));
  BOOST_TEST(!entities_fit("", {{"bold", 0, 1}}));
  BOOST_TEST(entities_fit("", {}));
}

BOOST_AUTO_TEST_CASE(send_message_carries_entities_not_a_parse_mode) {
  outbound out;
  out.chat_id = 7;
  out.text = "a <b>";
  out.entities = {{"expandable_blockquote", 2, 3}};
  auto call = encode(out);
  BOOST_TEST(
      call.body
      == R"({"chat_id":7,"text":"a <b>","entities":[{"type":"expandable_blockquote","offset":2,"length":3}]})");
}

BOOST_AUTO_TEST_SUITE_END()
