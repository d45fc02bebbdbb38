// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <string>

#include "common/utf8.hpp"
#include "telegram/bot_api.hpp"
#include "telegram/durable_codec.hpp"
#include "telegram/media_copy.hpp"
#include "telegram/update_decoder.hpp"

BOOST_AUTO_TEST_SUITE(telegram_media_copy)

using namespace bridge;
using namespace bridge::telegram;

namespace {

std::string repeat(std::string_view piece, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i)
    out += piece;
  return out;
}

std::string joined(const caption_parts& p) {
  std::string out = p.caption;
  for (const auto& r : p.rest)
    out += r;
  return out;
}

std::string without_spaces(std::string s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n')
      out += c;
  return out;
}

outbound photo_copy(std::string caption) {
  outbound out;
  out.kind = outbound_kind::copy_message;
  out.chat_id = 2002;
  out.from_chat_id = 1001;
  out.source_ids = {55};
  out.text = std::move(caption);
  out.dedupe_key = "d9.3";
  return out;
}

/// The update of a Message with `fields` (after chat and from).
std::string update_with(const std::string& fields) {
  return R"({"ok":true,"result":[{"update_id":9,"message":{"message_id":4,)"
         R"("chat":{"id":3,"type":"private"},"from":{"id":3,"first_name":"A"},)"
         + fields + "}}]}";
}

} // namespace

// -- captions -----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_caption_that_fits_is_kept_whole) {
  auto p = split_caption("Ana: the wall is done");
  BOOST_TEST(p.caption == "Ana: the wall is done");
  BOOST_TEST(p.rest.empty());
  auto exact = repeat("a", max_caption_units);
  BOOST_TEST(split_caption(exact).caption == exact);
  BOOST_TEST(split_caption(exact).rest.empty());
}

BOOST_AUTO_TEST_CASE(an_empty_caption_stays_empty) {
  auto p = split_caption("");
  BOOST_TEST(p.caption.empty());
  BOOST_TEST(p.rest.empty());
}

BOOST_AUTO_TEST_CASE(a_long_caption_is_cut_at_a_word_and_the_rest_follows) {
  auto text = repeat("word ", 300); // 1,500 units
  auto p = split_caption(text);
  BOOST_TEST(utf8::utf16_length(p.caption) <= max_caption_units);
  BOOST_TEST(p.caption.back() == 'd'); // no word cut in two
  BOOST_REQUIRE(!p.rest.empty());
  BOOST_TEST(p.rest.front().substr(0, 4) == "word");
  BOOST_TEST(without_spaces(joined(p)) == without_spaces(text));
}

BOOST_AUTO_TEST_CASE(a_caption_of_1024_emoji_is_2048_units_and_loses_none) {
  // Each emoji is one code point past U+FFFF: two UTF-16 units, four
  // bytes. Half of them fit; none is split, none is lost.
  auto text = repeat("\xF0\x9F\x98\x80", 1024);
  BOOST_TEST(utf8::utf16_length(text) == 2048u);
  auto p = split_caption(text);
  BOOST_TEST(utf8::utf16_length(p.caption) == 1024u);
  BOOST_TEST(utf8::is_valid(p.caption));
  BOOST_REQUIRE_EQUAL(p.rest.size(), 1u);
  BOOST_TEST(utf8::is_valid(p.rest.front()));
  BOOST_TEST(joined(p) == text);
}

BOOST_AUTO_TEST_CASE(one_endless_word_is_cut_inside_it) {
  auto text = repeat("x", 9000);
  auto p = split_caption(text);
  BOOST_TEST(p.caption.size() == max_caption_units);
  BOOST_TEST(joined(p) == text);
  for (const auto& r : p.rest)
    BOOST_TEST(utf8::utf16_length(r) <= max_message_units);
}

