// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <thread>

#include "domain/command_menu.hpp"
#include "domain/texts.hpp"
#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_conversation)

// What happens around a message on its way: edits, failed and slow
// translations, limits, and a partner who blocked the bot. The fake
// translator makes each outcome certain, so every text is checked whole,
// and each case ends by checking that nothing else arrived.

using namespace bridge::test;
using bridge::domain::render;
using bridge::domain::text_id;

namespace {

struct pair_world {
  sim_world world;
  sim_user ana = make_user(1001, "Ana", "en");
  sim_user bob = make_user(2002, "Bob", "es");

  explicit pair_world(std::vector<std::string> extra = {})
      : world(engine_args(std::move(extra)),
              {"--per-chat-per-second", "100", "--per-chat-burst", "100",
               "--global-per-second", "1000"}) {
    auto code = register_manager(world, ana, "en");
    register_worker(world, bob, "es", code, ana);
  }

  static std::vector<std::string> engine_args(std::vector<std::string> extra) {
    std::vector<std::string> args{
        "--translator.backend=fake", "--sender.per_chat_per_second=100",
        "--sender.per_chat_burst=100", "--sender.global_per_second=1000"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  }

  /// The absence check that ends each case, over both chats.
  void nothing_else() {
    auto extra = arrived_unread(world, {ana.id, bob.id});
    BOOST_TEST(extra.empty(), "arrived unexpectedly:" << extra);
  }

  /// The first event of `method` in a chat, waiting for it.
  sim_event await_event(int64_t chat, const std::string& method) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{30};
    while (std::chrono::steady_clock::now() < deadline) {
      auto events = world.sim().chat_events(chat, 0, std::chrono::seconds{1});
      BOOST_REQUIRE(events);
      for (auto& e : *events)
        if (e.method == method)
          return e;
    }
    BOOST_FAIL("no " << method << " in chat " << chat);
    return {};
  }
};

} // namespace

BOOST_AUTO_TEST_CASE(an_edit_reaches_the_partners_copy) {
  pair_world p;
  auto said = p.world.say(p.ana, "See you at nine");
  auto copy = p.world.next_message(p.bob.id);
  BOOST_TEST(copy.text == fake_copy(p.ana, "es", "See you at nine"));
  BOOST_REQUIRE(
      p.world.sim().edit(p.ana, p.ana.id, said.message_id, "See you at ten"));
  auto edited = p.world.next_event(p.bob.id, "editMessageText");
  BOOST_TEST(edited.message_id == copy.message_id);
  BOOST_TEST(edited.text
             == fake_copy(p.ana, "es", "See you at ten") + " (editado)");
  // An edit of a message the bot never carried is answered plainly.
  auto cmd = p.world.say(p.ana, "/help");
  BOOST_TEST(
      p.world.next_message(p.ana.id).text
      == bridge::domain::help_text(bridge::domain::menu_role::manager, "en"));
  BOOST_REQUIRE(p.world.sim().edit(p.ana, p.ana.id, cmd.message_id,
                                   "not a command any more"));
  BOOST_TEST(p.world.next_message(p.ana.id).text
             == render(text_id::edit_too_old, "en"));
  p.nothing_else();
}

BOOST_AUTO_TEST_CASE(
    only_the_last_eight_messages_of_a_conversation_can_be_edited) {
  pair_world p;
  auto& w = p.world;
  // Nine messages, each delivered before the next is written: Ana's five,
  // then Bob's four. The window is the conversation's last eight
  // deliveries, whoever wrote them: Ana's first is out, her second is in.
  std::vector<int64_t> ana_said, bob_said;
  std::vector<sim_event> to_bob, to_ana;
  std::string copies;
  for (int i = 1; i <= 5; ++i) {
    auto text = "Ana " + std::to_string(i);
    ana_said.push_back(w.say(p.ana, text).message_id);
    to_bob.push_back(w.next_message(p.bob.id));
    BOOST_TEST(to_bob.back().text == fake_copy(p.ana, "es", text));
    copies += (copies.empty() ? "'" : ",'") + to_bob.back().text + "'";
  }
  for (int i = 1; i <= 4; ++i) {
    auto text = "Bob " + std::to_string(i);
    bob_said.push_back(w.say(p.bob, text).message_id);
    to_ana.push_back(w.next_message(p.ana.id));
    BOOST_TEST(to_ana.back().text == fake_copy(p.bob, "en", text));
    copies += ",'" + to_ana.back().text + "'";
  }
  // A copy counts for edits once the sender has Telegram's answer; the
  // sender tells the conversation in the same step that asks for its
  // outbox row to be marked sent, so once all nine rows are marked, the
  // conversation has heard of all nine before it hears of any edit.
  BOOST_REQUIRE_MESSAGE(
      db_eventually(
          w, "SELECT (count(*) = 9)::int FROM outbox WHERE status = 'sent' "
             "AND text IN ("
                 + copies + ")"),
      "the nine copies were not all marked sent; engine log:\n"
          << w.engine().log_tail());

  // The ninth from last: too old, the writer is asked to send it again.
  BOOST_REQUIRE(w.sim().edit(p.ana, p.ana.id, ana_said[0], "Ana 1 edited"));
  BOOST_TEST(w.next_message(p.ana.id).text
             == render(text_id::edit_too_old, "en"));
  // The eighth from last: the partner's copy is edited.
  BOOST_REQUIRE(w.sim().edit(p.ana, p.ana.id, ana_said[1], "Ana 2 edited"));
  auto edited = w.next_event(p.bob.id, "editMessageText");
  BOOST_TEST(edited.message_id == to_bob[1].message_id);
  BOOST_TEST(edited.text
             == fake_copy(p.ana, "es", "Ana 2 edited") + " (editado)");
  // The newest, the other way.
  BOOST_REQUIRE(w.sim().edit(p.bob, p.bob.id, bob_said[3], "Bob 4 edited"));
  auto edited_back = w.next_event(p.ana.id, "editMessageText");
  BOOST_TEST(edited_back.message_id == to_ana[3].message_id);
  BOOST_TEST(edited_back.text
             == fake_copy(p.bob, "en", "Bob 4 edited") + " (edited)");
  p.nothing_else();
}

