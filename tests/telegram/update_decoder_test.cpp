#define BOOST_TEST_MODULE telegram.update_decoder
#include <boost/test/unit_test.hpp>

#include <string>

#include "telegram/update_decoder.hpp"

using namespace bridge;
using namespace bridge::telegram;

namespace {

std::string wrap(const std::string& elements) {
  return R"({"ok":true,"result":[)" + elements + "]}";
}

std::string text_update(int64_t id, const std::string& text_json) {
  return R"({"update_id":)" + std::to_string(id)
         + R"(,"message":{"message_id":5,"date":1700000000,"chat":{"id":42,"type":"private"},)"
           R"("from":{"id":42,"is_bot":false,"first_name":"Ana","language_code":"es"},"text":)"
         + text_json + "}}";
}

uint32_t skipped(const decoded_batch& b, skip_reason r) {
  return b.skipped[static_cast<size_t>(r)];
}

} // namespace

BOOST_AUTO_TEST_CASE(decodes_messages_edits_and_callbacks) {
  auto body = wrap(text_update(10, R"("hola")") + ","
                   + R"({"update_id":11,"edited_message":{"message_id":5,"chat":{"id":42},"from":{"id":42,"first_name":"Ana"},"text":"hola!"}},)"
                   + R"({"update_id":12,"callback_query":{"id":"cb1","from":{"id":42,"first_name":"Ana"},"data":"role:manager","message":{"message_id":9,"chat":{"id":42}}}})");
  auto b = decode_updates(body, 7);
  BOOST_REQUIRE(!b.error);
  BOOST_REQUIRE_EQUAL(b.updates.size(), 3u);
  BOOST_TEST(b.max_update_id == 12);
  auto& m = b.updates[0];
  BOOST_TEST(m.update_id == 10);
  BOOST_TEST((m.kind == update_kind::message));
  BOOST_TEST(m.chat_id == 42);
  BOOST_TEST(m.from.first_name == "Ana");
  BOOST_TEST(m.from.language_code == "es");
  BOOST_TEST(m.text == "hola");
  BOOST_TEST(m.media_kind == "");
  BOOST_TEST(m.received_ns == 7);
  BOOST_TEST((b.updates[1].kind == update_kind::edited_message));
  BOOST_TEST(b.updates[1].text == "hola!");
  auto& c = b.updates[2];
  BOOST_TEST((c.kind == update_kind::callback_query));
  BOOST_TEST(c.callback_id == "cb1");
  BOOST_TEST(c.callback_data == "role:manager");
  BOOST_TEST(c.chat_id == 42);
  BOOST_TEST(c.message_id == 9);
}

BOOST_AUTO_TEST_CASE(media_messages_carry_their_kind_and_caption) {
  auto body = wrap(R"({"update_id":1,"message":{"message_id":1,"chat":{"id":3},"from":{"id":3},"photo":[{"file_id":"x"}],"caption":"look"}},)"
                   R"({"update_id":2,"message":{"message_id":2,"chat":{"id":3},"from":{"id":3},"new_chat_title":"t"}})");
  auto b = decode_updates(body);
  BOOST_REQUIRE_EQUAL(b.updates.size(), 2u);
  BOOST_TEST(b.updates[0].media_kind == "photo");
  BOOST_TEST(b.updates[0].caption == "look");
  BOOST_TEST(b.updates[1].media_kind == "other");
}

BOOST_AUTO_TEST_CASE(unknown_kinds_are_skipped_but_move_the_offset) {
  auto body = wrap(R"({"update_id":20,"channel_post":{"message_id":1,"chat":{"id":-100}}},)"
                   R"({"update_id":21,"my_chat_member":{}},)" + text_update(19, R"("x")"));
  auto b = decode_updates(body);
  BOOST_TEST(b.updates.size() == 1u);
  BOOST_TEST(skipped(b, skip_reason::unknown_kind) == 2u);
  BOOST_TEST(b.max_update_id == 21);
}

BOOST_AUTO_TEST_CASE(missing_from_and_missing_fields_are_skipped_alone) {
  auto body = wrap(R"({"update_id":1,"message":{"message_id":1,"chat":{"id":3},"text":"anon"}},)"
                   R"({"update_id":2,"message":{"chat":{"id":3},"from":{"id":3},"text":"no id"}},)"
                   R"({"update_id":3,"message":{"message_id":1,"from":{"id":3},"text":"no chat"}},)"
                   R"({"update_id":4,"message":{"message_id":1,"chat":{"id":3},"from":{"id":"3"},"text":"string id"}},)"
                   R"({"update_id":5,"message":{"message_id":1,"chat":{"id":3},"from":{"id":3},"text":5}},)"
                   R"({"update_id":6,"message":"not an object"},)"
                   R"({"update_id":7,"callback_query":{"from":{"id":3},"data":"x"}},)"
                   R"({"message":{"message_id":1,"chat":{"id":3},"from":{"id":3},"text":"no update id"}},)"
                   R"(17, "str", null, [],)" + text_update(8, R"("survivor")"));
  auto b = decode_updates(body);
  BOOST_REQUIRE(!b.error);
  BOOST_REQUIRE_EQUAL(b.updates.size(), 1u);
  BOOST_TEST(b.updates[0].text == "survivor");
  BOOST_TEST(skipped(b, skip_reason::no_sender) == 1u);
  BOOST_TEST(skipped(b, skip_reason::malformed) == 11u);
  BOOST_TEST(b.max_update_id == 8);
}

