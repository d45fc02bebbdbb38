// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "telegram/body_split.hpp"

BOOST_AUTO_TEST_SUITE(telegram_body_split)

using namespace bridge::telegram;

namespace {

std::vector<std::string> strings(const result_elements& r) {
  return {r.elements.begin(), r.elements.end()};
}

} // namespace

BOOST_AUTO_TEST_CASE(elements_are_cut_at_their_commas_only) {
  auto r = split_result(
      R"( { "ok" : true , "result" : [ {"a":"x,]}"} , [1,[2]] ,17, "s\"]," ] } )");
  BOOST_REQUIRE(r);
  BOOST_TEST(!r->last_cut);
  BOOST_TEST(strings(*r)
                 == (std::vector<std::string>{R"({"a":"x,]}"})", "[1,[2]]",
                                              "17", R"("s\"],")"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_body_cut_inside_an_element_marks_it) {
  auto r = split_result(
      R"({"ok":true,"result":[{"update_id":1},{"update_id":2,"text":"ab)");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->last_cut);
  BOOST_REQUIRE_EQUAL(r->elements.size(), 2u);
  BOOST_TEST(r->elements[1] == R"({"update_id":2,"text":"ab)");
  // A bracket closing what it did not open: the rest is one element.
  r = split_result(
      R"({"ok":true,"result":[{"update_id":3,"m":{"x":1],{"update_id":4}]})");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->last_cut);
  BOOST_REQUIRE_EQUAL(r->elements.size(), 1u);
  BOOST_TEST(element_update_id(r->elements[0]) == 3);
}

BOOST_AUTO_TEST_CASE(no_result_array_no_split) {
  for (std::string body :
       {"", "garbage", "[]", R"({"ok":true})", R"({"ok":true,"result":{}})",
        R"({"ok":true,"x":{"result":[1]}})", R"({"ok":true,"x":"result",[1]})",
        R"({"ok":tr)"})
    BOOST_TEST(!split_result(body), body);
  // "result" as a value, then a real key of that name.
  auto r = split_result(R"({"a":"result","result":[5]})");
  BOOST_REQUIRE(r);
  BOOST_TEST(strings(*r) == std::vector<std::string>{"5"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_element_names_itself_only_by_its_own_key) {
  BOOST_TEST(element_update_id(R"({"update_id":42,"message":{}})") == 42);
  BOOST_TEST(element_update_id(R"( { "message":{}, "update_id" : 43 })") == 43);
  // Not a key: inside a string, nested, or a value.
  BOOST_TEST(element_update_id(R"({"message":{"text":"\"update_id\":7"}})")
             == 0);
  BOOST_TEST(element_update_id(R"({"message":{"update_id":8}})") == 0);
  BOOST_TEST(element_update_id(R"({"x":"update_id","y":9})") == 0);
  // Not a whole id: cut off, negative, zero, past int64, not a number.
  BOOST_TEST(element_update_id(R"({"update_id":12)") == 0);
  BOOST_TEST(element_update_id(R"({"update_id":-5})") == 0);
  BOOST_TEST(element_update_id(R"({"update_id":0})") == 0);
  BOOST_TEST(element_update_id(R"({"update_id":99999999999999999999})") == 0);
  BOOST_TEST(element_update_id(R"({"update_id":1.5})") == 0);
  BOOST_TEST(element_update_id(R"({"update_id":"6"})") == 0);
  BOOST_TEST(element_update_id("[1]") == 0);
  BOOST_TEST(element_update_id("") == 0);
  // The first one counts.
  BOOST_TEST(element_update_id(R"({"update_id":10,"update_id":11})") == 10);
}

BOOST_AUTO_TEST_CASE(open_ends_and_lone_surrogates) {
  BOOST_TEST(ends_open(R"({"a":[1)"));
  BOOST_TEST(ends_open(R"({"a":"b)"));
  BOOST_TEST(!ends_open(R"({"a":[1]})"));
  BOOST_TEST(!ends_open("garbage"));
  BOOST_TEST(has_lone_surrogate(R"("\ud800")"));
  BOOST_TEST(has_lone_surrogate(R"("\uDC00x")"));
  BOOST_TEST(has_lone_surrogate(R"("\ud83d\u0041")"));
  BOOST_TEST(!has_lone_surrogate(R"("\ud83d\ude00")"));
  BOOST_TEST(!has_lone_surrogate(R"("\\ud800")"));
  BOOST_TEST(!has_lone_surrogate(R"("\u0041\n")"));
}

BOOST_AUTO_TEST_SUITE_END() // telegram_body_split
