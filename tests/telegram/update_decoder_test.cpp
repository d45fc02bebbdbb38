// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <string>

#include "telegram/update_decoder.hpp"

BOOST_AUTO_TEST_SUITE(telegram_update_decoder)

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

/// How many elements of `b` ended as `fate` for `reason`.
size_t ended(const decoded_batch& b, update_fate fate,
             const std::string& reason) {
  size_t n = 0;
  for (const auto& e : b.elements)
    n += e.fate == fate && reason == e.reason ? 1 : 0;
  return n;
}

size_t skipped(const decoded_batch& b, const std::string& reason) {
  return ended(b, update_fate::skipped, reason);
}

size_t refused(const decoded_batch& b, const std::string& reason) {
  return ended(b, update_fate::refused, reason);
}

} // namespace

BOOST_AUTO_TEST_CASE(decodes_messages_edits_and_callbacks) {
  auto body = wrap(
      text_update(10, R"("hola")") + ","
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

BOOST_AUTO_TEST_CASE(a_reply_names_the_message_it_answers) {
  auto reply = [](const std::string& replied) {
    return R"({"update_id":20,"message":{"message_id":6,"chat":{"id":42},)"
           R"("from":{"id":42,"first_name":"Ana"},"text":"/fix hi",)"
           R"("reply_to_message":)"
           + replied + "}}";
  };
  auto b = decode_updates(
      wrap(reply(R"({"message_id":5,"chat":{"id":42},"text":"<b>x</b>"})")), 0);
  BOOST_REQUIRE_EQUAL(b.updates.size(), 1u);
  BOOST_TEST(b.updates[0].reply_to_message_id == 5);
  // A malformed reply is left out; the text itself still arrives.
  for (auto bad :
       {R"({"message_id":"5"})", R"("5")", R"({})", R"({"message_id":-5})"}) {
    auto d = decode_updates(wrap(reply(bad)), 0);
    BOOST_REQUIRE_EQUAL(d.updates.size(), 1u);
    BOOST_TEST(d.updates[0].reply_to_message_id == 0);
    BOOST_TEST(d.updates[0].text == "/fix hi");
  }
  auto plain = decode_updates(wrap(text_update(21, R"("hola")")), 0);
  BOOST_TEST(plain.updates.at(0).reply_to_message_id == 0);
}

BOOST_AUTO_TEST_CASE(media_messages_carry_their_kind_and_caption) {
  auto body = wrap(
      R"({"update_id":1,"message":{"message_id":1,"chat":{"id":3},"from":{"id":3},"photo":[{"file_id":"x"}],"caption":"look"}},)"
      R"({"update_id":2,"message":{"message_id":2,"chat":{"id":3},"from":{"id":3},"new_chat_title":"t"}})");
  auto b = decode_updates(body);
  BOOST_REQUIRE_EQUAL(b.updates.size(), 2u);
  BOOST_TEST(b.updates[0].media_kind == "photo");
  BOOST_TEST(b.updates[0].caption == "look");
  BOOST_TEST(b.updates[1].media_kind == "other");
}

BOOST_AUTO_TEST_CASE(unknown_kinds_are_skipped_but_move_the_offset) {
  auto body = wrap(
      R"({"update_id":20,"channel_post":{"message_id":1,"chat":{"id":-100}}},)"
      R"({"update_id":21,"my_chat_member":{}},)"
      + text_update(19, R"("x")"));
  auto b = decode_updates(body);
  BOOST_TEST(b.updates.size() == 1u);
  BOOST_TEST(skipped(b, "channel_post") == 1u);
  BOOST_TEST(skipped(b, "my_chat_member") == 1u);
  BOOST_TEST(b.max_update_id == 21);
  // Kinds the Bot API does not have, and none at all, are "other".
  b = decode_updates(
      wrap(R"({"update_id":22,"made_up_kind":{}},{"update_id":23})"));
  BOOST_TEST(skipped(b, "other") == 2u);
  BOOST_REQUIRE_EQUAL(b.elements.size(), 2u);
  BOOST_TEST(b.elements[0].update_id == 22);
}

BOOST_AUTO_TEST_CASE(missing_from_and_missing_fields_are_skipped_alone) {
  auto body = wrap(
      R"({"update_id":1,"message":{"message_id":1,"chat":{"id":3},"text":"anon"}},)"
      R"({"update_id":2,"message":{"chat":{"id":3},"from":{"id":3},"text":"no id"}},)"
      R"({"update_id":3,"message":{"message_id":1,"from":{"id":3},"text":"no chat"}},)"
      R"({"update_id":4,"message":{"message_id":1,"chat":{"id":3},"from":{"id":"3"},"text":"string id"}},)"
      R"({"update_id":5,"message":{"message_id":1,"chat":{"id":3},"from":{"id":3},"text":5}},)"
      R"({"update_id":6,"message":"not an object"},)"
      R"({"update_id":7,"callback_query":{"from":{"id":3},"data":"x"}},)"
      R"({"message":{"message_id":1,"chat":{"id":3},"from":{"id":3},"text":"no update id"}},)"
      R"(17, "str", null, [],)"
      + text_update(8, R"("survivor")"));
  auto b = decode_updates(body);
  BOOST_REQUIRE(!b.error);
  BOOST_REQUIRE_EQUAL(b.updates.size(), 1u);
  BOOST_TEST(b.updates[0].text == "survivor");
  BOOST_TEST(skipped(b, "no_sender") == 1u);
  BOOST_TEST(refused(b, "malformed") == 6u);
  BOOST_TEST(refused(b, "no_update_id") == 1u);
  BOOST_TEST(refused(b, "not_an_object") == 4u);
  BOOST_TEST(b.elements.size() == 13u);
  BOOST_TEST(b.max_update_id == 8);
}

BOOST_AUTO_TEST_CASE(malformed_bodies_are_errors_not_crashes) {
  for (std::string body : std::vector<std::string>{
           "", "{", "not json", "[]", "null", R"({"ok":true})",
           R"({"ok":true,"result":{}})", R"({"result":[]})",
           std::string("{\"ok\":true,\"result\":[\x00]}", 22)}) {
    auto b = decode_updates(body);
    // Unreadable as a whole, or every element in it refused.
    bool all_refused = !b.elements.empty();
    for (const auto& e : b.elements)
      all_refused = all_refused && e.fate == update_fate::refused;
    BOOST_TEST((b.error.has_value() || all_refused), "body: " << body);
    BOOST_TEST(b.updates.empty());
  }
}

BOOST_AUTO_TEST_CASE(api_errors_are_reported_with_code_and_retry_after) {
  auto b = decode_updates(
      R"({"ok":false,"error_code":409,"description":"Conflict: terminated by other getUpdates request"})");
  BOOST_REQUIRE(b.error);
  BOOST_TEST(b.error->error_code == 409);
  BOOST_TEST(b.error->description.find("Conflict") == 0u);
  b = decode_updates(
      R"({"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}})");
  BOOST_REQUIRE(b.error);
  BOOST_TEST(b.error->retry_after_s == 7);
  // A wait past an hour, or below zero, is no answer to take at its word.
  b = decode_updates(
      R"({"ok":false,"error_code":429,"parameters":{"retry_after":9223372036854775807}})");
  BOOST_REQUIRE(b.error);
  BOOST_TEST(b.error->retry_after_s == max_retry_after_s);
  auto r = decode_reply(
      R"({"ok":false,"error_code":429,"parameters":{"retry_after":-5}})");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->error.retry_after_s == 0);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_repaired_not_fatal) {
  auto body = wrap(text_update(1, "\"ab\xff\xfe"
                                  "cd\""));
  auto b = decode_updates(body);
  BOOST_REQUIRE(!b.error);
  BOOST_TEST(b.repaired_utf8);
  BOOST_REQUIRE_EQUAL(b.updates.size(), 1u);
  BOOST_TEST(b.updates[0].text
             == "ab\xEF\xBF\xBD\xEF\xBF\xBD"
                "cd");
}

