// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "sim_fixture.hpp"

BOOST_AUTO_TEST_SUITE(tg_sim_sending)

using namespace tg_sim_test;
using namespace std::chrono_literals;

namespace {

const std::string buttons_markup =
    R"(,"reply_markup":{"inline_keyboard":[[{"text":"Manager","callback_data":"role:m"},{"text":"Worker","callback_data":"role:w"}]]})";

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i)
    out += s;
  return out;
}

/// A fixture whose send limits do not get in the way.
struct unlimited : sim_fixture {
  unlimited() : sim_fixture(opts()) {}
  static sim_options opts() {
    auto o = test_options();
    o.limits.enabled = false;
    return o;
  }
};

} // namespace

BOOST_FIXTURE_TEST_CASE(send_message_answers_a_real_message, sim_fixture) {
  say(1001, "hola");
  auto r = send(1001, "Welcome", buttons_markup);
  BOOST_TEST(r.ok());
  BOOST_TEST(r.integer("/result/message_id") == 2); // after the user's 1
  BOOST_TEST(r.integer("/result/from/id") == 42);
  BOOST_TEST(r.text("/result/from/username") == "bridge_sim_bot");
  BOOST_TEST(r.integer("/result/chat/id") == 1001);
  BOOST_TEST(r.text("/result/chat/type") == "private");
  BOOST_TEST(r.text("/result/chat/first_name") == "U1001");
  BOOST_TEST(r.text("/result/text") == "Welcome");
  BOOST_TEST(r.text("/result/reply_markup/inline_keyboard/0/1/callback_data")
             == "role:w");
  BOOST_TEST(r.integer("/result/date") == clock->unix_ms() / 1000);

  auto ev = events(1001);
  BOOST_TEST(ev.count("/events") == 1u);
  BOOST_TEST(ev.text("/events/0/method") == "sendMessage");
  BOOST_TEST(ev.integer("/events/0/message_id") == 2);
  BOOST_TEST(ev.text("/events/0/text") == "Welcome");
  BOOST_TEST(ev.text("/events/0/buttons/0/0/text") == "Manager");
  BOOST_TEST(ev.text("/events/0/buttons/0/0/data") == "role:m");
  BOOST_TEST(ev.integer("/events/0/at_ms") == clock->unix_ms());
}

BOOST_FIXTURE_TEST_CASE(unknown_and_malformed_chats_are_refused, sim_fixture) {
  BOOST_TEST(send(1001, "hi").description() == "Bad Request: chat not found");
  BOOST_TEST(call("sendMessage", R"({"text":"hi"})").description()
             == "Bad Request: chat_id is empty");
  BOOST_TEST(call("sendMessage", R"({"chat_id":"@somebody","text":"hi"})")
                 .description()
             == "Bad Request: chat not found");
  BOOST_TEST(call("sendMessage", R"({"chat_id":[1],"text":"hi"})").status
             == 400);
  BOOST_TEST(state.stats().methods[2].failures == 4u);
}

BOOST_FIXTURE_TEST_CASE(text_length_counts_utf16_units, unlimited) {
  say(1001, "hola");
  BOOST_TEST(send(1001, std::string(4096, 'a')).ok());
  BOOST_TEST(send(1001, std::string(4097, 'a')).description()
             == "Bad Request: message is too long");
  // An emoji outside the BMP counts two units.
  auto emoji = std::string{"\xF0\x9F\x98\x80"};
  BOOST_TEST(send(1001, repeat(emoji, 2048)).ok());
  BOOST_TEST(send(1001, repeat(emoji, 2048) + "a").status == 400);
  // Two-byte letters count one.
  BOOST_TEST(send(1001, repeat("\xD0\x96", 4096)).ok());
  BOOST_TEST(send(1001, repeat("\xD0\x96", 4097)).status == 400);
}

BOOST_FIXTURE_TEST_CASE(empty_and_blank_texts_are_refused, sim_fixture) {
  say(1001, "hola");
  for (auto body :
       {R"({"chat_id":1001,"text":""})", R"({"chat_id":1001,"text":" \n\t "})",
        R"({"chat_id":1001})", R"({"chat_id":1001,"text":null})"})
    BOOST_TEST(call("sendMessage", body).description()
                   == "Bad Request: message text is empty",
               body);
  BOOST_TEST(events(1001).count("/events") == 0u);
}

