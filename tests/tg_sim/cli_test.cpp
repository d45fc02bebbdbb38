// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "tools/tg_sim/cli.hpp"

BOOST_AUTO_TEST_SUITE(tg_sim_cli)

using namespace bridge::tg_sim;

BOOST_AUTO_TEST_CASE(a_message_shows_its_text_and_how_to_press_its_buttons) {
  sim_event e;
  e.seq = 12;
  e.method = "sendMessage";
  e.chat_id = 1001;
  e.message_id = 5;
  e.text = "Welcome!\nPick a role";
  e.buttons = {{{"Manager", "role:m", ""}, {"Worker", "role:w", ""}},
               {{"Help", "", "https://example.org"}}};
  BOOST_TEST(format_event(e)
             == "#12 sendMessage message 5\n"
                "    Welcome!\n"
                "    Pick a role\n"
                "    [Manager -> press role:m]"
                " [Worker -> press role:w]\n"
                "    [Help -> https://example.org]\n");
}

BOOST_AUTO_TEST_CASE(actions_and_answers_have_one_line) {
  sim_event typing;
  typing.seq = 3;
  typing.method = "sendChatAction";
  typing.action = "typing";
  BOOST_TEST(format_event(typing) == "#3 sendChatAction (typing)\n");
  sim_event answer;
  answer.seq = 4;
  answer.method = "answerCallbackQuery";
  answer.callback_id = "42";
  BOOST_TEST(format_event(answer) == "#4 answerCallbackQuery to callback 42\n");
}

BOOST_AUTO_TEST_CASE(a_terminal_user_becomes_a_sim_user) {
  cli_user who{1001, "Ana", "ana", "es", 0};
  auto u = who.to_user();
  BOOST_TEST(u.id == 1001);
  BOOST_TEST(u.first_name == "Ana");
  BOOST_TEST(u.username == "ana");
  BOOST_TEST(u.language_code == "es");
  BOOST_TEST(!u.is_bot);
}

BOOST_AUTO_TEST_SUITE_END() // tg_sim_cli