BOOST_AUTO_TEST_CASE(unparseable_bodies_still_name_their_update_ids) {
  // A lone surrogate escape makes the whole body unparseable; the broken
  // element is refused alone, by its own id, and its neighbours go on.
  auto b = decode_updates(wrap(text_update(1, R"("before")") + ","
                               + text_update(2, R"("x\ud800y")") + ","
                               + text_update(3, R"("after")")));
  BOOST_TEST(!b.error.has_value());
  BOOST_REQUIRE_EQUAL(b.updates.size(), 2u);
  BOOST_TEST(b.updates[0].text == "before");
  BOOST_TEST(b.updates[1].text == "after");
  BOOST_REQUIRE_EQUAL(b.elements.size(), 3u);
  BOOST_TEST(b.elements[1].update_id == 2);
  BOOST_TEST(b.elements[1].reason == std::string{"lone_surrogate"});
  BOOST_TEST(b.max_update_id == 3);
  b = decode_updates(R"({"ok":true,"result":[{"update_id" : 41, "message": {)");
  BOOST_TEST(!b.error.has_value());
  BOOST_REQUIRE_EQUAL(b.elements.size(), 1u);
  BOOST_TEST(b.elements[0].update_id == 41);
  BOOST_TEST(b.elements[0].reason == std::string{"truncated"});
  b = decode_updates("garbage without ids");
  BOOST_TEST(b.error.has_value());
  BOOST_TEST(to_string(b.unreadable) == std::string{"not_json"});
  BOOST_TEST(b.max_update_id == 0);
  b = decode_updates(R"({"update_id":99999999999999999999999})");
  BOOST_TEST(b.max_update_id == 0);
}