BOOST_FIXTURE_TEST_CASE(text_from_a_form_must_be_utf8, sim_fixture) {
  say(1001, "hola");
  method_args args;
  parse_form("chat_id=1001&text=%FF%FE", args);
  BOOST_TEST(parse(bot.call("sendMessage", args)).description()
             == "Bad Request: strings must be encoded in UTF-8");
}

BOOST_FIXTURE_TEST_CASE(a_blocked_chat_answers_403, sim_fixture) {
  say(1001, "hola");
  BOOST_TEST(state.set_blocked(1001, true));
  auto r = send(1001, "are you there?");
  BOOST_TEST(r.status == 403);
  BOOST_TEST(r.description() == "Forbidden: bot was blocked by the user");
  BOOST_TEST(
      call("sendChatAction", R"({"chat_id":1001,"action":"typing"})").status
      == 403);
  BOOST_TEST(state.set_blocked(1001, false));
  BOOST_TEST(send(1001, "welcome back").ok());
  BOOST_TEST(!state.set_blocked(999, true));
}

BOOST_FIXTURE_TEST_CASE(per_chat_limit_answers_429_until_the_wait_passes,
                        sim_fixture) {
  say(1001, "hola");
  for (int i = 0; i < 3; ++i)
    BOOST_TEST(send(1001, "m" + std::to_string(i)).ok());
  auto r = send(1001, "too fast");
  BOOST_TEST(r.status == 429);
  BOOST_TEST(r.description() == "Too Many Requests: retry after 1");
  BOOST_TEST(r.integer("/parameters/retry_after") == 1);
  BOOST_TEST(events(1001).count("/events") == 3u); // not delivered
  clock->advance(1s);
  BOOST_TEST(send(1001, "patient").ok());
  auto s = state.stats();
  BOOST_TEST(s.too_many_requests == 1u);
  BOOST_TEST(s.limited_chat == 1u);
}

BOOST_FIXTURE_TEST_CASE(global_limit_answers_429_across_chats, sim_fixture) {
  for (int i = 0; i < 31; ++i)
    say(2000 + i, "hi");
  for (int i = 0; i < 30; ++i)
    BOOST_TEST(send(2000 + i, "x").ok());
  auto r = send(2030, "x");
  BOOST_TEST(r.status == 429);
  BOOST_TEST(r.integer("/parameters/retry_after") == 1);
  BOOST_TEST(state.stats().limited_global == 1u);
  clock->advance(1s);
  BOOST_TEST(send(2030, "x").ok());
}

BOOST_FIXTURE_TEST_CASE(group_limit_is_twenty_a_minute, sim_fixture) {
  auto opts = state.limits();
  opts.per_chat_burst = 1000;
  opts.per_chat_per_second = 1000;
  state.set_limits(opts);
  say(1001, "hello group", -100500);
  for (int i = 0; i < 20; ++i) {
    BOOST_TEST(send(-100500, "g").ok());
    clock->advance(50ms);
  }
  auto r = send(-100500, "g");
  BOOST_TEST(r.status == 429);
  BOOST_TEST(r.integer("/parameters/retry_after") == 2);
  BOOST_TEST(state.stats().limited_group == 1u);
  clock->advance(2s);
  BOOST_TEST(send(-100500, "g").ok());
}

