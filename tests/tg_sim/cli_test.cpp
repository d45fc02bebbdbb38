// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "tools/tg_sim/cli.hpp"
#include "tools/tg_sim/sim_client.hpp"

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

BOOST_AUTO_TEST_CASE(the_payments_own_events_are_named) {
  // Events the user caused carry no Bot API method: before, `read` showed
  // "#7 " and nothing else.
  sim_event paid;
  paid.seq = 7;
  paid.payment = "successful_payment";
  paid.message_id = 9;
  paid.charge_id = "ch-1";
  paid.amount = 250;
  BOOST_TEST(format_event(paid)
             == "#7 payment successful_payment message 9 charge ch-1 "
                "250 Stars\n");
  sim_event checkout;
  checkout.seq = 5;
  checkout.payment = "pre_checkout_query";
  checkout.query_id = "q-3";
  checkout.amount = 250;
  BOOST_TEST(format_event(checkout)
             == "#5 payment pre_checkout_query query q-3 250 Stars\n");
  sim_event declined;
  declined.seq = 6;
  declined.payment = "declined";
  BOOST_TEST(format_event(declined) == "#6 payment declined\n");
  // The bot's payment methods keep their name and gain their details.
  sim_event refund;
  refund.seq = 8;
  refund.method = "refundStarPayment";
  refund.charge_id = "ch-1";
  refund.amount = 250;
  BOOST_TEST(format_event(refund)
             == "#8 refundStarPayment charge ch-1 250 Stars\n");
}

BOOST_AUTO_TEST_CASE(payment_fields_are_read_from_the_event_feed) {
  auto events = decode_events(
      R"({"events":[{"seq":3,"chat_id":4,"message_id":2,)"
      R"("payment":"successful_payment","charge_id":"c","amount":5}]})");
  BOOST_REQUIRE(events);
  BOOST_REQUIRE_EQUAL(events->size(), 1u);
  BOOST_TEST(events->front().method.empty());
  BOOST_TEST(events->front().payment == "successful_payment");
  BOOST_TEST(events->front().charge_id == "c");
  BOOST_TEST(events->front().amount == 5);
  BOOST_TEST(format_event(events->front())
             == "#3 payment successful_payment message 2 charge c 5 Stars\n");
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
