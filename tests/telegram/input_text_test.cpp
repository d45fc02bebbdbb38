// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <string>

#include "common/utf8.hpp"
#include "telegram/input_text.hpp"

BOOST_AUTO_TEST_SUITE(telegram_input_text)

using namespace bridge;
using namespace bridge::telegram;

namespace {

std::string nul_between(const std::string& a, const std::string& b) {
  return a + std::string(1, '\0') + b;
}

} // namespace

BOOST_AUTO_TEST_CASE(the_nul_of_the_issue_becomes_a_space) {
  // "antes\u0000despues" blocked a conversation forever: PostgreSQL text
  // cannot hold U+0000. Telegram's apps would have sent "antes despues".
  auto text = nul_between("antes", "despues");
  BOOST_TEST(clean_input(text));
  BOOST_TEST(text == "antes despues");
}

BOOST_AUTO_TEST_CASE(every_control_character_has_its_fate) {
  for (int c = 0; c < 0x20; ++c) {
    BOOST_TEST_CONTEXT("U+" << std::hex << c) {
      auto text = "a" + std::string(1, static_cast<char>(c)) + "b";
      auto changed = clean_input(text);
      if (c == '\n') {
        BOOST_TEST(!changed);
        BOOST_TEST(text == "a\nb");
      } else if (c == '\r') {
        BOOST_TEST(changed);
        BOOST_TEST(text == "ab");
      } else {
        BOOST_TEST(changed);
        BOOST_TEST(text == "a b");
      }
    }
  }
  // DEL is no C0 control: Telegram keeps it, and PostgreSQL can hold it.
  std::string del = "a\x7F"
                    "b";
  BOOST_TEST(!clean_input(del));
  BOOST_TEST(del
             == "a\x7F"
                "b");
}

BOOST_AUTO_TEST_CASE(separators_bidi_overrides_and_line_marks_are_removed) {
  for (auto removed : {"\u2028", "\u2029", "\u202A", "\u202B", "\u202C",
                       "\u202D", "\u202E", "\u030A", "\u0333", "\u033F"}) {
    BOOST_TEST_CONTEXT(removed) {
      auto text = std::string{"x"} + removed + "y";
      BOOST_TEST(clean_input(text));
      BOOST_TEST(text == "xy");
    }
  }
  // Their neighbours in the same blocks stay.
  for (auto kept :
       {"\u2027", "\u202F", "\u2030", "\u0309", "\u0334", "\u033E", "\u0340"}) {
    BOOST_TEST_CONTEXT(kept) {
      auto text = std::string{"x"} + kept + "y";
      BOOST_TEST(!clean_input(text));
      BOOST_TEST(text == std::string{"x"} + kept + "y");
    }
  }
}

BOOST_AUTO_TEST_CASE(mixed_text_keeps_its_words_and_line_breaks) {
  std::string text = "l\xC3\xADnea\t1\r\nl\xC3\xADnea\x01"
                     "2\x1B[31m\n";
  clean_input(text);
  BOOST_TEST(text == "l\xC3\xADnea 1\nl\xC3\xADnea 2 [31m\n");
}

BOOST_AUTO_TEST_CASE(only_controls_is_an_empty_text) {
  std::string text = std::string("\0\x01\x02\t\r\x1F", 6);
  BOOST_TEST(clean_input(text));
  BOOST_TEST(text.empty());
  std::string lines = "\x01\n\x02\n";
  clean_input(lines);
  BOOST_TEST(lines.empty());
  // Blank text without controls is empty too, as Telegram treats it.
  std::string spaces = "  \n ";
  BOOST_TEST(clean_input(spaces));
  BOOST_TEST(spaces.empty());
  std::string empty;
  BOOST_TEST(!clean_input(empty));
  BOOST_TEST(empty.empty());
}

BOOST_AUTO_TEST_CASE(controls_at_the_start_and_the_end) {
  auto text = nul_between("", "hola") + std::string(1, '\0');
  clean_input(text);
  BOOST_TEST(text == " hola ");
  std::string cr = "\rhola\r";
  clean_input(cr);
  BOOST_TEST(cr == "hola");
  std::string rlo = "\u202Ehola\u202E";
  clean_input(rlo);
  BOOST_TEST(rlo == "hola");
}

BOOST_AUTO_TEST_CASE(valid_multibyte_neighbours_are_untouched) {
  // Two-, three- and four-byte characters right next to what is cleaned,
  // and characters whose later bytes look like the removed ones' lead
  // bytes (0xCC, 0xE2) or their continuation bytes.
  const std::string around = "\xC3\xB1\xE2\x82\xAC\xF0\x9F\x98\x80\xD7\xA9"
                             "\xE2\x80\x99\xCC\x81\xE2\x80\xA7";
  auto text = around + std::string(1, '\0') + around + "\r" + around;
  clean_input(text);
  BOOST_TEST(text == around + " " + around + around);
  BOOST_TEST(utf8::is_valid(text));
}

BOOST_AUTO_TEST_CASE(cleaning_twice_changes_nothing) {
  auto text = nul_between("a\r\n\t", "\u202Eb\u0333");
  clean_input(text);
  auto once = text;
  BOOST_TEST(!clean_input(text));
  BOOST_TEST(text == once);
  BOOST_TEST(cleaned(nul_between("x", "y")) == "x y");
}

BOOST_AUTO_TEST_CASE(very_long_inputs_are_cleaned_whole_and_never_grow) {
  std::string text;
  for (int i = 0; i < 100000; ++i)
    text += i % 3 == 0   ? std::string(1, '\0')
            : i % 3 == 1 ? std::string{"\xE2\x82\xAC"}
                         : std::string{"\r"};
  auto before = text.size();
  clean_input(text);
  BOOST_TEST(text.size() <= before);
  BOOST_TEST(text.find('\0') == std::string::npos);
  BOOST_TEST(text.find('\r') == std::string::npos);
  BOOST_TEST(text.size() == 33334u + 33333u * 3u);
  BOOST_TEST(utf8::is_valid(text));
  std::string plain(1 << 20, 'a');
  BOOST_TEST(!clean_input(plain));
  BOOST_TEST(plain.size() == size_t{1} << 20);
}

BOOST_AUTO_TEST_SUITE_END() // telegram_input_text
