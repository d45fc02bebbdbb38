// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "sim_fixture.hpp"

BOOST_AUTO_TEST_SUITE(tg_sim_copies)

using namespace tg_sim_test;

namespace {

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i)
    out += s;
  return out;
}

/// User `id` sends `media` with `members` (JSON members after it).
reply send_media(sim_fixture& f, int64_t id, const std::string& media,
                 const std::string& members = {}) {
  std::string body = R"({"from":{"id":)" + std::to_string(id)
                     + R"(,"first_name":"U)" + std::to_string(id)
                     + R"("},"media":")" + media + "\"" + members + "}";
  return parse(f.control.message(body));
}

reply copy(sim_fixture& f, int64_t to, int64_t from, int64_t id,
           const std::string& extra = {}) {
  return f.call("copyMessage", R"({"chat_id":)" + std::to_string(to)
                                   + R"(,"from_chat_id":)"
                                   + std::to_string(from) + R"(,"message_id":)"
                                   + std::to_string(id) + extra + "}");
}

} // namespace

BOOST_FIXTURE_TEST_CASE(a_copy_is_stored_and_recorded_with_its_caption,
                        sim_fixture) {
  say(2002, "hi"); // the partner's chat exists
  BOOST_TEST(send_media(*this, 1001, "photo", R"(,"caption":"la pared")").status
             == 200);
  auto r = copy(*this, 2002, 1001, 1, R"(,"caption":"Ana: the wall")");
  BOOST_TEST(r.ok());
  BOOST_TEST(r.integer("/result/message_id") == 2);
  auto ev = events(2002);
  BOOST_REQUIRE_EQUAL(ev.count("/events"), 1u);
  BOOST_TEST(ev.text("/events/0/method") == "copyMessage");
  BOOST_TEST(ev.text("/events/0/text") == "Ana: the wall");
  BOOST_TEST(ev.text("/events/0/media") == "photo");
  BOOST_TEST(ev.integer("/events/0/from_chat_id") == 1001);
  BOOST_TEST(ev.integer("/events/0/source_message_id") == 1);
}

BOOST_FIXTURE_TEST_CASE(a_copy_without_a_caption_keeps_the_original_one,
                        sim_fixture) {
  say(2002, "hi");
  send_media(*this, 1001, "photo", R"(,"caption":"la pared")");
  BOOST_TEST(copy(*this, 2002, 1001, 1).ok());
  BOOST_TEST(events(2002).text("/events/0/text") == "la pared");
}

BOOST_FIXTURE_TEST_CASE(wrong_copies_get_the_bot_api_errors, sim_fixture) {
  say(2002, "hi");
  send_media(*this, 1001, "photo");
  auto long_caption =
      copy(*this, 2002, 1001, 1, R"(,"caption":")" + repeat("a", 1025) + "\"");
  BOOST_TEST(long_caption.status == 400);
  BOOST_TEST(long_caption.description()
             == "Bad Request: message caption is too long");
  // 1,024 emoji are 2,048 UTF-16 units: too long as well.
  auto emoji =
      copy(*this, 2002, 1001, 1,
           R"(,"caption":")" + repeat("\xF0\x9F\x98\x80", 1024) + "\"");
  BOOST_TEST(emoji.description() == "Bad Request: message caption is too long");
  BOOST_TEST(
      copy(*this, 2002, 1001, 1, R"(,"caption":")" + repeat("a", 1024) + "\"")
          .ok());
  BOOST_TEST(copy(*this, 2002, 1001, 99).description()
             == "Bad Request: message to copy not found");
  BOOST_TEST(copy(*this, 2002, 777, 1).description()
             == "Bad Request: chat not found");
  BOOST_TEST(copy(*this, 555, 1001, 1).description()
             == "Bad Request: chat not found");
  BOOST_TEST(call("copyMessage", R"({"chat_id":2002,"from_chat_id":1001})")
                 .description()
             == "Bad Request: message to copy not found");
  BOOST_TEST(events(2002).count("/events") == 1u); // only the good one
}

BOOST_FIXTURE_TEST_CASE(an_album_is_copied_together_in_order, sim_fixture) {
  say(2002, "hi");
  for (int i = 0; i < 10; ++i)
    send_media(*this, 1001, "photo",
               std::string{R"(,"media_group_id":"77")"}
                   + (i == 0 ? R"(,"caption":"la cocina")" : ""));
  auto r = call("copyMessages", R"({"chat_id":2002,"from_chat_id":1001,)"
                                R"("message_ids":[1,2,3,4,5,6,7,8,9,10],)"
                                R"("remove_caption":true})");
  BOOST_TEST(r.ok());
  BOOST_TEST(r.count("/result") == 10u);
  BOOST_TEST(r.integer("/result/9/message_id") == 11);
  auto ev = events(2002);
  BOOST_REQUIRE_EQUAL(ev.count("/events"), 10u);
  auto group = ev.text("/events/0/media_group_id");
  BOOST_TEST(!group.empty());
  for (int i = 0; i < 10; ++i) {
    auto at = "/events/" + std::to_string(i);
    BOOST_TEST(ev.text(at + "/method") == "copyMessages");
    BOOST_TEST(ev.integer(at + "/source_message_id") == i + 1);
    BOOST_TEST(ev.text(at + "/media_group_id") == group);
    BOOST_TEST(ev.text(at + "/text") == ""); // captions removed
  }
}

BOOST_FIXTURE_TEST_CASE(wrong_album_copies_are_refused, sim_fixture) {
  say(2002, "hi");
  send_media(*this, 1001, "photo");
  send_media(*this, 1001, "photo");
  for (std::string ids : {"[]", "[2,1]", "[1,1]", "[\"1\"]", "{}", "[0]"})
    BOOST_TEST(call("copyMessages",
                    R"({"chat_id":2002,"from_chat_id":1001,"message_ids":)"
                        + ids + "}")
                       .status
                   == 400,
               ids);
  BOOST_TEST(events(2002).count("/events") == 0u);
}

BOOST_FIXTURE_TEST_CASE(a_user_album_item_carries_its_album_id, sim_fixture) {
  BOOST_TEST(send_media(*this, 1001, "photo", R"(,"media_group_id":"5")").status
             == 200);
  auto u = updates();
  BOOST_TEST(u.text("/result/0/message/media_group_id") == "5");
  // Albums hold photos, videos, documents and audio only.
  BOOST_TEST(send_media(*this, 1001, "voice", R"(,"media_group_id":"5")").status
             == 400);
  BOOST_TEST(send_media(*this, 1001, "photo", R"(,"media_group_id":"")").status
             == 400);
}

BOOST_AUTO_TEST_SUITE_END()