BOOST_AUTO_TEST_CASE(a_hostile_caption_of_blank_lines_gives_no_empty_texts) {
  auto text = repeat("a", 1000) + repeat("\n", 3000) + "b";
  auto p = split_caption(text);
  BOOST_TEST(utf8::utf16_length(p.caption) <= max_caption_units);
  for (const auto& r : p.rest)
    BOOST_TEST(!r.empty());
  BOOST_TEST(without_spaces(joined(p)) == without_spaces(text));
}

// -- the calls of a copy ------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_photo_with_a_short_caption_is_one_copy) {
  auto calls = copy_calls(photo_copy("Ana: done"));
  BOOST_REQUIRE_EQUAL(calls.size(), 1u);
  auto call = encode(calls[0]);
  BOOST_TEST(call.method == "copyMessage");
  BOOST_TEST(call.body.find(R"("caption":"Ana: done")") != std::string::npos);
  BOOST_TEST(call.body.find(R"("from_chat_id":1001)") != std::string::npos);
  BOOST_TEST(call.body.find(R"("message_id":55)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_caption_past_the_limit_follows_the_copy_as_text) {
  auto calls = copy_calls(photo_copy(repeat("long ", 400)));
  BOOST_REQUIRE_EQUAL(calls.size(), 2u);
  BOOST_TEST(encode(calls[0]).method == "copyMessage");
  BOOST_TEST(utf8::utf16_length(calls[0].text) <= max_caption_units);
  BOOST_TEST((calls[1].kind == outbound_kind::send_message));
  BOOST_TEST(calls[1].chat_id == 2002);
  BOOST_TEST(calls[1].dedupe_key == "d9.3");
}

BOOST_AUTO_TEST_CASE(a_photo_without_a_caption_is_copied_without_one) {
  auto calls = copy_calls(photo_copy(""));
  BOOST_REQUIRE_EQUAL(calls.size(), 1u);
  BOOST_TEST(encode(calls[0]).body.find("caption") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_voice_note_goes_bare_and_its_note_follows) {
  auto out = photo_copy("Ana sent a voice message. It was not translated.");
  out.caption_after = true;
  auto calls = copy_calls(out);
  BOOST_REQUIRE_EQUAL(calls.size(), 2u);
  BOOST_TEST(encode(calls[0]).body.find("caption") == std::string::npos);
  BOOST_TEST(calls[1].text == out.text);
}

BOOST_AUTO_TEST_CASE(an_album_is_one_copy_call_and_its_caption_follows) {
  outbound out = photo_copy("Ana: the kitchen");
  out.kind = outbound_kind::copy_messages;
  out.source_ids = {4, 5, 6, 7, 8, 9, 10, 11, 12, 13};
  auto calls = copy_calls(out);
  BOOST_REQUIRE_EQUAL(calls.size(), 2u);
  auto call = encode(calls[0]);
  BOOST_TEST(call.method == "copyMessages");
  BOOST_TEST(call.body.find(R"("message_ids":[4,5,6,7,8,9,10,11,12,13])")
             != std::string::npos);
  BOOST_TEST(call.body.find(R"("remove_caption":true)") != std::string::npos);
  BOOST_TEST(calls[1].text == "Ana: the kitchen");
}

BOOST_AUTO_TEST_CASE(a_text_is_its_own_only_call) {
  outbound out;
  out.text = "hello";
  BOOST_TEST(copy_calls(out).size() == 1u);
}

// -- the outbox ---------------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_copy_comes_back_from_its_outbox_row) {
  auto out = photo_copy("Ana: done");
  out.kind = outbound_kind::copy_messages;
  out.source_ids = {7, 8};
  auto row = to_outbox_record(out);
  BOOST_TEST(row.kind == "copyMessages");
  BOOST_TEST((parse_outbound_kind(row.kind) == outbound_kind::copy_messages));
  outbound back;
  BOOST_REQUIRE(decode_copy_source(row.markup, back));
  BOOST_TEST(back.from_chat_id == 1001);
  BOOST_TEST((back.source_ids == std::vector<int64_t>{7, 8}));
  BOOST_TEST(!back.caption_after);
}

BOOST_AUTO_TEST_CASE(a_damaged_copy_source_is_refused_not_half_read) {
  for (std::string bad :
       {"", "{", "[]", R"({"from_chat_id":1,"caption_after":false})",
        R"({"from_chat_id":1,"message_ids":[],"caption_after":false})",
        R"({"from_chat_id":1,"message_ids":[-4],"caption_after":false})",
        R"({"from_chat_id":0,"message_ids":[4],"caption_after":false})",
        R"({"from_chat_id":1,"message_ids":["4"],"caption_after":false})",
        R"({"from_chat_id":1,"message_ids":[4]})"}) {
    outbound out;
    BOOST_TEST_CONTEXT(bad) {
      BOOST_TEST(!decode_copy_source(bad, out));
      BOOST_TEST(out.source_ids.empty());
    }
  }
}

// -- decoding media -----------------------------------------------------------

BOOST_AUTO_TEST_CASE(every_media_kind_decodes_as_its_kind) {
  for (std::string kind :
       {"photo", "document", "video", "animation", "audio", "voice",
        "video_note", "sticker", "poll", "location", "contact", "dice"}) {
    auto b = decode_updates(update_with("\"" + kind + "\":{}"));
    BOOST_TEST_CONTEXT(kind) {
      BOOST_REQUIRE_EQUAL(b.updates.size(), 1u);
      BOOST_TEST(b.updates[0].media_kind == kind);
      BOOST_TEST(b.updates[0].text.empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(a_kind_bridge_does_not_know_is_other_not_dropped) {
  auto b = decode_updates(update_with(R"("hologram":{"x":1})"));
  BOOST_REQUIRE_EQUAL(b.updates.size(), 1u);
  BOOST_TEST(b.updates[0].media_kind == "other");
}

BOOST_AUTO_TEST_CASE(an_album_item_carries_its_album_and_caption) {
  auto b = decode_updates(update_with(
      R"("photo":[{"file_id":"a"}],"media_group_id":"1357","caption":"wall")"));
  BOOST_REQUIRE_EQUAL(b.updates.size(), 1u);
  BOOST_TEST(b.updates[0].media_group_id == "1357");
  BOOST_TEST(b.updates[0].caption == "wall");
}

BOOST_AUTO_TEST_CASE(a_hostile_album_id_is_refused_alone) {
  auto big = decode_updates(
      update_with(R"("photo":[],"media_group_id":")" + repeat("9", 65) + "\""));
  BOOST_TEST(big.updates.empty());
  BOOST_REQUIRE_EQUAL(big.elements.size(), 1u);
  BOOST_TEST(big.elements[0].update_id == 9);
  auto wrong_type =
      decode_updates(update_with(R"("photo":[],"media_group_id":17)"));
  BOOST_TEST(wrong_type.updates.empty());
}

BOOST_AUTO_TEST_CASE(copy_replies_name_the_copy) {
  auto one = decode_reply(R"({"ok":true,"result":{"message_id":31}})");
  BOOST_REQUIRE(one);
  BOOST_TEST(one->message_id == 31);
  auto album = decode_reply(
      R"({"ok":true,"result":[{"message_id":40},{"message_id":41}]})");
  BOOST_REQUIRE(album);
  BOOST_TEST(album->ok);
  BOOST_TEST(album->message_id == 40);
  for (std::string odd :
       {R"({"ok":true,"result":[]})", R"({"ok":true,"result":[7]})",
        R"({"ok":true,"result":[{"id":7}]})"}) {
    auto r = decode_reply(odd);
    BOOST_REQUIRE(r);
    BOOST_TEST(r->ok);
    BOOST_TEST(r->message_id == 0);
  }
}

BOOST_AUTO_TEST_SUITE_END()
