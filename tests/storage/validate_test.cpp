// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <random>

#include "common/error.hpp"
#include "storage/validate.hpp"

BOOST_AUTO_TEST_SUITE(storage_validate)

using namespace bridge;
using namespace bridge::storage;

BOOST_AUTO_TEST_CASE(text_checks_refuse_what_postgresql_cannot_store) {
  BOOST_TEST(!static_cast<bool>(check_text("f", "", 10)));
  BOOST_TEST(!static_cast<bool>(check_text(
      "f", "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xf0\x9f\x98\x80", 100)));
  BOOST_TEST(
      !static_cast<bool>(check_text("f", std::string(5000, 'a'), 65536)));
  auto nul = check_text("original_text", std::string{"a\0b", 3}, 10);
  BOOST_TEST((engine_code(nul) == engine_errc::invalid_input));
  BOOST_TEST(describe(nul)
             == "invalid_input: original_text contains a NUL byte");
  for (auto bad : {"\xc3\x28", "\xa0\xa1", "\xe2\x28\xa1", "\xf0\x28\x8c\xbc",
                   "\xed\xa0\x80", "\xc0\xaf", "\xf4\x90\x80\x80", "ok\xff"}) {
    auto err = check_text("f", bad, 100);
    BOOST_TEST((engine_code(err) == engine_errc::invalid_input),
               "accepted " << bad);
  }
  auto big = check_text("payload", std::string(11, 'x'), 10);
  BOOST_TEST(describe(big)
             == "invalid_input: payload is 11 bytes, at most 10 are stored");
}

BOOST_AUTO_TEST_CASE(limits_and_ids) {
  BOOST_TEST(!static_cast<bool>(check_limit(1)));
  BOOST_TEST(!static_cast<bool>(check_limit(1000)));
  BOOST_TEST(static_cast<bool>(check_limit(0)));
  BOOST_TEST(static_cast<bool>(check_limit(1001)));
  BOOST_TEST(static_cast<bool>(check_limit(-1)));
  BOOST_TEST(!static_cast<bool>(check_id("x", 1)));
  BOOST_TEST(static_cast<bool>(check_id("x", 0)));
  BOOST_TEST(
      static_cast<bool>(check_id("x", std::numeric_limits<int64_t>::min())));
}

BOOST_AUTO_TEST_CASE(days_must_exist_in_the_calendar) {
  for (int64_t ok : {20240229, 20000101, 99991231, 20230131, 20000229})
    BOOST_TEST(!static_cast<bool>(check_day(ok)), ok);
  for (int64_t bad : {20230229, 19000229, 20240230, 20241301, 20240001,
                      20240100, 19991231, 0, -20240101, 202401011, 2024011})
    BOOST_TEST(static_cast<bool>(check_day(bad)), bad);
}

BOOST_AUTO_TEST_CASE(utf8_truncation_never_splits_a_character) {
  std::string s = "ab\xf0\x9f\x98\x80"
                  "cd"; // 2 + 4 + 2 bytes
  BOOST_TEST(truncate_utf8(s, 100) == s);
  BOOST_TEST(truncate_utf8(s, 2) == "ab");
  BOOST_TEST(truncate_utf8(s, 3) == "ab");
  BOOST_TEST(truncate_utf8(s, 5) == "ab");
  BOOST_TEST(truncate_utf8(s, 6) == "ab\xf0\x9f\x98\x80");
  BOOST_TEST(truncate_utf8(s, 0).empty());
}

BOOST_AUTO_TEST_CASE(invitation_codes_have_their_canonical_shapes) {
  // Storage and the bot share the domain's code space: new codes, and the
  // five-digit ones of the first release.
  BOOST_TEST(is_invitation_code("BRIDGE-7K2M-9QXD"));
  for (auto loose : {"bridge-7k2m-9qxd", "BRIDGE-7K2M-9QXD.",
                     "BRIDGE 7K2M 9QXD", "BRIDGE-IK2M-9QXD"})
    BOOST_TEST(!is_invitation_code(loose), "accepted '" << loose << "'");
  BOOST_TEST(is_invitation_code("BRIDGE-10000"));
  BOOST_TEST(is_invitation_code("BRIDGE-99999"));
  BOOST_TEST(is_invitation_code("BRIDGE-47110"));
  for (auto bad :
       {"", "BRIDGE-", "BRIDGE-1234", "BRIDGE-04711", "BRIDGE-123456",
        "bridge-12345", "BRIDGE_12345", "BRIDGE-12 45", "BRIDGE-١٢٣٤٥",
        " BRIDGE-12345", "BRIDGE-12345\n"})
    BOOST_TEST(!is_invitation_code(bad), "accepted '" << bad << "'");
  for (int i = 0; i < 1000; ++i)
    BOOST_TEST(is_invitation_code(random_invitation_code()));
}

BOOST_AUTO_TEST_SUITE_END() // storage_validate