BOOST_FIXTURE_TEST_CASE(edits_check_the_message_and_its_content, unlimited) {
  say(1001, "hola");
  auto sent = send(1001, "Pick one", buttons_markup);
  auto id = std::to_string(sent.integer("/result/message_id"));
  auto edit = [&](const std::string& members) {
    return call("editMessageText", R"({"chat_id":1001,)" + members + "}");
  };
  BOOST_TEST(edit(R"("message_id":77,"text":"x")").description()
             == "Bad Request: message to edit not found");
  BOOST_TEST(edit(R"("message_id":1,"text":"x")").description()
             == "Bad Request: message can't be edited");
  BOOST_TEST(edit(R"("text":"x")").description()
             == "Bad Request: message to edit not found");
  auto same =
      edit(R"("message_id":)" + id + R"(,"text":"Pick one")" + buttons_markup);
  BOOST_TEST(same.status == 400);
  BOOST_TEST(same.description().rfind(
                 "Bad Request: message is not modified: specified new message "
                 "content and reply markup are exactly the same",
                 0)
             == 0u);
  // Same text, buttons_markup dropped: a real change.
  auto dropped = edit(R"("message_id":)" + id + R"(,"text":"Pick one")");
  BOOST_TEST(dropped.ok());
  BOOST_TEST(dropped.body.find("reply_markup") == std::string::npos);
  auto changed = edit(R"("message_id":)" + id + R"(,"text":"Done")");
  BOOST_TEST(changed.text("/result/text") == "Done");
  BOOST_TEST(changed.integer("/result/edit_date") == clock->unix_ms() / 1000);
  BOOST_TEST(edit(R"("message_id":)" + id + R"(,"text":"")").status == 400);
  auto ev = events(1001);
  BOOST_TEST(ev.count("/events") == 3u);
  BOOST_TEST(ev.text("/events/2/method") == "editMessageText");
  BOOST_TEST(ev.text("/events/2/text") == "Done");
  BOOST_TEST(ev.integer("/events/2/message_id")
             == sent.integer("/result/message_id"));
}

BOOST_FIXTURE_TEST_CASE(callback_queries_are_tracked_until_answered,
                        sim_fixture) {
  say(1001, "hola");
  auto sent = send(1001, "Pick", buttons_markup);
  auto pressed = parse(
      control.callback(R"({"from":{"id":1001},"message_id":)"
                       + std::to_string(sent.integer("/result/message_id"))
                       + R"(,"data":"role:m"})"));
  auto cb = pressed.text("/callback_id");
  BOOST_TEST(state.stats().callback_unanswered == 1u);

  auto r = updates();
  BOOST_TEST(r.text("/result/1/callback_query/id") == cb);
  BOOST_TEST(r.text("/result/1/callback_query/data") == "role:m");
  BOOST_TEST(r.text("/result/1/callback_query/message/text") == "Pick");
  BOOST_TEST(r.text("/result/1/callback_query/from/first_name") == "U1001");

  BOOST_TEST(call("answerCallbackQuery",
                  R"({"callback_query_id":")" + cb + R"(","text":"Saved"})")
                 .ok());
  BOOST_TEST(state.stats().callback_unanswered == 0u);
  BOOST_TEST(state.stats().callback_queries == 1u);
  auto twice =
      call("answerCallbackQuery", R"({"callback_query_id":")" + cb + R"("})");
  BOOST_TEST(twice.status == 400);
  BOOST_TEST(twice.description().find("query ID is invalid")
             != std::string::npos);
  BOOST_TEST(
      call("answerCallbackQuery", R"({"callback_query_id":"nope"})").status
      == 400);
  BOOST_TEST(call("answerCallbackQuery", "{}").status == 400);
  auto ev = events(1001);
  BOOST_TEST(ev.text("/events/1/method") == "answerCallbackQuery");
  BOOST_TEST(ev.text("/events/1/callback_id") == cb);
  BOOST_TEST(ev.text("/events/1/text") == "Saved");
}