namespace {

/// One hostile element between two readable ones, and what it must end as.
struct hostile {
  const char* name;
  std::string element;
  const char* reason;
  int64_t id;
};

std::string deep(int levels) {
  return std::string(static_cast<size_t>(levels), '[')
         + std::string(static_cast<size_t>(levels), ']');
}

} // namespace

BOOST_AUTO_TEST_CASE(each_hostile_element_is_refused_alone_with_its_reason) {
  const std::vector<hostile> cases = {
      {"too deep", R"({"update_id":5,"message":)" + deep(3000) + "}",
       "too_deep", 5},
      {"a number past 2^64",
       R"({"update_id":5,"message":{"message_id":99999999999999999999}})",
       "number_out_of_range", 5},
      {"a number past 2^63",
       R"({"update_id":5,"message":{"message_id":9223372036854775808,"chat":{"id":1},"from":{"id":1},"text":"a"}})",
       "number_out_of_range", 5},
      {"an update_id past 2^63",
       R"({"update_id":9223372036854775808,"message":{}})",
       "number_out_of_range", 0},
      {"an update_id in the range of the engine's notes",
       R"({"update_id":4611686018427387904,"message":{}})",
       "number_out_of_range", 0},
      {"a negative update_id", R"({"update_id":-3,"message":{}})",
       "number_out_of_range", 0},
      {"an update_id of 0", R"({"update_id":0,"message":{}})",
       "number_out_of_range", 0},
      {"raw control bytes",
       std::string("{\"update_id\":5,\"message\":{\"text\":\"a\x01\x02b\"}}"),
       "control_bytes", 5},
      {"a lone low surrogate", R"({"update_id":5,"message":{"text":"\udc00"}})",
       "lone_surrogate", 5},
      {"a bad escape", R"({"update_id":5,"message":{"text":"\q"}})",
       "bad_escape", 5},
      {"a bad literal", R"({"update_id":5,"message":tru})", "not_json", 5},
      {"an id only in the text",
       R"({"message":{"text":"\"update_id\":77 \ud800"}})", "lone_surrogate",
       0},
  };
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT(c.name) {
      auto b = decode_updates(wrap(text_update(4, R"("four")") + "," + c.element
                                   + "," + text_update(6, R"("six")")));
      BOOST_TEST(!b.error.has_value());
      BOOST_TEST(b.updates.size() == 2u);
      BOOST_REQUIRE_EQUAL(b.elements.size(), 3u);
      BOOST_TEST(b.elements[1].reason == std::string{c.reason});
      BOOST_TEST((b.elements[1].fate == update_fate::refused));
      BOOST_TEST(b.elements[1].update_id == c.id);
      BOOST_TEST(b.max_update_id == 6);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_truncated_element_runs_to_the_end_and_keeps_its_id) {
  // A missing brace swallows the neighbour after it: the element is
  // refused as truncated by its own id; update 6 comes again next poll.
  auto b = decode_updates(wrap(text_update(4, R"("four")") + ","
                               + R"({"update_id":5,"message":{"message_id":1)"
                               + "," + text_update(6, R"("six")")));
  BOOST_TEST(!b.error.has_value());
  BOOST_REQUIRE_EQUAL(b.updates.size(), 1u);
  BOOST_TEST(b.updates[0].update_id == 4);
  BOOST_REQUIRE_EQUAL(b.elements.size(), 2u);
  BOOST_TEST(b.elements[1].update_id == 5);
  BOOST_TEST(b.elements[1].reason == std::string{"truncated"});
  BOOST_TEST(b.max_update_id == 5);
}

