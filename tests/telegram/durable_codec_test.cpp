// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "telegram/durable_codec.hpp"
#include "telegram/input_text.hpp"
#include "telegram/update_decoder.hpp"

BOOST_AUTO_TEST_SUITE(telegram_durable_codec)

// What the engine keeps in PostgreSQL to replay after a crash: an update
// as an inbox payload (read back with decode_update at start), and an
// outgoing call as an outbox row (read back by the sender's resume). Each
// must come back as it went in, buttons included; anything else in those
// columns must be refused, never half-read.

using namespace bridge;
using namespace bridge::telegram;

namespace {

using keyboard = std::vector<std::vector<inline_button>>;

/// The one update `payload` decodes to; fails the test when it is not one.
tg_update replayed(const std::string& payload) {
  auto batch = decode_update(payload);
  BOOST_REQUIRE_MESSAGE(!batch.error, payload);
  BOOST_REQUIRE_MESSAGE(batch.updates.size() == 1u, payload);
  return batch.updates.front();
}

void check_same(const tg_update& a, const tg_update& b) {
  BOOST_TEST(a.update_id == b.update_id);
  BOOST_TEST((a.kind == b.kind));
  BOOST_TEST(a.chat_id == b.chat_id);
  BOOST_TEST(a.message_id == b.message_id);
  BOOST_TEST(a.from.id == b.from.id);
  BOOST_TEST(a.from.first_name == b.from.first_name);
  BOOST_TEST(a.from.username == b.from.username);
  BOOST_TEST(a.from.language_code == b.from.language_code);
  BOOST_TEST(a.text == b.text);
  BOOST_TEST(a.media_kind == b.media_kind);
  BOOST_TEST(a.caption == b.caption);
  BOOST_TEST(a.callback_id == b.callback_id);
  BOOST_TEST(a.callback_data == b.callback_data);
  BOOST_TEST(a.date == b.date);
  BOOST_TEST(a.media_group_id == b.media_group_id);
  BOOST_TEST(a.reply_to_message_id == b.reply_to_message_id);
}

tg_update text_message(std::string text) {
  tg_update u;
  u.update_id = 700001;
  u.chat_id = 1001;
  u.message_id = 42;
  u.from = {1001, "Ana", "ana_w", "es"};
  u.text = std::move(text);
  u.date = 1767323045;
  return u;
}

/// The call the sender rebuilds from an outbox row at start, the way its
/// resume does (sender_outbox.cpp): nothing when the row cannot be read.
std::optional<outbound> resent(const outbox_record& r) {
  auto kind = parse_outbound_kind(r.kind);
  auto buttons = r.markup.empty() ? std::optional<keyboard>{keyboard{}}
                                  : decode_keyboard(r.markup);
  if (!kind || !buttons)
    return std::nullopt;
  outbound out;
  out.kind = *kind;
  out.chat_id = r.chat_id;
  out.text = r.text;
  out.message_id = r.target_message_id;
  out.keyboard = std::move(*buttons);
  out.dedupe_key = r.dedupe_key;
  return out;
}

bool same_keyboard(const keyboard& a, const keyboard& b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].size() != b[i].size())
      return false;
    for (size_t j = 0; j < a[i].size(); ++j)
      if (a[i][j].text != b[i][j].text
          || a[i][j].callback_data != b[i][j].callback_data)
        return false;
  }
  return true;
}

} // namespace

// -- updates, inbox payloads
// ---------------------------------------------------

BOOST_AUTO_TEST_CASE(a_text_message_comes_back_whole) {
  auto u = text_message("See you at nine");
  check_same(replayed(encode_update(u)), u);
}

BOOST_AUTO_TEST_CASE(text_that_json_escapes_comes_back_byte_for_byte) {
  // Quotes, backslashes, every control character, a lone NUL, line and
  // paragraph separators, emoji outside the BMP, right to left, combining.
  std::string text = "\"q\" \\ / \b\f\n\r\t";
  for (char c = 1; c < 0x20; ++c)
    text += c;
  text += std::string{"a\0b", 3};
  text += "\u2028\u2029 👍🏽 שלום مرحبا e\xcc\x81 \x7f";
  // The decoder cleans what storage cannot hold (telegram/input_text), so
  // an inbox row holds cleaned text: that is what must come back whole.
  auto u = text_message(cleaned(text));
  BOOST_TEST(u.text != text);
  BOOST_TEST(u.text.find('\0') == std::string::npos);
  u.from.first_name = "Ana \"the\" \\boss\\";
  auto back = replayed(encode_update(u));
  check_same(back, u);
  BOOST_TEST(back.text.size() == u.text.size());
  // And a raw one is cleaned the same way on the way back.
  auto raw = text_message(text);
  BOOST_TEST(replayed(encode_update(raw)).text == cleaned(text));
}