BOOST_FIXTURE_TEST_CASE(chat_actions_are_recorded_and_checked, sim_fixture) {
  say(1001, "hola");
  BOOST_TEST(
      call("sendChatAction", R"({"chat_id":1001,"action":"typing"})").ok());
  BOOST_TEST(call("sendChatAction", R"({"chat_id":1001,"action":"dancing"})")
                 .description()
             == "Bad Request: wrong parameter action in request");
  BOOST_TEST(call("sendChatAction", R"({"chat_id":1001})").status == 400);
  BOOST_TEST(call("sendChatAction", R"({"chat_id":5,"action":"typing"})").status
             == 400);
  auto ev = events(1001);
  BOOST_TEST(ev.count("/events") == 1u);
  BOOST_TEST(ev.text("/events/0/action") == "typing");
  BOOST_TEST(ev.body.find("message_id") == std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(armed_faults_fire_then_disarm, sim_fixture) {
  say(1001, "hola");
  BOOST_TEST(parse(control.faults(
                       R"({"fail_next":{"method":"sendmessage","count":2,
                                      "error_code":429,"retry_after":3}})"))
                 .ok());
  for (int i = 0; i < 2; ++i) {
    auto r = send(1001, "x");
    BOOST_TEST(r.status == 429);
    BOOST_TEST(r.integer("/parameters/retry_after") == 3);
    BOOST_TEST(r.description() == "Too Many Requests: retry after 3");
  }
  BOOST_TEST(send(1001, "x").ok());
  BOOST_TEST(events(1001).count("/events") == 1u);

  control.faults(R"({"fail_next":{"method":"sendMessage","error_code":502}})");
  auto gateway = bot.call("sendMessage", {});
  BOOST_TEST(gateway.status == 502);
  BOOST_TEST(std::string{gateway.content_type} == "text/html");
  BOOST_TEST(gateway.body.find("502 Bad Gateway") != std::string::npos);

  control.faults(R"({"fail_next":{"method":"getUpdates","error_code":400,
                                  "description":"Bad Request: odd"}})");
  BOOST_TEST(call("getUpdates").description() == "Bad Request: odd");
  control.faults(R"({"fail_next":{"method":"getMe","error_code":500}})");
  BOOST_TEST(call("getMe").description() == "Internal Server Error");
  BOOST_TEST(call("getMe").ok());
  auto s = state.stats();
  BOOST_TEST(s.faults_fired == 5u);
  BOOST_TEST(s.too_many_requests == 2u);
}

BOOST_FIXTURE_TEST_CASE(a_fault_after_running_delivers_then_fails_the_answer,
                        sim_fixture) {
  say(1001, "hola");
  BOOST_TEST(parse(control.faults(R"({"fail_next":{"method":"sendMessage",
      "count":2,"after_running":true,"error_code":500}})"))
                 .ok());
  for (int i = 0; i < 2; ++i)
    BOOST_TEST(send(1001, "sent " + std::to_string(i)).status == 500);
  BOOST_TEST(send(1001, "sent 2").ok());
  // Every call ran: the messages are in the chat despite the errors.
  auto ev = events(1001);
  BOOST_TEST(ev.count("/events") == 3u);
  BOOST_TEST(ev.text("/events/0/text") == "sent 0");
  BOOST_TEST(state.stats().faults_fired == 2u);

  control.faults(R"({"fail_next":{"method":"sendMessage","after_running":true,
                                  "error_code":502}})");
  BOOST_TEST(bot.call("sendMessage", {}).status == 502);
}

BOOST_FIXTURE_TEST_CASE(a_held_or_dropped_answer_comes_after_the_send,
                        sim_fixture) {
  say(1001, "hola");
  control.faults(R"({"latency_ms":10})");
  control.faults(R"({"fail_next":{"method":"sendMessage","after_running":true,
                                  "answer":"hold","hold_ms":30000}})");
  method_args args;
  args.add_text("chat_id", "1001");
  args.add_text("text", "held");
  auto held = bot.call("sendMessage", args);
  BOOST_TEST(held.status == 200);
  BOOST_TEST(!held.drop);
  BOOST_TEST(held.delay.count() == 30010);

  control.faults(R"({"fail_next":{"method":"sendMessage","after_running":true,
                                  "answer":"drop"}})");
  args = {};
  args.add_text("chat_id", "1001");
  args.add_text("text", "dropped");
  BOOST_TEST(bot.call("sendMessage", args).drop);
  BOOST_TEST(!bot.call("sendMessage", args).drop);
  auto ev = events(1001);
  BOOST_TEST(ev.count("/events") == 3u);
  BOOST_TEST(ev.text("/events/0/text") == "held");
  BOOST_TEST(ev.text("/events/1/text") == "dropped");

  // Dropped before running: nothing is sent.
  control.faults(R"({"fail_next":{"method":"sendMessage","answer":"drop"}})");
  BOOST_TEST(bot.call("sendMessage", args).drop);
  BOOST_TEST(events(1001).count("/events") == 3u);
}