BOOST_AUTO_TEST_CASE(
    a_body_past_the_parsers_depth_outside_result_is_unreadable) {
  auto b = decode_updates("{\"ok\":true,\"junk\":" + deep(3000) + "}");
  BOOST_TEST(b.error.has_value());
  BOOST_TEST(to_string(b.unreadable) == std::string{"too_deep"});
  b = decode_updates(R"({"ok":true,"result":[)");
  BOOST_TEST(b.error.has_value());
  BOOST_TEST(to_string(b.unreadable) == std::string{"truncated"});
  b = decode_updates(R"({"ok":false})");
  BOOST_TEST(b.error.has_value());
  BOOST_TEST(to_string(b.unreadable) == std::string{"not_a_reply"});
}

BOOST_AUTO_TEST_CASE(one_megabyte_text_is_skipped_as_oversize) {
  std::string big(1 << 20, 'a');
  auto body =
      wrap(text_update(1, "\"" + big + "\"") + "," + text_update(2, R"("ok")"));
  auto b = decode_updates(body);
  BOOST_REQUIRE(!b.error);
  BOOST_TEST(refused(b, "oversize") == 1u);
  BOOST_TEST(b.elements[0].update_id == 1);
  BOOST_REQUIRE_EQUAL(b.updates.size(), 1u);
  BOOST_TEST(b.updates[0].update_id == 2);
  // Telegram's longest message (4096 units of 4-byte emoji) still passes.
  std::string emoji;
  for (int i = 0; i < 2048; ++i)
    emoji += "\xF0\x9F\x98\x80";
  b = decode_updates(wrap(text_update(3, "\"" + emoji + "\"")));
  BOOST_TEST(b.updates.size() == 1u);
}

