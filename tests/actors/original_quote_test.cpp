// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "actors/conversation.hpp"
#include "common/utf8.hpp"
#include "telegram/entity_split.hpp"

BOOST_AUTO_TEST_SUITE(actors_original_quote)

// The original under a partner's copy: folded in an expandable quote
// that covers exactly the original, whatever it holds.

using namespace bridge;

BOOST_AUTO_TEST_CASE(the_quote_covers_exactly_the_original) {
  outbound out;
  out.text = "Ana 😀: Good morning";
  std::string original = "<b>Bom dia</b> &amp; 😀";
  add_original(out, original);
  BOOST_REQUIRE_EQUAL(out.entities.size(), 1u);
  const auto& q = out.entities.front();
  BOOST_TEST(q.type == "expandable_blockquote");
  // Counted in UTF-16 units: each emoji is two.
  BOOST_TEST(
      q.offset
      == static_cast<int64_t>(utf8::utf16_length("Ana 😀: Good morning\n\n")));
  BOOST_TEST(q.length == static_cast<int64_t>(utf8::utf16_length(original)));
  BOOST_TEST(out.text.substr(out.text.size() - original.size()) == original);
  BOOST_TEST(telegram::entities_fit(out.text, out.entities));
}

BOOST_AUTO_TEST_CASE(an_empty_original_adds_no_entity) {
  outbound out;
  out.text = "Ana: hi";
  add_original(out, "");
  BOOST_TEST(out.entities.empty());
}

BOOST_AUTO_TEST_CASE(a_long_copy_splits_with_the_quote_valid_in_every_part) {
  outbound out;
  out.text = "Ana: " + std::string(3000, 'a');
  std::string original;
  for (int i = 0; i < 1500; ++i)
    original += "😀 ";
  add_original(out, original);
  auto parts = telegram::split_with_entities(out.text, out.entities);
  BOOST_REQUIRE(parts.size() >= 2u);
  for (const auto& p : parts) {
    BOOST_TEST(utf8::utf16_length(p.text) <= 4096u);
    BOOST_TEST(telegram::entities_fit(p.text, p.entities));
  }
  BOOST_TEST(parts.back().entities.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
