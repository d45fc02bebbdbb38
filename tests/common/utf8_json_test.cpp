// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "common/json_writer.hpp"
#include "common/utf8.hpp"

BOOST_AUTO_TEST_SUITE(common_utf8_json)

using namespace bridge;

BOOST_AUTO_TEST_CASE(utf8_validation_rejects_every_malformed_shape) {
  BOOST_TEST(utf8::is_valid("plain ascii"));
  BOOST_TEST(utf8::is_valid("ñ € 😀 \u202e"));
  BOOST_TEST(!utf8::is_valid("\xC0\xAF"));         // overlong
  BOOST_TEST(!utf8::is_valid("\xED\xA0\x80"));     // surrogate
  BOOST_TEST(!utf8::is_valid("\xF4\x90\x80\x80")); // beyond U+10FFFF
  BOOST_TEST(!utf8::is_valid("\xE2\x82"));         // truncated
  BOOST_TEST(!utf8::is_valid("\x80"));             // stray continuation
  BOOST_TEST(utf8::sanitize("a\xFFz") == "a\xEF\xBF\xBDz");
}

BOOST_AUTO_TEST_CASE(utf16_length_counts_as_telegram_does) {
  BOOST_TEST(utf8::utf16_length("") == 0u);
  BOOST_TEST(utf8::utf16_length("abc") == 3u);
  BOOST_TEST(utf8::utf16_length("ñ€") == 2u);
  BOOST_TEST(utf8::utf16_length("😀") == 2u);
  BOOST_TEST(utf8::prefix_bytes_for_utf16("😀😀", 3) == 4u);
  BOOST_TEST(utf8::prefix_bytes_for_utf16("ab", 10) == 2u);
}

BOOST_AUTO_TEST_CASE(json_strings_escape_controls_and_repair_utf8) {
  BOOST_TEST(json::quote("a\"b\\c\n\x01") == R"("a\"b\\c\n\u0001")");
  BOOST_TEST(json::quote(std::string("nul\0x", 5)) == R"("nul\u0000x")");
  BOOST_TEST(json::quote("bad\xFF") == "\"bad\xEF\xBF\xBD\"");
  BOOST_TEST(json::quote("😀") == "\"😀\"");
}

BOOST_AUTO_TEST_CASE(json_writer_nests_and_separates) {
  json::writer w;
  w.begin_object()
      .field("a", 1)
      .key("b")
      .begin_array()
      .value("x")
      .value(true)
      .null()
      .end_array()
      .field("c", 0.5)
      .key("d")
      .begin_object()
      .end_object()
      .end_object();
  BOOST_TEST(w.str() == R"({"a":1,"b":["x",true,null],"c":0.5,"d":{}})");
}

BOOST_AUTO_TEST_SUITE_END() // common_utf8_json