BOOST_AUTO_TEST_CASE(a_reply_keeps_the_message_it_answers) {
  auto u = text_message("/fix Good morning");
  u.reply_to_message_id = 77;
  BOOST_TEST(replayed(encode_update(u)).reply_to_message_id == 77);
  u.reply_to_message_id = 0;
  BOOST_TEST(encode_update(u).find("reply_to_message") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_extremes_of_ids_and_an_empty_text_come_back) {
  auto u = text_message("");
  u.update_id = note_id_base - 1; // the last id Telegram's may take
  u.message_id = INT32_MAX;
  u.chat_id = -1001234567890; // a supergroup
  u.from = {INT64_MAX - 1, "", "", ""};
  u.date = 0;
  auto back = replayed(encode_update(u));
  check_same(back, u);
  BOOST_TEST(back.media_kind.empty()); // still a text message
}

BOOST_AUTO_TEST_CASE(an_edit_stays_an_edit) {
  auto u = text_message("See you at ten");
  u.kind = update_kind::edited_message;
  check_same(replayed(encode_update(u)), u);
}

BOOST_AUTO_TEST_CASE(a_button_press_comes_back_with_its_data_and_message) {
  tg_update u;
  u.update_id = 700002;
  u.kind = update_kind::callback_query;
  u.chat_id = 2002;
  u.message_id = 77;
  u.from = {2002, "Bob", "", "en"};
  u.callback_id = "4382bfdwdsb323b2d9";
  u.callback_data = "task:17:done \"x\"";
  check_same(replayed(encode_update(u)), u);
}

BOOST_AUTO_TEST_CASE(every_media_kind_comes_back_as_that_kind) {
  for (std::string kind :
       {"animation", "audio", "document", "photo", "sticker", "story", "video",
        "video_note", "voice", "contact", "dice", "game", "poll", "venue",
        "location", "invoice"}) {
    auto u = text_message("");
    u.media_kind = kind;
    u.caption = kind == "photo" ? "look at \"this\"" : "";
    BOOST_TEST_CONTEXT(kind) {
      check_same(replayed(encode_update(u)), u);
    }
  }
}

BOOST_AUTO_TEST_CASE(an_album_item_keeps_its_album_through_the_inbox) {
  // The inbox stores what it replays: an item that lost its album id
  // would cross alone after a restart, out of its group.
  auto u = text_message("");
  u.media_kind = "photo";
  u.caption = "the wall";
  u.media_group_id = "13579246801357924";
  check_same(replayed(encode_update(u)), u);
}

BOOST_AUTO_TEST_CASE(an_unknown_media_kind_still_comes_back_as_media) {
  // "other" (a message with neither text nor a known media key) is stored
  // under a key the decoder knows ("dice"), so it comes back as "dice",
  // not as "other" as the header promises; the engine answers both the
  // same way (any non-empty media kind gets the "text only" reply), so
  // what matters to the replay is that it is still not text.
  auto u = text_message("");
  u.media_kind = "other";
  auto back = replayed(encode_update(u));
  BOOST_TEST(!back.media_kind.empty());
  BOOST_TEST(back.text.empty());
  BOOST_TEST(back.update_id == u.update_id);
  BOOST_TEST(back.chat_id == u.chat_id);
}

BOOST_AUTO_TEST_CASE(a_damaged_payload_is_refused_not_half_read) {
  // What resume_from_inbox meets in a row it must leave alone: no update
  // comes out of any of these.
  const std::vector<std::string> hostile{
      "",
      " ",
      "null",
      "[]",
      "42",
      "\"text\"",
      "{",
      "{}",
      R"({"update_id":"1","message":{}})",
      R"({"update_id":1})",
      R"({"update_id":1,"message":null})",
      R"({"update_id":1,"message":{"message_id":1,"chat":{"id":1}}})", // no
                                                                       // sender
      R"({"update_id":1,"message":{"message_id":"1","chat":{"id":1},"from":{"id":1}}})",
      R"({"update_id":1,"message":{"message_id":1,"chat":{"id":1},"from":{"id":"x"}}})",
      R"({"update_id":1,"message":{"message_id":1,"chat":{"id":1},"from":{"id":1},"text":7}})",
      R"({"update_id":1,"callback_query":{"id":"","from":{"id":1},"data":"x"}})",
      R"({"update_id":1,"callback_query":{"id":"c","data":"x"}})",
      R"({"update_id":1,"channel_post":{"message_id":1,"chat":{"id":-1}}})",
      R"({"update_id":1,"message":{"message_id":1,"chat":{"id":1},"from":{"id":1},"text":"x"})",
      R"({"update_id":99999999999999999999,"message":{}})",
      std::string(100000, '['),
  };
  for (const auto& body : hostile)
    BOOST_TEST(decode_update(body).updates.empty(), body.substr(0, 80));
}

BOOST_AUTO_TEST_CASE(an_oversize_payload_text_is_refused) {
  auto u = text_message(std::string(max_text_bytes + 1, 'a'));
  auto batch = decode_update(encode_update(u));
  BOOST_TEST(batch.updates.empty());
  BOOST_REQUIRE_EQUAL(batch.elements.size(), 1u);
  BOOST_TEST((batch.elements[0].fate == update_fate::refused));
  BOOST_TEST(std::string{batch.elements[0].reason}
             == to_string(refuse_reason::oversize));
  // At the limit it is still a message.
  u.text.pop_back();
  check_same(replayed(encode_update(u)), u);
}

BOOST_AUTO_TEST_CASE(a_payload_with_broken_utf8_is_repaired_not_refused) {
  std::string body = R"({"update_id":5,"message":{"message_id":1,"date":1,)"
                     R"("chat":{"id":1001,"type":"private"},)"
                     R"("from":{"id":1001,"first_name":"Ana"},"text":"a)"
                     "\xff\xfe"
                     R"(b"}})";
  auto batch = decode_update(body);
  BOOST_REQUIRE_EQUAL(batch.updates.size(), 1u);
  BOOST_TEST(batch.repaired_utf8);
  BOOST_TEST(batch.updates[0].text
             == "a\xEF\xBF\xBD\xEF\xBF\xBD"
                "b");
}