BOOST_AUTO_TEST_CASE(hostile_text_is_cleaned_as_telegram_cleans_it) {
  // Quotes, backslashes and emoji survive; NUL becomes a space and the
  // right-to-left override goes, as Telegram's own apps send them.
  auto b = decode_updates(
      wrap(text_update(1, R"("quote\" back\\ nul\u0000 rtl \u202e emoji 😀")")));
  BOOST_REQUIRE_EQUAL(b.updates.size(), 1u);
  BOOST_TEST(b.updates[0].text == "quote\" back\\ nul  rtl  emoji 😀");
}

BOOST_AUTO_TEST_CASE(the_nul_text_of_the_issue_is_decoded_cleaned) {
  auto b = decode_updates(wrap(text_update(1, R"("antes\u0000despues")")));
  BOOST_REQUIRE_EQUAL(b.updates.size(), 1u);
  BOOST_TEST(b.updates[0].text == "antes despues");
  // Only control characters: an empty text, handed on like one.
  b = decode_updates(wrap(text_update(2, R"("\u0000\u0001\t\r")")));
  BOOST_REQUIRE_EQUAL(b.updates.size(), 1u);
  BOOST_TEST(b.updates[0].text.empty());
  BOOST_TEST(b.updates[0].media_kind.empty());
}

BOOST_AUTO_TEST_CASE(every_kept_string_is_cleaned) {
  auto b = decode_updates(wrap(
      R"({"update_id":1,"edited_message":{"message_id":5,"chat":{"id":42},)"
      R"("from":{"id":42,"first_name":"A\u0000na","username":"a\rna","language_code":"e\u0001s"},)"
      R"("text":"edi\u0000ted"}},)"
      R"({"update_id":2,"message":{"message_id":6,"chat":{"id":42},"from":{"id":42},)"
      R"("photo":[],"caption":"cap\u0000tion"}},)"
      R"({"update_id":3,"callback_query":{"id":"c\u0000b","from":{"id":42,"first_name":"B\u0007"},)"
      R"("data":"lang:\u0000es"}})"));
  BOOST_REQUIRE_EQUAL(b.updates.size(), 3u);
  const auto& edit = b.updates[0];
  BOOST_TEST(edit.text == "edi ted");
  BOOST_TEST(edit.from.first_name == "A na");
  BOOST_TEST(edit.from.username == "ana");
  BOOST_TEST(edit.from.language_code == "e s");
  BOOST_TEST(b.updates[1].caption == "cap tion");
  const auto& cb = b.updates[2];
  BOOST_TEST(cb.callback_id == "c b");
  BOOST_TEST(cb.callback_data == "lang: es");
  BOOST_TEST(cb.from.first_name == "B ");
  for (const auto& u : b.updates)
    for (const auto* s :
         {&u.text, &u.caption, &u.from.first_name, &u.from.username,
          &u.from.language_code, &u.callback_id, &u.callback_data})
      BOOST_TEST(s->find('\0') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(huge_ids_and_negative_chats) {
  auto b = decode_updates(wrap(
      R"({"update_id":9007199254740993,"message":{"message_id":1,"chat":{"id":-1001234567890},"from":{"id":7},"text":"g"}},)"
      R"({"update_id":18446744073709551615,"message":{"message_id":1,"chat":{"id":1},"from":{"id":7},"text":"g"}})"));
  BOOST_REQUIRE(!b.error);
  BOOST_REQUIRE_EQUAL(b.updates.size(), 1u);
  BOOST_TEST(b.updates[0].chat_id == -1001234567890);
  BOOST_TEST(refused(b, "number_out_of_range") == 1u);
}

BOOST_AUTO_TEST_CASE(single_update_bodies_decode_for_webhooks) {
  auto b = decode_update(text_update(77, R"("hi")"));
  BOOST_REQUIRE_EQUAL(b.updates.size(), 1u);
  BOOST_TEST(b.updates[0].update_id == 77);
  auto broken = decode_update("{");
  BOOST_TEST(broken.error.has_value());
  BOOST_REQUIRE_EQUAL(broken.elements.size(), 1u);
  BOOST_TEST(broken.elements[0].reason == std::string{"truncated"});
  broken = decode_update(R"({"update_id":78,"message":{"text":"\ud800"}})");
  BOOST_REQUIRE_EQUAL(broken.elements.size(), 1u);
  BOOST_TEST(broken.elements[0].update_id == 78);
  BOOST_TEST(broken.elements[0].reason == std::string{"lone_surrogate"});
  auto kind = decode_update(R"({"update_id":79,"poll":{}})");
  BOOST_TEST(!kind.error.has_value());
  BOOST_TEST(skipped(kind, "poll") == 1u);
}

BOOST_AUTO_TEST_CASE(replies_decode_message_ids_and_errors) {
  auto r =
      decode_reply(R"({"ok":true,"result":{"message_id":55,"chat":{"id":1}}})");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->ok);
  BOOST_TEST(r->message_id == 55);
  r = decode_reply(R"({"ok":true,"result":true})");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->message_id == 0);
  r = decode_reply(
      R"({"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"})");
  BOOST_REQUIRE(r);
  BOOST_TEST(!r->ok);
  BOOST_TEST(r->error.error_code == 403);
  BOOST_TEST(!decode_reply("<html>502</html>"));
}

BOOST_AUTO_TEST_SUITE_END() // telegram_update_decoder
