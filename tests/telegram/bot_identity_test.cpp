// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <string>

#include "telegram/bot_identity.hpp"

BOOST_AUTO_TEST_SUITE(telegram_bot_identity)

using namespace bridge::telegram;

BOOST_AUTO_TEST_CASE(the_username_comes_from_an_ok_get_me) {
  auto name = decode_get_me(
      R"({"ok":true,"result":{"id":42,"is_bot":true,"first_name":"Bridge",)"
      R"("username":"bridge_sim_bot"}})");
  BOOST_TEST(name.value_or("none") == "bridge_sim_bot");
}

BOOST_AUTO_TEST_CASE(anything_else_gives_no_username) {
  for (auto body :
       {"", "not json", R"({"ok":false,"description":"Unauthorized"})",
        R"({"ok":true,"result":{}})", R"({"ok":true,"result":{"username":7}})",
        // what could not go into a link as it is
        R"({"ok":true,"result":{"username":"bot/../x"}})",
        R"({"ok":true,"result":{"username":"a b c d e"}})",
        R"({"ok":true,"result":{"username":"abc"}})",
        R"({"ok":true,"result":{"username":"bot?start=evil"}})"})
    BOOST_TEST(!decode_get_me(body), body);
  BOOST_TEST(!decode_get_me(R"({"ok":true,"result":{"username":")"
                            + std::string(33, 'a') + "\"}}"));
}

BOOST_AUTO_TEST_CASE(usernames_are_link_safe) {
  BOOST_TEST(is_bot_username("Bridge_Bot5"));
  BOOST_TEST(!is_bot_username("bot"));
  BOOST_TEST(!is_bot_username("bridge-bot"));
  BOOST_TEST(!is_bot_username("brídge_bot"));
}

BOOST_AUTO_TEST_SUITE_END() // telegram_bot_identity