// -- outgoing calls, outbox rows
// -----------------------------------------------

BOOST_AUTO_TEST_CASE(every_outbound_kind_is_named_and_read_back) {
  for (auto k : {outbound_kind::send_message, outbound_kind::edit_message,
                 outbound_kind::answer_callback, outbound_kind::chat_action}) {
    auto back = parse_outbound_kind(to_string(k));
    BOOST_REQUIRE(back.has_value());
    BOOST_TEST((*back == k));
  }
  // The names are the Bot API's methods, exactly.
  BOOST_TEST(std::string{to_string(outbound_kind::send_message)}
             == "sendMessage");
  BOOST_TEST(std::string{to_string(outbound_kind::edit_message)}
             == "editMessageText");
  for (std::string bad :
       {"", "send", "SENDMESSAGE", "sendmessage", "sendMessage ",
        " sendMessage", "send_message", "editMessageText\n"})
    BOOST_TEST(!parse_outbound_kind(bad).has_value(), "'" << bad << "'");
}

BOOST_AUTO_TEST_CASE(a_task_with_its_done_button_survives_a_resend) {
  // A partner's copy of a task, as the conversation stores it with its
  // message: after a crash the sender rebuilds it from the row alone, and
  // the button must still carry the data that closes the task.
  outbound task;
  task.kind = outbound_kind::send_message;
  task.chat_id = 2002;
  task.text = "Nueva tarea n.º 17 de Ana: [es] Clean the warehouse";
  task.keyboard = {{{"Hecho", "task:17"}}};
  task.dedupe_key = "d700003.9";
  task.stored = true;
  auto row = to_outbox_record(task);
  BOOST_TEST(row.dedupe_key == task.dedupe_key);
  BOOST_TEST(row.chat_id == task.chat_id);
  BOOST_TEST(row.kind == "sendMessage");
  BOOST_TEST(row.text == task.text);
  BOOST_TEST(row.target_message_id == 0);
  BOOST_TEST(!row.markup.empty());
  auto again = resent(row);
  BOOST_REQUIRE(again.has_value());
  BOOST_TEST((again->kind == task.kind));
  BOOST_TEST(again->chat_id == task.chat_id);
  BOOST_TEST(again->text == task.text);
  BOOST_TEST(again->dedupe_key == task.dedupe_key);
  BOOST_REQUIRE_EQUAL(again->keyboard.size(), 1u);
  BOOST_REQUIRE_EQUAL(again->keyboard[0].size(), 1u);
  BOOST_TEST(again->keyboard[0][0].text == "Hecho");
  BOOST_TEST(again->keyboard[0][0].callback_data == "task:17");
}

