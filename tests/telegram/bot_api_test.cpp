// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "common/utf8.hpp"
#include "telegram/bot_api.hpp"

BOOST_AUTO_TEST_SUITE(telegram_bot_api)

using namespace bridge;
using namespace bridge::telegram;

BOOST_AUTO_TEST_CASE(encodes_send_message_with_keyboard) {
  outbound out;
  out.chat_id = 42;
  out.text = "Choose \"one\"";
  out.keyboard = {{{"Manager", "role:manager"}, {"Worker", "role:worker"}}};
  auto call = encode(out);
  BOOST_TEST(call.method == "sendMessage");
  BOOST_TEST(
      call.body
      == R"({"chat_id":42,"text":"Choose \"one\"","reply_markup":{"inline_keyboard":[[{"text":"Manager","callback_data":"role:manager"},{"text":"Worker","callback_data":"role:worker"}]]}})");
}

BOOST_AUTO_TEST_CASE(encodes_the_other_calls) {
  outbound e;
  e.kind = outbound_kind::edit_message;
  e.chat_id = 1;
  e.message_id = 9;
  e.text = "new";
  BOOST_TEST(encode(e).body == R"({"chat_id":1,"message_id":9,"text":"new"})");
  outbound a;
  a.kind = outbound_kind::answer_callback;
  a.callback_id = "abc";
  BOOST_TEST(encode(a).method == "answerCallbackQuery");
  BOOST_TEST(encode(a).body == R"({"callback_query_id":"abc"})");
  outbound t;
  t.kind = outbound_kind::chat_action;
  t.chat_id = 5;
  t.action = "typing";
  BOOST_TEST(encode(t).body == R"({"chat_id":5,"action":"typing"})");
}

BOOST_AUTO_TEST_CASE(encodes_a_chats_command_menu) {
  outbound m;
  m.kind = outbound_kind::set_commands;
  m.chat_id = 7;
  m.language_code = "es";
  m.commands = {{"help", "Los comandos de tu rol"},
                {"language", "Cambiar \"tu\" idioma"}};
  auto call = encode(m);
  BOOST_TEST(call.method == "setMyCommands");
  BOOST_TEST(
      call.body
      == R"({"commands":[{"command":"help","description":"Los comandos de tu rol"},{"command":"language","description":"Cambiar \"tu\" idioma"}],"scope":{"type":"chat","chat_id":7},"language_code":"es"})");
  // Without a language, the menu is the chat's for every language.
  m.language_code.clear();
  m.commands.clear();
  BOOST_TEST(encode(m).body
             == R"({"commands":[],"scope":{"type":"chat","chat_id":7}})");
}

BOOST_AUTO_TEST_CASE(get_updates_follows_the_offset_rules) {
  BOOST_TEST(
      encode_get_updates(0, 100, 25).body
      == R"({"limit":100,"timeout":25,"allowed_updates":["message","edited_message","callback_query","pre_checkout_query"]})");
  BOOST_TEST(encode_get_updates(12, 50, 0).body.find(R"("offset":12)")
             != std::string::npos);
}

BOOST_AUTO_TEST_CASE(method_url_trims_slashes) {
  BOOST_TEST(method_url("http://h:1/", "123:abc", "getMe")
             == "http://h:1/bot123:abc/getMe");
}

BOOST_AUTO_TEST_CASE(split_keeps_short_texts_whole) {
  BOOST_TEST(split_text("").empty());
  auto p = split_text("hello");
  BOOST_REQUIRE_EQUAL(p.size(), 1u);
  BOOST_TEST(p[0] == "hello");
  std::string exact(4096, 'a');
  BOOST_TEST(split_text(exact).size() == 1u);
}

BOOST_AUTO_TEST_CASE(split_prefers_paragraphs_then_sentences_then_spaces) {
  std::string para(3000, 'a');
  auto text = para + "\n\n" + std::string(3000, 'b');
  auto p = split_text(text);
  BOOST_REQUIRE_EQUAL(p.size(), 2u);
  BOOST_TEST(p[0] == para + "\n\n");
  BOOST_TEST(p[1] == std::string(3000, 'b'));
  std::string words = "word";
  while (words.size() < 10000)
    words += " word";
  for (auto& piece : split_text(words)) {
    BOOST_TEST(utf8::utf16_length(piece) <= 4096u);
    BOOST_TEST(piece.back() != ' ');
    BOOST_TEST(piece.substr(piece.size() - 4) == "word");
  }
}

BOOST_AUTO_TEST_CASE(split_counts_utf16_units_and_never_cuts_a_code_point) {
  std::string emoji;
  for (int i = 0; i < 3000; ++i)
    emoji += "\xF0\x9F\x98\x80"; // 2 UTF-16 units each
  auto p = split_text(emoji);
  BOOST_REQUIRE_EQUAL(p.size(), 2u);
  BOOST_TEST(utf8::utf16_length(p[0]) == 4096u);
  BOOST_TEST(utf8::is_valid(p[0]));
  BOOST_TEST(utf8::is_valid(p[1]));
  BOOST_TEST(p[0] + p[1] == emoji);
}

BOOST_AUTO_TEST_CASE(split_one_long_word_hard) {
  std::string word(9000, 'x');
  auto p = split_text(word);
  BOOST_REQUIRE_EQUAL(p.size(), 3u);
  BOOST_TEST(p[0].size() == 4096u);
  BOOST_TEST(p[0] + p[1] + p[2] == word);
}

BOOST_AUTO_TEST_CASE(classifies_send_replies) {
  auto ok = classify_send(200, R"({"ok":true,"result":{"message_id":3}})", "");
  BOOST_TEST((ok.status == send_status::ok));
  BOOST_TEST(ok.message_id == 3);
  auto limited = classify_send(
      429,
      R"({"ok":false,"error_code":429,"description":"Too Many Requests: retry after 4","parameters":{"retry_after":4}})",
      "");
  BOOST_TEST((limited.status == send_status::retry_after));
  BOOST_TEST(limited.retry_after_s == 4);
  BOOST_TEST((
      classify_send(
          403,
          R"({"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"})",
          "")
          .status
      == send_status::chat_gone));
  BOOST_TEST((
      classify_send(
          400,
          R"({"ok":false,"error_code":400,"description":"Bad Request: chat not found"})",
          "")
          .status
      == send_status::chat_gone));
  BOOST_TEST((
      classify_send(
          400,
          R"({"ok":false,"error_code":400,"description":"Bad Request: message is too long"})",
          "")
          .status
      == send_status::rejected));
  BOOST_TEST((classify_send(502, "<html>bad gateway</html>", "").status
              == send_status::transient));
  BOOST_TEST((classify_send(0, "", "Couldn't connect to server").status
              == send_status::transient));
  BOOST_TEST(
      (classify_send(200, "garbage", "").status == send_status::transient));
}

BOOST_AUTO_TEST_SUITE_END() // telegram_bot_api