BOOST_AUTO_TEST_CASE(
    a_failed_translation_is_delivered_untranslated_and_the_writer_told) {
  pair_world p{
      {"--translator.fake_failure_rate=1", "--translator.max_attempts=1"}};
  p.world.say(p.ana, "Check the pallets");
  auto copy = p.world.next_message(p.bob.id);
  BOOST_TEST(copy.text == "Ana: Check the pallets (sin traducir)");
  auto told = p.world.next_message(p.ana.id).text;
  // The reason is the translator's own words, in parentheses.
  auto before = std::string{"Your message could not be translated ("};
  auto after = std::string{"); it was delivered in your language."};
  BOOST_TEST(told.rfind(before, 0) == 0u, told);
  BOOST_TEST(
      (told.size() > before.size() + after.size()
       && told.compare(told.size() - after.size(), after.size(), after) == 0),
      told);
  auto reason =
      told.substr(before.size(), told.size() - before.size() - after.size());
  BOOST_TEST(told == render(text_id::translation_failed, "en", reason));
  p.nothing_else();
}

BOOST_AUTO_TEST_CASE(a_slow_translation_is_announced_as_queued) {
  pair_world p{{"--translator.fake_latency_ms=1500",
                "--translator.queued_notice_after_ms=100"}};
  p.world.say(p.ana, "Slow one");
  BOOST_TEST(p.world.next_message(p.ana.id).text
             == render(text_id::queued, "en"));
  BOOST_TEST(p.world.next_message(p.bob.id).text
             == fake_copy(p.ana, "es", "Slow one"));
  p.nothing_else();
}

BOOST_AUTO_TEST_CASE(the_free_allowance_and_the_rate_limit_answer_clearly) {
  pair_world p{
      {"--session.free_daily_messages=2", "--session.updates_per_minute=8"}};
  // Registration took three updates of Ana's, and accepting Bob a fourth.
  p.world.say(p.ana, "one");
  BOOST_TEST(p.world.next_message(p.bob.id).text
             == fake_copy(p.ana, "es", "one"));
  p.world.say(p.ana, "two");
  BOOST_TEST(p.world.next_message(p.bob.id).text
             == fake_copy(p.ana, "es", "two"));
  p.world.say(p.ana, "three");
  BOOST_TEST(p.world.next_message(p.ana.id).text
             == render(text_id::daily_limit_reached, "en", 2));
  // Workers are not counted against the manager's allowance.
  p.world.say(p.bob, "uno");
  BOOST_TEST(p.world.next_message(p.ana.id).text
             == fake_copy(p.bob, "en", "uno"));
  // Her 8th update is still allowed (and refused by the allowance); the
  // 9th is over 8 a minute: she is told once, and nothing is carried.
  p.world.say(p.ana, "four");
  p.world.say(p.ana, "five");
  p.world.say(p.ana, "six");
  BOOST_TEST(p.world.next_message(p.ana.id).text
             == render(text_id::daily_limit_reached, "en", 2));
  BOOST_TEST(p.world.next_message(p.ana.id).text
             == render(text_id::rate_limited, "en"));
  p.nothing_else();
}

BOOST_AUTO_TEST_CASE(a_partner_who_blocked_the_bot_is_reported) {
  pair_world p;
  BOOST_REQUIRE(p.world.sim().block_chat(p.bob.id));
  p.world.say(p.ana, "Are you there?");
  BOOST_TEST(p.world.next_message(p.ana.id).text
             == render(text_id::partner_unreachable, "en", "Bob"));
  p.nothing_else();
}