BOOST_AUTO_TEST_CASE(keyboards_of_every_shape_survive_a_resend) {
  const std::vector<keyboard> shapes{
      {{{"Soy gerente", "role:manager"}}, {{"Soy trabajador", "role:worker"}}},
      {{{"English", "lang:en"}, {"Español", "lang:es"}, {"Català", "lang:ca"}}},
      {{{"1. Bob", "switch:2002"}, {"2. Eva \"E\"", "switch:3003"}},
       {{"\\back\\", "x:\\"}}},
      {{{"👍🏽 Done", "task:1"}}, {}, {{"", ""}}},
  };
  for (const auto& kb : shapes) {
    outbound out;
    out.kind = outbound_kind::send_message;
    out.chat_id = 1001;
    out.text = "Which?";
    out.keyboard = kb;
    out.dedupe_key = "k";
    auto again = resent(to_outbox_record(out));
    BOOST_REQUIRE(again.has_value());
    BOOST_TEST(same_keyboard(again->keyboard, kb),
               to_outbox_record(out).markup);
  }
}

BOOST_AUTO_TEST_CASE(an_edit_of_a_copy_survives_a_resend_with_its_target) {
  outbound edit;
  edit.kind = outbound_kind::edit_message;
  edit.chat_id = 2002;
  edit.message_id = 3141;
  edit.text = "Ana: [es] See you at ten (editado)";
  edit.dedupe_key = "e9.1.4";
  auto row = to_outbox_record(edit);
  BOOST_TEST(row.kind == "editMessageText");
  BOOST_TEST(row.target_message_id == 3141);
  BOOST_TEST(row.markup.empty()); // no keyboard, nothing stored for one
  auto again = resent(row);
  BOOST_REQUIRE(again.has_value());
  BOOST_TEST((again->kind == outbound_kind::edit_message));
  BOOST_TEST(again->message_id == 3141);
  BOOST_TEST(again->text == edit.text);
  BOOST_TEST(again->keyboard.empty());
}

BOOST_AUTO_TEST_CASE(markup_the_encoder_did_not_write_is_refused) {
  // An outbox row whose markup is damaged is left as it is (the sender
  // logs it), never sent with half a keyboard.
  const std::vector<std::string> hostile{
      "",
      "null",
      "{}",
      "\"x\"",
      "[",
      "[[",
      "[1]",
      "[[1]]",
      "[[[]]]",
      R"([[["a"]]])",
      R"([[["a","b","c"]]])",
      R"([[["a",2]]])",
      R"([[[null,"b"]]])",
      R"([[{"text":"a","callback_data":"b"}]])",
      R"([[["a","b"]]] trailing)",
      R"([[["a","b"]],])",
      std::string{"[[[\"a\xff\",\"b\"]]]"},
      std::string(100000, '[') + std::string(100000, ']'),
  };
  for (const auto& markup : hostile)
    BOOST_TEST(!decode_keyboard(markup).has_value(), markup.substr(0, 80));
  // What is refused as markup is also refused as a row to resend.
  outbox_record row;
  row.kind = "sendMessage";
  row.markup = R"([[["a"]]])";
  BOOST_TEST(!resent(row).has_value());
  row.markup.clear();
  row.kind = "resend_everything";
  BOOST_TEST(!resent(row).has_value());
}

