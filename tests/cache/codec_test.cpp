// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "cache/codec.hpp"
#include "cache/keys.hpp"

BOOST_AUTO_TEST_SUITE(cache_codec)

using namespace bridge;
using namespace bridge::cache;

BOOST_AUTO_TEST_CASE(profiles_round_trip_with_any_bytes) {
  user_record u;
  u.telegram_id = 123456789012;
  u.role = user_role::worker;
  u.language = "es";
  u.display_name = "O'Brien \"|:3:x\\ \xd7\xa9\xd7\x9c \xf0\x9f\x98\x80";
  u.invitation_code = "";
  u.manager_id = 7;
  u.created_at_ms = 1;
  u.updated_at_ms = 2;
  auto text = encode_profile(u);
  auto back = decode_profile(text);
  BOOST_REQUIRE(back);
  BOOST_TEST(!back->absent);
  BOOST_TEST(back->value.display_name == u.display_name);
  BOOST_TEST(back->value.telegram_id == u.telegram_id);
  BOOST_TEST((back->value.role == user_role::worker));
  BOOST_TEST(back->value.manager_id == 7);
  BOOST_TEST(back->value.original_mode == "auto");
}

BOOST_AUTO_TEST_CASE(the_original_mode_travels_and_older_values_are_dropped) {
  user_record u;
  u.telegram_id = 9;
  u.role = user_role::manager;
  u.language = "en";
  for (auto mode : {"on", "off", "auto"}) {
    u.original_mode = mode;
    auto back = decode_profile(encode_profile(u));
    BOOST_REQUIRE(back);
    BOOST_TEST(back->value.original_mode == mode);
  }
  // What the build before the setting wrote (eight fields, tag u1): not
  // decoded, so the cache drops it and reads the profile through.
  BOOST_TEST(!decode_profile("u1|1:94:manager2:en0:0:1:01:01:0"));
  // A mode the column never holds.
  u.original_mode = "ON";
  BOOST_TEST(!decode_profile(encode_profile(u)));
  u.original_mode = "";
  BOOST_TEST(!decode_profile(encode_profile(u)));
}

BOOST_AUTO_TEST_CASE(absence_is_a_value) {
  auto a = decode_profile(absent_marker);
  BOOST_REQUIRE(a);
  BOOST_TEST(a->absent);
}

BOOST_AUTO_TEST_CASE(damaged_or_foreign_values_are_refused) {
  user_record u;
  u.telegram_id = 1;
  auto good = encode_profile(u);
  std::vector<std::string> bad = {
      "",
      "u1|",
      "u2|1:1",
      good.substr(0, good.size() - 1),
      good + "x",
      "u1|99:1",
      "u1|1:x4:none0:0:0:1:01:01:0",
      "u2|1:14:none0:0:0:1:01:01:0",
      "u1|-1:1",
      "u1|:1",
      "u1|99999999999:1",
      "{\"telegram_id\":1}",
      std::string{"u1|1:1\0", 7},
  };
  // A known role spelled differently.
  auto wrong_role = good;
  wrong_role.replace(wrong_role.find("4:none"), 6, "4:NONE");
  bad.push_back(wrong_role);
  for (auto& b : bad)
    BOOST_TEST(!decode_profile(b), "accepted '" << b << "'");
}

BOOST_AUTO_TEST_CASE(subscriptions_round_trip) {
  subscription s{5, subscription_status::active, 4102444800000, 1};
  auto back = decode_subscription(encode_subscription(s));
  BOOST_REQUIRE(back);
  BOOST_TEST((back->value.status == subscription_status::active));
  BOOST_TEST(back->value.expires_at_ms == 4102444800000);
  BOOST_TEST(!decode_subscription(encode_profile(user_record{})));
  BOOST_TEST(!decode_subscription("s1|1:51:x1:01:0"));
}

BOOST_AUTO_TEST_CASE(counts_are_plain_non_negative_numbers) {
  BOOST_TEST(*decode_count("0") == 0);
  BOOST_TEST(*decode_count("42") == 42);
  for (auto bad : {"", "-1", "1.5", " 1", "1e3", "abc", "99999999999999999999"})
    BOOST_TEST(!decode_count(bad), "accepted '" << bad << "'");
}

BOOST_AUTO_TEST_CASE(keys_have_one_shape) {
  BOOST_TEST(keys::profile(42) == "bridge:user:42");
  BOOST_TEST(keys::subscription(42) == "bridge:sub:42");
  BOOST_TEST(keys::usage(42, 20240101) == "bridge:usage:42:20240101");
  BOOST_TEST(keys::rate("updates", -100, 28333333)
             == "bridge:rate:updates:-100:28333333");
  BOOST_TEST(keys::lock("retention") == "bridge:lock:retention");
}

BOOST_AUTO_TEST_SUITE_END() // cache_codec
