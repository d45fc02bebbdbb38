// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "sim_fixture.hpp"

BOOST_AUTO_TEST_SUITE(tg_sim_entities)

// Formatting sent as entities is checked as Telegram checks it (in UTF-16
// units, inside the text), recorded and echoed; a user's reply carries
// the message it answers.

using namespace tg_sim_test;

BOOST_FIXTURE_TEST_CASE(entities_are_checked_echoed_and_recorded, sim_fixture) {
  say(1001, "hola");
  // "😀 <b>" is 6 UTF-16 units: the emoji counts two.
  auto ok = send(
      1001, "\xF0\x9F\x98\x80 <b>",
      R"(,"entities":[{"type":"expandable_blockquote","offset":3,"length":3}])");
  BOOST_REQUIRE(ok.ok());
  BOOST_TEST(ok.text("/result/entities/0/type") == "expandable_blockquote");
  BOOST_TEST(ok.integer("/result/entities/0/offset") == 3);
  auto ev = events(1001);
  BOOST_TEST(ev.text("/events/0/entities/0/type") == "expandable_blockquote");
  BOOST_TEST(ev.integer("/events/0/entities/0/length") == 3);
  for (auto bad : {R"(,"entities":[{"type":"bold","offset":3,"length":4}])",
                   R"(,"entities":[{"type":"bold","offset":-1,"length":1}])",
                   R"(,"entities":[{"type":"bold","offset":0,"length":0}])",
                   R"(,"entities":[{"type":"shouting","offset":0,"length":1}])",
                   R"(,"entities":[{"offset":0,"length":1}])",
                   R"(,"entities":{"type":"bold"})", R"(,"entities":"[{")"}) {
    auto r = send(1001, "\xF0\x9F\x98\x80 <b>", bad);
    BOOST_TEST(r.status == 400, bad);
    BOOST_TEST(r.description().rfind("Bad Request: can't parse entities", 0)
                   == 0u,
               r.description());
  }
  BOOST_TEST(events(1001).count("/events") == 1u);
}

BOOST_FIXTURE_TEST_CASE(an_edit_checks_and_replaces_the_entities, sim_fixture) {
  say(1001, "hola");
  auto id = std::to_string(send(1001, "Done").integer("/result/message_id"));
  auto edit = [&](const std::string& text, const std::string& more) {
    return call("editMessageText", R"({"chat_id":1001,"message_id":)" + id
                                       + R"(,"text":")" + text + "\"" + more
                                       + "}");
  };
  const std::string quote =
      R"(,"entities":[{"type":"expandable_blockquote","offset":6,"length":4}])";
  auto quoted = edit("Done\\n\\nhola", quote);
  BOOST_REQUIRE(quoted.ok());
  BOOST_TEST(quoted.text("/result/entities/0/type") == "expandable_blockquote");
  auto ev = events(1001);
  BOOST_TEST(ev.text("/events/1/method") == "editMessageText");
  BOOST_TEST(ev.integer("/events/1/entities/0/offset") == 6);
  // The same text and entities change nothing; the text without them does.
  BOOST_TEST(edit("Done\\n\\nhola", quote).status == 400);
  auto bare = edit("Done\\n\\nhola", "");
  BOOST_REQUIRE(bare.ok());
  BOOST_TEST(bare.body.find("entities") == std::string::npos, bare.body);
  // Entities outside the new text, or malformed, refuse the edit.
  for (auto bad : {R"(,"entities":[{"type":"bold","offset":6,"length":5}])",
                   R"(,"entities":[{"type":"bold","offset":0,"length":0}])",
                   R"(,"entities":"[{")"}) {
    auto r = edit("Done\\n\\nhola", bad);
    BOOST_TEST(r.status == 400, bad);
    BOOST_TEST(r.description().rfind("Bad Request: can't parse entities", 0)
                   == 0u,
               r.description());
  }
  BOOST_TEST(events(1001).count("/events") == 3u);
}

BOOST_FIXTURE_TEST_CASE(a_reply_carries_the_message_it_answers, sim_fixture) {
  say(1001, "hola");
  auto sent = send(1001, "Welcome");
  auto id = sent.integer("/result/message_id");
  auto r = parse(control.message(
      R"({"from":{"id":1001},"text":"/fix Hi","reply_to_message_id":)"
      + std::to_string(id) + "}"));
  BOOST_TEST(r.status == 200);
  auto u = updates();
  BOOST_TEST(u.integer("/result/1/message/reply_to_message/message_id") == id);
  BOOST_TEST(u.text("/result/1/message/reply_to_message/text") == "Welcome");
  // A message the chat does not have cannot be answered.
  auto missing = parse(control.message(
      R"({"from":{"id":1001},"text":"x","reply_to_message_id":999})"));
  BOOST_TEST(missing.status == 400);
  auto negative = parse(control.message(
      R"({"from":{"id":1001},"text":"x","reply_to_message_id":-2})"));
  BOOST_TEST(negative.status == 400);
}

BOOST_AUTO_TEST_SUITE_END()
