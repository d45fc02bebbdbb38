#define BOOST_TEST_MODULE e2e.conversation
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <thread>

#include "tests/support/team.hpp"

// What happens around a message on its way: edits, failed and slow
// translations, limits, and a partner who blocked the bot. The fake
// translator makes each outcome certain.

using namespace bridge::test;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

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
    std::vector<std::string> args{"--translator.backend=fake",
                                  "--sender.per_chat_per_second=100",
                                  "--sender.per_chat_burst=100",
                                  "--sender.global_per_second=1000"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
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
  BOOST_TEST(contains(copy.text, "[es] See you at nine"), copy.text);
  BOOST_REQUIRE(p.world.sim().edit(p.ana, p.ana.id, said.message_id,
                                   "See you at ten"));
  auto edited = p.await_event(p.bob.id, "editMessageText");
  BOOST_TEST(edited.message_id == copy.message_id);
  BOOST_TEST(contains(edited.text, "[es] See you at ten"), edited.text);
  BOOST_TEST(contains(edited.text, "(editado)"), edited.text);
  // An edit of a message the bot never carried is answered plainly.
  auto cmd = p.world.say(p.ana, "/help");
  p.world.next_message(p.ana.id);
  BOOST_REQUIRE(p.world.sim().edit(p.ana, p.ana.id, cmd.message_id,
                                   "not a command any more"));
  auto refused = p.world.next_message(p.ana.id);
  BOOST_TEST(contains(refused.text, "edits of recent messages"), refused.text);
}

BOOST_AUTO_TEST_CASE(a_failed_translation_is_delivered_untranslated_and_the_writer_told) {
  pair_world p{{"--translator.fake_failure_rate=1", "--translator.max_attempts=1"}};
  p.world.say(p.ana, "Check the pallets");
  auto copy = p.world.next_message(p.bob.id);
  BOOST_TEST(contains(copy.text, "Ana: Check the pallets"), copy.text);
  BOOST_TEST(contains(copy.text, "(sin traducir)"), copy.text);
  auto told = p.world.next_message(p.ana.id);
  BOOST_TEST(contains(told.text, "could not be translated"), told.text);
}

BOOST_AUTO_TEST_CASE(a_slow_translation_is_announced_as_queued) {
  pair_world p{{"--translator.fake_latency_ms=1500",
                "--translator.queued_notice_after_ms=100"}};
  p.world.say(p.ana, "Slow one");
  auto notice = p.world.next_message(p.ana.id);
  BOOST_TEST(contains(notice.text, "queued"), notice.text);
  auto copy = p.world.next_message(p.bob.id);
  BOOST_TEST(contains(copy.text, "[es] Slow one"), copy.text);
}

BOOST_AUTO_TEST_CASE(the_free_allowance_and_the_rate_limit_answer_clearly) {
  pair_world p{{"--session.free_daily_messages=2", "--session.updates_per_minute=7"}};
  // Registration took three updates of Ana's.
  p.world.say(p.ana, "one");
  p.world.next_message(p.bob.id);
  p.world.say(p.ana, "two");
  p.world.next_message(p.bob.id);
  p.world.say(p.ana, "three");
  auto refused = p.world.next_message(p.ana.id);
  BOOST_TEST(contains(refused.text, "free messages"), refused.text);
  // Workers are not counted against the manager's allowance.
  p.world.say(p.bob, "uno");
  BOOST_TEST(contains(p.world.next_message(p.ana.id).text, "[en] uno"));
  // Her 7th update is still allowed (and refused by the allowance); the
  // 8th is over 7 a minute: she is told once, and nothing is carried.
  p.world.say(p.ana, "four");
  p.world.say(p.ana, "five");
  p.world.say(p.ana, "six");
  BOOST_TEST(contains(p.world.next_message(p.ana.id).text, "free messages"));
  auto slow_down = p.world.next_message(p.ana.id);
  BOOST_TEST(contains(slow_down.text, "too fast"), slow_down.text);
  BOOST_TEST(p.world.await_messages(p.bob.id, 1, std::chrono::milliseconds{500}).empty());
  BOOST_TEST(p.world.await_messages(p.ana.id, 1, std::chrono::milliseconds{500}).empty());
}