BOOST_FIXTURE_TEST_CASE(a_fault_bound_to_a_chat_spares_the_others,
                        sim_fixture) {
  say(1001, "hola");
  say(2002, "hello");
  control.faults(R"({"fail_next":{"method":"sendMessage","chat_id":1001,
                                  "count":2,"error_code":429,
                                  "retry_after":5}})");
  control.faults(R"({"fail_next":{"method":"sendMessage","count":1,
                                  "error_code":500}})");
  // The chat's own fault comes first; the one for every chat waits.
  BOOST_TEST(send(1001, "a").status == 429);
  BOOST_TEST(send(2002, "b").status == 500);
  BOOST_TEST(send(2002, "c").ok());
  BOOST_TEST(send(1001, "d").status == 429);
  BOOST_TEST(send(1001, "e").ok());
  // Arming the same method and chat again replaces the fault.
  control.faults(R"({"fail_next":{"method":"sendMessage","chat_id":1001,
                                  "count":5,"error_code":429}})");
  control.faults(R"({"fail_next":{"method":"sendMessage","chat_id":1001,
                                  "count":1,"error_code":503}})");
  BOOST_TEST(send(1001, "f").status == 503);
  BOOST_TEST(send(1001, "g").ok());
}

BOOST_FIXTURE_TEST_CASE(latency_is_handed_to_the_transport, sim_fixture) {
  control.faults(R"({"latency_ms":250})");
  BOOST_TEST(bot.call("getMe", {}).delay.count() == 250);
}

BOOST_FIXTURE_TEST_CASE(unknown_methods_and_tokens, sim_fixture) {
  auto r = call("sendPigeon");
  BOOST_TEST(r.status == 404);
  BOOST_TEST(r.description() == "Not Found");
  BOOST_TEST(call("").status == 404);
  auto u = parse(bot.unauthorized());
  BOOST_TEST(u.status == 401);
  BOOST_TEST(
      u.body
      == R"({"ok":false,"error_code":401,"description":"Unauthorized"})");
  // Method names ignore case, as Telegram's do.
  BOOST_TEST(call("GETME").ok());
  auto s = state.stats();
  BOOST_TEST(s.unknown_methods == 2u);
  BOOST_TEST(s.unauthorized == 1u);
}

BOOST_AUTO_TEST_CASE(the_event_log_keeps_its_bound) {
  auto opts = test_options();
  opts.max_events = 3;
  opts.limits.enabled = false;
  sim_fixture f{opts};
  f.say(1001, "hola");
  for (int i = 0; i < 5; ++i)
    f.send(1001, "m" + std::to_string(i));
  auto ev = f.events(1001);
  BOOST_TEST(ev.count("/events") == 3u);
  BOOST_TEST(ev.text("/events/0/text") == "m2");
  auto s = f.state.stats();
  BOOST_TEST(s.events_dropped == 2u);
  BOOST_TEST(s.events_retained == 3u);
  BOOST_TEST(s.last_seq == 5);
}

BOOST_AUTO_TEST_CASE(messages_per_chat_are_bounded) {
  auto opts = test_options();
  opts.max_messages_per_chat = 2;
  opts.limits.enabled = false;
  sim_fixture f{opts};
  f.say(1001, "hola");
  f.send(1001, "a");
  f.send(1001, "b");
  f.send(1001, "c");
  // Only 3 and 4 are kept; 2 ("a") is as good as deleted.
  BOOST_TEST(
      f.call("editMessageText", R"({"chat_id":1001,"message_id":2,"text":"x"})")
          .description()
      == "Bad Request: message to edit not found");
  BOOST_TEST(
      f.call("editMessageText", R"({"chat_id":1001,"message_id":4,"text":"x"})")
          .ok());
}

BOOST_AUTO_TEST_SUITE_END() // tg_sim_sending
