// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "common/content_length.hpp"

BOOST_AUTO_TEST_SUITE(common_content_length)

// One Content-Length reader for both sides of HTTP here: the admin
// server screening a request and tg-sim's client reading an answer.

using bridge::parse_content_length;

BOOST_AUTO_TEST_CASE(digits_are_a_length) {
  uint64_t n = 7;
  BOOST_TEST(parse_content_length("0", n));
  BOOST_TEST(n == 0u);
  BOOST_TEST(parse_content_length("000012", n));
  BOOST_TEST(n == 12u);
  BOOST_TEST(parse_content_length("9999999999999999999", n));
  BOOST_TEST(n == 9999999999999999999u);
}

BOOST_AUTO_TEST_CASE(anything_else_is_refused_and_leaves_the_value) {
  auto refused = [](std::string_view bad) {
    uint64_t n = 42;
    return !parse_content_length(bad, n) && n == 42u;
  };
  for (const char* bad : {"", "+1", "-1", " 1", "1 ", "\t1", "1\r\n", "1,2",
                          "1, 1", "0x10", "1e3", "1.0", "\xd9\xa1\xd9\xa2",
                          "10000000000000000000", "18446744073709551616"})
    BOOST_TEST(refused(bad), "'" << bad << "'");
  BOOST_TEST(refused(std::string(4096, '9')));
  BOOST_TEST(refused(std::string_view{"1\0002", 3})); // a NUL inside
}

BOOST_AUTO_TEST_SUITE_END()
