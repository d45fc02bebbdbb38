// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "tests/tg_sim/sim_fixture.hpp"

BOOST_AUTO_TEST_SUITE(tg_sim_commands)

// setMyCommands and getMyCommands as Telegram answers them: a menu per
// scope and language, refused whole when any part is malformed.

using namespace tg_sim_test;

namespace {

const std::string menu = R"([{"command":"help","description":"The commands"},)"
                         R"({"command":"language","description":"Change it"}])";

std::string chat_scope(int64_t chat) {
  return R"({"type":"chat","chat_id":)" + std::to_string(chat) + "}";
}

} // namespace

BOOST_FIXTURE_TEST_CASE(a_chats_menu_is_kept_per_language, sim_fixture) {
  say(1001, "hola");
  auto set = call("setMyCommands", R"({"commands":)" + menu + R"(,"scope":)"
                                       + chat_scope(1001)
                                       + R"(,"language_code":"es"})");
  BOOST_TEST(set.ok(), set.body);
  auto got = call("getMyCommands", R"({"scope":)" + chat_scope(1001)
                                       + R"(,"language_code":"es"})");
  BOOST_TEST(got.ok());
  BOOST_TEST(got.count("/result") == 2u);
  BOOST_TEST(got.text("/result/1/command") == "language");
  BOOST_TEST(got.text("/result/1/description") == "Change it");
  // Another language, another chat and the default scope are apart.
  BOOST_TEST(call("getMyCommands", R"({"scope":)" + chat_scope(1001)
                                       + R"(,"language_code":"en"})")
                 .count("/result")
             == 0u);
  BOOST_TEST(call("getMyCommands", R"({"scope":)" + chat_scope(2002) + "}")
                 .count("/result")
             == 0u);
  BOOST_TEST(call("getMyCommands").count("/result") == 0u);
  // The chat's event feed shows the call.
  auto ev = events(1001);
  BOOST_TEST(ev.text("/events/0/method") == "setMyCommands");
  BOOST_TEST(ev.text("/events/0/language_code") == "es");
  // An empty list clears the menu.
  BOOST_TEST(call("setMyCommands", R"({"commands":[],"scope":)"
                                       + chat_scope(1001)
                                       + R"(,"language_code":"es"})")
                 .ok());
  BOOST_TEST(call("getMyCommands", R"({"scope":)" + chat_scope(1001)
                                       + R"(,"language_code":"es"})")
                 .count("/result")
             == 0u);
}

BOOST_FIXTURE_TEST_CASE(malformed_and_hostile_menus_are_refused, sim_fixture) {
  say(1001, "hola");
  auto refused = [&](const std::string& body) {
    auto r = call("setMyCommands", body);
    return r.status == 400 && !r.ok();
  };
  auto scoped = [&](const std::string& commands,
                    const std::string& extra = {}) {
    return R"({"commands":)" + commands + R"(,"scope":)" + chat_scope(1001)
           + extra + "}";
  };
  BOOST_TEST(refused("{}"));
  BOOST_TEST(refused(R"({"commands":"help"})"));
  BOOST_TEST(refused(scoped(R"([{"command":"help"}])")));
  BOOST_TEST(refused(scoped(R"([{"command":"Help","description":"x"}])")));
  BOOST_TEST(refused(scoped(R"([{"command":"/help","description":"x"}])")));
  BOOST_TEST(refused(scoped(R"([{"command":"","description":"x"}])")));
  BOOST_TEST(refused(scoped(R"([{"command":"help","description":""}])")));
  BOOST_TEST(refused(scoped(R"([{"command":")" + std::string(33, 'a')
                            + R"(","description":"x"}])")));
  BOOST_TEST(refused(scoped(R"([{"command":"help","description":")"
                            + std::string(257, 'x') + R"("}])")));
  std::string many = "[";
  for (int i = 0; i < 101; ++i)
    many += std::string{i ? "," : ""} + R"({"command":"c)" + std::to_string(i)
            + R"(","description":"x"})";
  BOOST_TEST(refused(scoped(many + "]")));
  BOOST_TEST(refused(scoped(menu, R"(,"language_code":"ES")")));
  BOOST_TEST(refused(scoped(menu, R"(,"language_code":"esp")")));
  BOOST_TEST(
      refused(R"({"commands":)" + menu + R"(,"scope":{"type":"chat"}})"));
  BOOST_TEST(
      refused(R"({"commands":)" + menu + R"(,"scope":{"type":"nowhere"}})"));
  BOOST_TEST(refused(R"({"commands":)" + menu + R"(,"scope":"chat"})"));
  // A chat the bot never met.
  BOOST_TEST(refused(R"({"commands":)" + menu + R"(,"scope":)"
                     + chat_scope(9999) + "}"));
  // Nothing of a refused call was kept.
  BOOST_TEST(call("getMyCommands", R"({"scope":)" + chat_scope(1001) + "}")
                 .count("/result")
             == 0u);
}

BOOST_AUTO_TEST_SUITE_END() // tg_sim_commands
