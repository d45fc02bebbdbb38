// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "sim_fixture.hpp"

BOOST_AUTO_TEST_SUITE(tg_sim_control_api)

using namespace tg_sim_test;

namespace {

std::string error_of(const http_answer& a) {
  return parse(a).description();
}

} // namespace

BOOST_FIXTURE_TEST_CASE(a_message_injection_reports_its_ids, sim_fixture) {
  auto r = parse(control.message(
      R"({"from":{"id":1001,"first_name":"Ana","username":"ana","language_code":"es"},"text":"hola"})"));
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.integer("/update_id") == 1);
  BOOST_TEST(r.integer("/message_id") == 1);
  BOOST_TEST(r.integer("/chat_id") == 1001);
  auto u = updates();
  BOOST_TEST(u.text("/result/0/message/from/language_code") == "es");
  BOOST_TEST(u.text("/result/0/message/from/username") == "ana");
  BOOST_TEST(u.text("/result/0/message/chat/type") == "private");
}

BOOST_FIXTURE_TEST_CASE(profiles_merge_across_injections, sim_fixture) {
  control.message(
      R"({"from":{"id":7,"first_name":"Ana","language_code":"es"},"text":"a"})");
  control.message(R"({"from":{"id":7},"text":"b"})");
  auto u = updates();
  BOOST_TEST(u.text("/result/1/message/from/first_name") == "Ana");
  BOOST_TEST(u.text("/result/1/message/from/language_code") == "es");
  control.message(R"({"from":{"id":8},"text":"c"})");
  BOOST_TEST(updates().text("/result/2/message/from/first_name") == "User 8");
}