BOOST_AUTO_TEST_CASE(idle_actors_passivate_and_come_back_from_the_database) {
  pair_world p{{"--session.passivation_timeout_s=1",
                "--conversation.passivation_timeout_s=1"}};
  p.world.say(p.ana, "before the pause");
  BOOST_TEST(p.world.next_message(p.bob.id).text
             == fake_copy(p.ana, "es", "before the pause"));
  // Wait (bounded) until both sessions and the conversation have stopped.
  auto stopped = [&](const char* actor) {
    return p.world.engine_metric(
        std::string{"bridge_passivations_total{actor=\""} + actor + "\"}");
  };
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{30};
  while ((stopped("session") < 2 || stopped("conversation") < 1)
         && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds{200});
  BOOST_REQUIRE(stopped("session") >= 2);
  BOOST_REQUIRE(stopped("conversation") >= 1);
  BOOST_TEST(p.world.engine_metric("bridge_conversations_active") == 0);
  // Rebuilt from PostgreSQL: registration, the link and the numbering.
  p.world.say(p.ana, "after the pause");
  BOOST_TEST(p.world.next_message(p.bob.id).text
             == fake_copy(p.ana, "es", "after the pause"));
  p.world.say(p.bob, "/history");
  BOOST_TEST(p.world.next_message(p.bob.id).text
             == render(text_id::history_header, "es", 2)
                    + "\nAna: before the pause\n   → [es] before the pause"
                      "\nAna: after the pause\n   → [es] after the pause");
  p.nothing_else();
}

BOOST_AUTO_TEST_CASE(emoji_and_right_to_left_text_arrive_intact) {
  pair_world p;
  // Emoji (outside the BMP: two UTF-16 units each), Hebrew and Arabic
  // (right to left), a combining accent and quotes that JSON escapes.
  const std::string text =
      "👍🏽 שלום مرحبا e\xcc\x81 \"quoted\" \\ back";
  p.world.say(p.ana, text);
  auto copy = p.world.next_message(p.bob.id);
  BOOST_TEST(copy.text == "Ana: [es] " + text);
  // Emoji alone has nothing to translate: it is passed on as it is.
  p.world.say(p.bob, "🙂");
  BOOST_TEST(p.world.next_message(p.ana.id).text == "Bob: 🙂");
  p.nothing_else();
}

namespace {

/// The partner chat's events of `method`, up to now.
size_t count_events(pair_world& p, int64_t chat, const std::string& method) {
  auto events =
      p.world.sim().chat_events(chat, 0, std::chrono::milliseconds{0});
  BOOST_REQUIRE(events);
  return static_cast<size_t>(
      std::count_if(events->begin(), events->end(),
                    [&](const sim_event& e) { return e.method == method; }));
}

} // namespace

BOOST_AUTO_TEST_CASE(
    the_partner_sees_typing_only_while_a_translation_takes_long) {
  pair_world p{{"--translator.fake_latency_ms=1500",
                "--conversation.typing_delay_ms=100"}};
  p.world.say(p.ana, "Slow one");
  auto typing = p.await_event(p.bob.id, "sendChatAction");
  BOOST_TEST(typing.action == "typing");
  auto copy = p.world.next_message(p.bob.id);
  BOOST_TEST(copy.text == fake_copy(p.ana, "es", "Slow one"));
  BOOST_TEST(typing.seq < copy.seq);
  p.nothing_else();
}

BOOST_AUTO_TEST_CASE(a_quick_translation_arrives_without_typing) {
  // A minute is far beyond the fake translator's answer, on any machine.
  pair_world p{{"--conversation.typing_delay_ms=60000"}};
  p.world.say(p.ana, "Quick one");
  BOOST_TEST(p.world.next_message(p.bob.id).text
             == fake_copy(p.ana, "es", "Quick one"));
  p.world.say(p.bob, "Rapido");
  BOOST_TEST(p.world.next_message(p.ana.id).text
             == fake_copy(p.bob, "en", "Rapido"));
  BOOST_TEST(count_events(p, p.bob.id, "sendChatAction") == 0u);
  BOOST_TEST(count_events(p, p.ana.id, "sendChatAction") == 0u);
  p.nothing_else();
}

BOOST_AUTO_TEST_CASE(a_typing_delay_of_zero_shows_typing_at_once) {
  pair_world p{{"--conversation.typing_delay_ms=0"}};
  p.world.say(p.ana, "Quick one");
  auto copy = p.world.next_message(p.bob.id);
  BOOST_TEST(copy.text == fake_copy(p.ana, "es", "Quick one"));
  auto typing = p.await_event(p.bob.id, "sendChatAction");
  BOOST_TEST(typing.seq < copy.seq);
  p.nothing_else();
}

BOOST_AUTO_TEST_SUITE_END() // e2e_conversation