BOOST_AUTO_TEST_CASE(a_partner_who_blocked_the_bot_is_reported) {
  pair_world p;
  BOOST_REQUIRE(p.world.sim().block_chat(p.bob.id));
  p.world.say(p.ana, "Are you there?");
  auto told = p.world.next_message(p.ana.id);
  BOOST_TEST(contains(told.text, "Bob cannot receive messages"), told.text);
}

BOOST_AUTO_TEST_CASE(idle_actors_passivate_and_come_back_from_the_database) {
  pair_world p{{"--session.passivation_timeout_s=1",
                "--conversation.passivation_timeout_s=1"}};
  p.world.say(p.ana, "before the pause");
  p.world.next_message(p.bob.id);
  // Wait (bounded) until both sessions and the conversation have stopped.
  auto stopped = [&](const char* actor) {
    return p.world.engine_metric(std::string{"bridge_passivations_total{actor=\""}
                                 + actor + "\"}");
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
  BOOST_TEST(contains(p.world.next_message(p.bob.id).text, "[es] after the pause"));
  p.world.say(p.bob, "/history");
  auto history = p.world.next_message(p.bob.id).text;
  auto first = history.find("before the pause");
  auto second = history.find("after the pause");
  BOOST_TEST((first != std::string::npos && second != std::string::npos
              && first < second), history);
}

BOOST_AUTO_TEST_CASE(emoji_and_right_to_left_text_arrive_intact) {
  pair_world p;
  // Emoji (outside the BMP: two UTF-16 units each), Hebrew and Arabic
  // (right to left), a combining accent and quotes that JSON escapes.
  const std::string text = "👍🏽 שלום مرحبا e\xcc\x81 \"quoted\" \\ back";
  p.world.say(p.ana, text);
  auto copy = p.world.next_message(p.bob.id);
  BOOST_TEST(copy.text == "Ana: [es] " + text);
  // Emoji alone has nothing to translate: it is passed on as it is.
  p.world.say(p.bob, "🙂");
  BOOST_TEST(p.world.next_message(p.ana.id).text == "Bob: 🙂");
}

namespace {

/// The partner chat's events of `method`, up to now.
size_t count_events(pair_world& p, int64_t chat, const std::string& method) {
  auto events = p.world.sim().chat_events(chat, 0, std::chrono::milliseconds{0});
  BOOST_REQUIRE(events);
  return static_cast<size_t>(std::count_if(
    events->begin(), events->end(), [&](const sim_event& e) { return e.method == method; }));
}

} // namespace

BOOST_AUTO_TEST_CASE(the_partner_sees_typing_only_while_a_translation_takes_long) {
  pair_world p{{"--translator.fake_latency_ms=1500",
                "--conversation.typing_delay_ms=100"}};
  p.world.say(p.ana, "Slow one");
  auto typing = p.await_event(p.bob.id, "sendChatAction");
  BOOST_TEST(typing.action == "typing");
  auto copy = p.world.next_message(p.bob.id);
  BOOST_TEST(contains(copy.text, "[es] Slow one"), copy.text);
  BOOST_TEST(typing.seq < copy.seq);
}

BOOST_AUTO_TEST_CASE(a_quick_translation_arrives_without_typing) {
  // A minute is far beyond the fake translator's answer, on any machine.
  pair_world p{{"--conversation.typing_delay_ms=60000"}};
  p.world.say(p.ana, "Quick one");
  p.world.next_message(p.bob.id);
  p.world.say(p.bob, "Rapido");
  p.world.next_message(p.ana.id);
  BOOST_TEST(count_events(p, p.bob.id, "sendChatAction") == 0u);
  BOOST_TEST(count_events(p, p.ana.id, "sendChatAction") == 0u);
}

BOOST_AUTO_TEST_CASE(a_typing_delay_of_zero_shows_typing_at_once) {
  pair_world p{{"--conversation.typing_delay_ms=0"}};
  p.world.say(p.ana, "Quick one");
  auto copy = p.world.next_message(p.bob.id);
  auto typing = p.await_event(p.bob.id, "sendChatAction");
  BOOST_TEST(typing.seq < copy.seq);
}