BOOST_FIXTURE_TEST_CASE(commands_carry_a_bot_command_entity, sim_fixture) {
  say(1001, "/start abc");
  say(1001, "/\xF0\x9F\x98\x80");
  say(1001, "no command");
  auto u = updates();
  BOOST_TEST(u.text("/result/0/message/entities/0/type") == "bot_command");
  BOOST_TEST(u.integer("/result/0/message/entities/0/length") == 6);
  BOOST_TEST(u.integer("/result/1/message/entities/0/length") == 3);
  BOOST_TEST(u.body.find("\"entities\"", u.body.find("no command"))
             == std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(groups_and_supergroups, sim_fixture) {
  auto r = parse(control.message(
      R"({"from":{"id":1001},"chat_id":-100200,"chat_title":"Night shift","text":"hi all"})"));
  BOOST_TEST(r.integer("/chat_id") == -100200);
  say(1002, "me too", -1001234567890123);
  auto u = updates();
  BOOST_TEST(u.text("/result/0/message/chat/type") == "group");
  BOOST_TEST(u.text("/result/0/message/chat/title") == "Night shift");
  BOOST_TEST(u.text("/result/1/message/chat/type") == "supergroup");
  // A private chat belongs to its user alone.
  auto wrong =
      control.message(R"({"from":{"id":1001},"chat_id":1002,"text":"x"})");
  BOOST_TEST(wrong.status == 400);
}

BOOST_FIXTURE_TEST_CASE(media_messages_look_like_telegrams, sim_fixture) {
  control.message(R"({"from":{"id":5},"media":"photo","caption":"look"})");
  control.message(R"({"from":{"id":5},"media":"voice"})");
  control.message(R"({"from":{"id":5},"media":"sticker"})");
  auto u = updates();
  BOOST_TEST(u.count("/result/0/message/photo") == 3u);
  BOOST_TEST(u.text("/result/0/message/caption") == "look");
  BOOST_TEST(u.integer("/result/1/message/voice/duration") == 3);
  BOOST_TEST(!u.text("/result/2/message/sticker/file_id").empty());
  BOOST_TEST(u.body.find("\"text\"") == std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(bad_message_injections_are_refused, sim_fixture) {
  struct bad_case {
    const char* body;
    const char* error;
  } cases[] = {
      {"", "body is not valid JSON"},
      {"{", "body is not valid JSON"},
      {"[1]", "body must be a JSON object"},
      {R"({"text":"x"})", "from is required"},
      {R"({"from":1,"text":"x"})", "from must be an object"},
      {R"({"from":{},"text":"x"})", "from.id is required"},
      {R"({"from":{"id":"7"},"text":"x"})", "from.id must be an integer"},
      {R"({"from":{"id":-7},"text":"x"})", "from.id must be positive"},
      {R"({"from":{"id":7,"first_name":3},"text":"x"})",
       "from.first_name must be a string"},
      {R"({"from":{"id":7}})", "exactly one of text and media"},
      {R"({"from":{"id":7},"text":"x","media":"photo"})",
       "exactly one of text and media"},
      {R"({"from":{"id":7},"text":""})", "text must not be empty"},
      {R"({"from":{"id":7},"text":5})", "text must be a string"},
      {R"({"from":{"id":7},"media":"hologram"})", "unknown media kind"},
      {R"({"from":{"id":7},"media":"sticker","caption":"c"})", "caption"},
      {R"({"from":{"id":7},"text":"x","chat_id":1.5})",
       "chat_id must be an integer"},
  };
  for (auto& c : cases) {
    auto a = control.message(c.body);
    BOOST_TEST(a.status == 400, "body " << c.body);
    BOOST_TEST(error_of(a).find(c.error) != std::string::npos,
               error_of(a) << " lacks " << c.error);
  }
  BOOST_TEST(state.stats().updates_injected == 0u);
}

BOOST_FIXTURE_TEST_CASE(oversize_and_odd_text_is_injected_as_given,
                        sim_fixture) {
  // Hostile input for the engine: the simulator does not police users.
  std::string huge(70'000, 'x');
  BOOST_TEST(say(1001, huge).status == 200);
  BOOST_TEST(say(1001, std::string{"nul\0byte", 8}).status == 200);
  auto u = updates();
  BOOST_TEST(u.text("/result/0/message/text").size() == huge.size());
  BOOST_TEST(u.text("/result/1/message/text") == std::string("nul\0byte", 8));
}

BOOST_FIXTURE_TEST_CASE(edits_need_the_users_own_message, sim_fixture) {
  say(1001, "helo");
  send(1001, "bot says");
  auto ok = parse(control.edit(
      R"({"from":{"id":1001},"chat_id":1001,"message_id":1,"text":"hello"})"));
  BOOST_TEST(ok.status == 200);
  auto u = updates();
  BOOST_TEST(u.text("/result/1/edited_message/text") == "hello");
  BOOST_TEST(u.integer("/result/1/edited_message/message_id") == 1);
  BOOST_TEST(u.integer("/result/1/edited_message/edit_date") > 0);
  BOOST_TEST(
      control.edit(R"({"from":{"id":1001},"message_id":2,"text":"x"})").status
      == 400);
  BOOST_TEST(
      control
          .edit(
              R"({"from":{"id":1002},"chat_id":1001,"message_id":1,"text":"x"})")
          .status
      == 400);
  BOOST_TEST(
      control.edit(R"({"from":{"id":1001},"message_id":99,"text":"x"})").status
      == 404);
  BOOST_TEST(control.edit(R"({"from":{"id":1001},"message_id":1})").status
             == 400);
}

BOOST_FIXTURE_TEST_CASE(presses_need_a_bot_message_but_take_any_data,
                        sim_fixture) {
  say(1001, "hi");
  send(1001, "no buttons at all");
  std::string hostile(300, '\x01');
  auto r =
      parse(control.callback(R"({"from":{"id":1001},"message_id":2,"data":)"
                             + bridge::json::quote(hostile) + "}"));
  BOOST_TEST(r.status == 200);
  BOOST_TEST(!r.text("/callback_id").empty());
  BOOST_TEST(
      control.callback(R"({"from":{"id":1001},"message_id":1,"data":"x"})")
          .status
      == 400);
  BOOST_TEST(
      control.callback(R"({"from":{"id":1001},"message_id":9,"data":"x"})")
          .status
      == 404);
  BOOST_TEST(control.callback(R"({"from":{"id":1001},"message_id":2})").status
             == 400);
}

BOOST_FIXTURE_TEST_CASE(raw_updates_must_be_objects, sim_fixture) {
  BOOST_TEST(control.raw_update("[1]").status == 400);
  BOOST_TEST(control.raw_update("nope").status == 400);
  // Raw bytes take anything, even nothing.
  BOOST_TEST(control.raw("").status == 200);
  BOOST_TEST(control.raw(std::string{"\x00\xFF", 2}).status == 200);
  BOOST_TEST(state.stats().raw_injected == 2u);
}

BOOST_FIXTURE_TEST_CASE(a_full_queue_refuses_and_counts, sim_fixture) {
  auto opts = test_options();
  opts.max_pending_updates = 2;
  sim_fixture small{opts};
  BOOST_TEST(small.say(1, "a").status == 200);
  BOOST_TEST(small.say(1, "b").status == 200);
  auto full = small.say(1, "c");
  BOOST_TEST(full.status == 503);
  BOOST_TEST(full.description() == "update queue is full");
  BOOST_TEST(small.control.raw("x").status == 503);
  BOOST_TEST(small.state.stats().updates_refused == 2u);
  small.updates("\"offset\":100");
  BOOST_TEST(small.say(1, "d").status == 200);
}

BOOST_FIXTURE_TEST_CASE(event_reads_check_their_parameters, sim_fixture) {
  say(1001, "hi");
  send(1001, "one");
  send(1001, "two");
  method_args q;
  q.add_text("after", "1");
  q.add_text("limit", "1");
  auto r = parse(control.events(q));
  BOOST_TEST(r.count("/events") == 1u);
  BOOST_TEST(r.integer("/events/0/seq") == 2);
  method_args bad;
  bad.add_text("after", "yesterday");
  BOOST_TEST(control.events(bad).status == 400);
  BOOST_TEST(control.chat_events("abc", {}).status == 400);
  BOOST_TEST(control.chat_events("99999999999999999999", {}).status == 400);
  BOOST_TEST(parse(control.chat_events("555", {})).count("/events") == 0u);
  // A wait with events already there does not wait.
  method_args wait;
  wait.add_text("wait_ms", "60000");
  BOOST_TEST(parse(control.chat_events("1001", wait)).count("/events") == 2u);
}

BOOST_FIXTURE_TEST_CASE(faults_are_checked_before_anything_applies,
                        sim_fixture) {
  say(1001, "hi");
  struct bad_case {
    const char* body;
    const char* error;
  } cases[] = {
      {"nope", "not valid JSON"},
      {R"({"explode":true})", "unknown key explode"},
      {R"({"fail_next":{"count":1}})", "fail_next.method is required"},
      {R"({"fail_next":{"method":"sendPigeon"}})", "unknown Bot API method"},
      {R"({"fail_next":{"method":"getMe","error_code":200}})", "error_code"},
      {R"({"fail_next":{"method":"getMe","count":0}})", "count"},
      {R"({"fail_next":{"method":"getMe","retry_after":0}})", "retry_after"},
      {R"({"latency_ms":-1})", "latency_ms"},
      {R"({"latency_ms":"fast"})", "latency_ms must be an integer"},
      {R"({"limits":{"global_per_second":0}})", "limits.rates"},
      {R"({"limits":{"enabled":"yes"}})", "limits.enabled must be a boolean"},
      {R"({"block_chat":"1001"})", "block_chat must be an integer"},
      {R"({"latency_ms":5,"explode":1})", "unknown key"},
      {R"({"fail_next":{"method":"getMe","after_runing":true}})",
       "fail_next.unknown key after_runing"},
      {R"({"fail_next":{"method":"getMe","after_running":1}})",
       "fail_next.after_running must be a boolean"},
      {R"({"fail_next":{"method":"getMe","answer":"explode"}})",
       "fail_next.answer must be error, hold or drop"},
      {R"({"fail_next":{"method":"getMe","answer":7}})",
       "fail_next.answer must be a string"},
      {R"({"fail_next":{"method":"getMe","answer":"hold","hold_ms":50}})",
       "fail_next.answer hold needs after_running"},
      {R"({"fail_next":{"method":"getMe","after_running":true,
           "answer":"hold"}})",
       "fail_next.hold_ms must be between"},
      {R"({"fail_next":{"method":"getMe","after_running":true,
           "answer":"hold","hold_ms":600001}})",
       "hold_ms must be between"},
      {R"({"fail_next":{"method":"getMe","hold_ms":5}})",
       "fail_next.hold_ms is only for answer hold"},
      {R"({"fail_next":{"method":"sendMessage","chat_id":0}})",
       "fail_next.chat_id must not be 0"},
      {R"({"fail_next":{"method":"sendMessage","chat_id":"1001"}})",
       "fail_next.chat_id must be an integer"},
      {R"({"fail_next":[]})", "fail_next must be an object"},
      {R"({"fail_next":{}})", "fail_next.method is required"},
  };
  for (auto& c : cases) {
    auto a = control.faults(c.body);
    BOOST_TEST(a.status == 400, "body " << c.body);
    BOOST_TEST(error_of(a).find(c.error) != std::string::npos,
               error_of(a) << " lacks " << c.error);
  }
  BOOST_TEST(bot.call("getMe", {}).delay.count() == 0);
  BOOST_TEST(state.stats().faults_fired == 0u);
  BOOST_TEST(control.faults(R"({"block_chat":404})").status == 404);
  BOOST_TEST(control.faults(R"({"block_chat":1001})").status == 200);
  BOOST_TEST(send(1001, "x").status == 403);
  BOOST_TEST(
      control.faults(R"({"unblock_chat":1001,"limits":{"enabled":false}})")
          .status
      == 200);
  BOOST_TEST(!state.limits().enabled);
  BOOST_TEST(state.limits().global_per_second == 30.0);
  for (int i = 0; i < 10; ++i)
    BOOST_TEST(send(1001, "x").ok());
}

BOOST_FIXTURE_TEST_CASE(stats_are_json_with_every_counter, sim_fixture) {
  say(1001, "hi");
  updates();
  auto s = parse(control.stats());
  BOOST_TEST(s.integer("/updates/injected") == 1);
  BOOST_TEST(s.integer("/updates/delivered") == 1);
  BOOST_TEST(s.integer("/updates/pending") == 1);
  BOOST_TEST(s.integer("/get_updates/calls") == 1);
  BOOST_TEST(s.integer("/methods/sendMessage/calls") == 0);
  BOOST_TEST(s.integer("/too_many_requests/total") == 0);
  BOOST_TEST(s.integer("/callback_queries/unanswered") == 0);
  BOOST_TEST(s.integer("/webhook/pushes") == 0);
  BOOST_TEST(s.integer("/events/dropped") == 0);
  BOOST_TEST(s.integer("/chats") == 1);
  BOOST_TEST(parse(control.health()).ok());
}

BOOST_AUTO_TEST_SUITE_END() // tg_sim_control_api