BOOST_AUTO_TEST_CASE(an_empty_keyboard_list_reads_back_empty) {
  // "[]" is what an empty keyboard encodes to; rows are only stored with
  // a keyboard, but a row holding "[]" is a keyboard of no rows, not an error.
  auto kb = decode_keyboard(encode_keyboard({}));
  BOOST_REQUIRE(kb.has_value());
  BOOST_TEST(kb->empty());
  BOOST_TEST(encode_keyboard({}) == "[]");
}

BOOST_AUTO_TEST_CASE(a_note_reads_back_as_storage_writes_it) {
  // The payload as PostgreSQL's json_build_object writes it, with a name
  // that needs escaping.
  const std::string payload =
      R"({"bridge_note" : {"kind" : "worker_joined", "chat_id" : 42, )"
      R"("user_id" : 7, "name" : "Ana \"la\" P\u00e9rez\n", "cause" : 9}})";
  auto note = decode_note(payload, note_id_base + 3);
  BOOST_REQUIRE(note.has_value());
  BOOST_TEST((note->kind == session_note_kind::worker_joined));
  BOOST_TEST(note->chat_id == 42);
  BOOST_TEST(note->user_id == 7);
  BOOST_TEST(note->name == "Ana \"la\" P\xc3\xa9rez\n");
  BOOST_TEST(note->update_id == note_id_base + 3);
  BOOST_TEST(note->stored);
  for (auto kind :
       {session_note_kind::partner_left, session_note_kind::reset_by_operator,
        session_note_kind::join_refused, session_note_kind::join_request,
        session_note_kind::join_accepted, session_note_kind::join_declined,
        session_note_kind::removed}) {
    auto other = R"({"bridge_note":{"kind":")" + std::string{to_string(kind)}
                 + R"(","chat_id":1,"user_id":2,"name":""}})";
    auto back = decode_note(other, note_id_base);
    BOOST_REQUIRE(back.has_value());
    BOOST_TEST((back->kind == kind));
  }
}

BOOST_AUTO_TEST_CASE(a_note_outside_the_notes_id_range_is_no_note) {
  // Only the engine writes rows from note_id_base up (Telegram's ids are
  // refused there), so a well-formed note at a Telegram id is hostile.
  const std::string payload =
      R"({"bridge_note":{"kind":"reset_by_operator","chat_id":42,)"
      R"("user_id":42,"name":"x"}})";
  BOOST_TEST(decode_note(payload, note_id_base).has_value());
  BOOST_TEST(!decode_note(payload, note_id_base - 1).has_value());
  BOOST_TEST(!decode_note(payload, 1).has_value());
  BOOST_TEST(!decode_note(payload, 0).has_value());
  BOOST_TEST(!decode_note(payload, -5).has_value());
}

BOOST_AUTO_TEST_CASE(a_damaged_or_unknown_note_is_refused) {
  const std::vector<std::pair<const char*, std::string>> cases = {
      {"empty", ""},
      {"not json", "bridge_note"},
      {"truncated", R"({"bridge_note":{"kind":"worker_joined","chat_id":4)"},
      {"an update, not a note", R"({"update_id":5,"message":{"text":"a"}})"},
      {"note not an object", R"({"bridge_note":"worker_joined"})"},
      {"an unknown kind",
       R"({"bridge_note":{"kind":"grant_admin","chat_id":1,"user_id":1,"name":""}})"},
      {"no chat",
       R"({"bridge_note":{"kind":"partner_left","user_id":1,"name":""}})"},
      {"a chat id as text",
       R"({"bridge_note":{"kind":"partner_left","chat_id":"1","user_id":1,"name":""}})"},
      {"a chat id past 2^63",
       R"({"bridge_note":{"kind":"partner_left","chat_id":9223372036854775808,"user_id":1,"name":""}})"},
      {"no name",
       R"({"bridge_note":{"kind":"partner_left","chat_id":1,"user_id":1}})"},
      {"a lone surrogate",
       R"({"bridge_note":{"kind":"partner_left","chat_id":1,"user_id":1,"name":"\udc00"}})"},
      {"too deep", R"({"bridge_note":)" + std::string(3000, '[')
                       + std::string(3000, ']') + "}"},
  };
  for (const auto& [name, payload] : cases)
    BOOST_TEST_CONTEXT(name) {
      BOOST_TEST(!decode_note(payload, note_id_base).has_value());
    }
}

BOOST_AUTO_TEST_SUITE_END() // telegram_durable_codec