BOOST_AUTO_TEST_CASE(malformed_bodies_are_errors_not_crashes) {
  for (std::string body : std::vector<std::string>{"", "{", "not json", "[]", "null", R"({"ok":true})",
                           R"({"ok":true,"result":{}})", R"({"result":[]})",
                           std::string("{\"ok\":true,\"result\":[\x00]}", 22)}) {
    auto b = decode_updates(body);
    BOOST_TEST(b.error.has_value(), "body: " << body);
    BOOST_TEST(b.updates.empty());
  }
}

BOOST_AUTO_TEST_CASE(api_errors_are_reported_with_code_and_retry_after) {
  auto b = decode_updates(R"({"ok":false,"error_code":409,"description":"Conflict: terminated by other getUpdates request"})");
  BOOST_REQUIRE(b.error);
  BOOST_TEST(b.error->error_code == 409);
  BOOST_TEST(b.error->description.find("Conflict") == 0u);
  b = decode_updates(R"({"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}})");
  BOOST_REQUIRE(b.error);
  BOOST_TEST(b.error->retry_after_s == 7);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_repaired_not_fatal) {
  auto body = wrap(text_update(1, "\"ab\xff\xfe" "cd\""));
  auto b = decode_updates(body);
  BOOST_REQUIRE(!b.error);
  BOOST_TEST(b.repaired_utf8);
  BOOST_REQUIRE_EQUAL(b.updates.size(), 1u);
  BOOST_TEST(b.updates[0].text == "ab\xEF\xBF\xBD\xEF\xBF\xBD" "cd");
}

BOOST_AUTO_TEST_CASE(unparseable_bodies_still_name_their_update_ids) {
  // A lone surrogate escape makes the whole body unparseable; the ids are
  // salvaged so the front can skip exactly that update and no neighbour.
  auto b = decode_updates(wrap(text_update(2, R"("x\ud800y")")));
  BOOST_TEST(b.error.has_value());
  BOOST_TEST(b.max_update_id == 2);
  b = decode_updates(R"({"ok":true,"result":[{"update_id" : 41, "message": {)");
  BOOST_TEST(b.error.has_value());
  BOOST_TEST(b.max_update_id == 41);
  b = decode_updates("garbage without ids");
  BOOST_TEST(b.max_update_id == 0);
  b = decode_updates(R"({"update_id":99999999999999999999999})");
  BOOST_TEST(b.max_update_id == 0);
}

BOOST_AUTO_TEST_CASE(one_megabyte_text_is_skipped_as_oversize) {
  std::string big(1 << 20, 'a');
  auto body = wrap(text_update(1, "\"" + big + "\"") + "," + text_update(2, R"("ok")"));
  auto b = decode_updates(body);
  BOOST_REQUIRE(!b.error);
  BOOST_TEST(skipped(b, skip_reason::oversize) == 1u);
  BOOST_REQUIRE_EQUAL(b.updates.size(), 1u);
  BOOST_TEST(b.updates[0].update_id == 2);
  // Telegram's longest message (4096 units of 4-byte emoji) still passes.
  std::string emoji;
  for (int i = 0; i < 2048; ++i)
    emoji += "\xF0\x9F\x98\x80";
  b = decode_updates(wrap(text_update(3, "\"" + emoji + "\"")));
  BOOST_TEST(b.updates.size() == 1u);
}

BOOST_AUTO_TEST_CASE(hostile_text_survives_intact) {
  auto b = decode_updates(wrap(text_update(1, R"("quote\" back\\ nul\u0000 rtl \u202e emoji 😀")")));
  BOOST_REQUIRE_EQUAL(b.updates.size(), 1u);
  BOOST_TEST(b.updates[0].text == std::string("quote\" back\\ nul\0 rtl \u202e emoji 😀", 36));
}

BOOST_AUTO_TEST_CASE(huge_ids_and_negative_chats) {
  auto b = decode_updates(wrap(R"({"update_id":9007199254740993,"message":{"message_id":1,"chat":{"id":-1001234567890},"from":{"id":7},"text":"g"}},)"
                               R"({"update_id":18446744073709551615,"message":{"message_id":1,"chat":{"id":1},"from":{"id":7},"text":"g"}})"));
  BOOST_REQUIRE(!b.error);
  BOOST_REQUIRE_EQUAL(b.updates.size(), 1u);
  BOOST_TEST(b.updates[0].chat_id == -1001234567890);
  BOOST_TEST(skipped(b, skip_reason::malformed) == 1u);
}

BOOST_AUTO_TEST_CASE(single_update_bodies_decode_for_webhooks) {
  auto b = decode_update(text_update(77, R"("hi")"));
  BOOST_REQUIRE_EQUAL(b.updates.size(), 1u);
  BOOST_TEST(b.updates[0].update_id == 77);
  BOOST_TEST(decode_update("{").error.has_value());
}

BOOST_AUTO_TEST_CASE(replies_decode_message_ids_and_errors) {
  auto r = decode_reply(R"({"ok":true,"result":{"message_id":55,"chat":{"id":1}}})");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->ok);
  BOOST_TEST(r->message_id == 55);
  r = decode_reply(R"({"ok":true,"result":true})");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->message_id == 0);
  r = decode_reply(R"({"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"})");
  BOOST_REQUIRE(r);
  BOOST_TEST(!r->ok);
  BOOST_TEST(r->error.error_code == 403);
  BOOST_TEST(!decode_reply("<html>502</html>"));
}
