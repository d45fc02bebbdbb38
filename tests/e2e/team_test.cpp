// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <regex>
#include <tuple>

#include "domain/command_menu.hpp"
#include "domain/registration.hpp"
#include "domain/texts.hpp"
#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_team)

// A manager and a worker who share no language, through tg-sim and the
// real engine with Apertium, PostgreSQL and Redis: registration in both
// languages, translated messages both ways, and every command. What the
// bot says itself is checked word for word (its texts in the user's
// language); with the fake translator so are the partners' copies, and
// with Apertium the words a translation must carry. Each case ends by
// checking that nothing else arrived.

using namespace bridge::test;
using bridge::domain::render;
using bridge::domain::text_id;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// Telegram's per-chat limit would make a long dialogue slow; the limits
/// themselves are tested in the sender's and tg-sim's suites. On a busy
/// machine Apertium can take seconds, and the writer would be told the
/// message is queued (conversation_test checks that notice): not here,
/// where every message the bot sends is counted.
std::vector<std::string> fast_engine() {
  return {"--sender.per_chat_per_second=100", "--sender.per_chat_burst=100",
          "--sender.global_per_second=1000",
          "--translator.queued_notice_after_ms=600000"};
}

std::vector<std::string> fast_sim() {
  return {"--per-chat-per-second", "100", "--per-chat-burst", "100",
          "--global-per-second",   "1000"};
}

std::vector<std::string> fake_engine() {
  auto args = fast_engine();
  args.push_back("--translator.backend=fake");
  return args;
}

/// Ana (manager, English) and Bob (worker, Spanish), paired; Apertium
/// translates unless the engine is given other arguments.
struct team {
  sim_world world;
  sim_user ana = make_user(1001, "Ana", "en");
  sim_user bob = make_user(2002, "Bob", "es");
  std::string code;

  explicit team(std::vector<std::string> engine = fast_engine())
      : world{std::move(engine), fast_sim()} {
    code = register_manager(world, ana, "en");
    register_worker(world, bob, "es", code, ana);
  }

  /// `u` says `text`; the bot's answer in `u`'s chat.
  sim_event ask(const sim_user& u, const std::string& text) {
    world.say(u, text);
    return world.next_message(u.id);
  }
};

/// The same pair with the fake translator, whose copies are predictable.
struct fake_team : team {
  fake_team() : team{fake_engine()} {}
};

/// Every language button of a keyboard, as (data, text): each must carry
/// the name of the language it chooses.
void check_language_buttons(const sim_event& m) {
  size_t n = 0;
  for (const auto& row : m.buttons)
    for (const auto& b : row) {
      auto pressed = bridge::domain::parse_button(b.data);
      BOOST_TEST((pressed.kind == bridge::domain::button_kind::language),
                 b.data);
      BOOST_TEST(b.text == bridge::domain::language_name(pressed.value),
                 b.data);
      ++n;
    }
  BOOST_TEST(n >= 2u, m.text);
}

/// Registers `u` as a manager through the dialogue, checking each of the
/// bot's texts in `lang`; returns the code.
std::string register_manager_exactly(sim_world& w, const sim_user& u,
                                     const std::string& lang) {
  w.say(u, "/start");
  auto welcome = w.next_message(u.id);
  BOOST_TEST(welcome.text
             == render(text_id::welcome, u.language_code) + "\n"
                    + render(text_id::choose_role, u.language_code));
  BOOST_REQUIRE_EQUAL(welcome.buttons.size(), 1u);
  BOOST_REQUIRE_EQUAL(welcome.buttons[0].size(), 2u);
  BOOST_TEST(welcome.buttons[0][0].text
             == render(text_id::role_manager, u.language_code));
  BOOST_TEST(welcome.buttons[0][0].data == "role:manager");
  BOOST_TEST(welcome.buttons[0][1].text
             == render(text_id::role_worker, u.language_code));
  BOOST_TEST(welcome.buttons[0][1].data == "role:worker");
  press_button(w, u, welcome, "role:manager");
  auto langs = w.next_message(u.id);
  BOOST_TEST(langs.text == render(text_id::choose_language, u.language_code));
  check_language_buttons(langs);
  press_button(w, u, langs, "lang:" + lang);
  auto ready = w.next_message(u.id);
  auto code = find_code(ready.text);
  BOOST_REQUIRE_MESSAGE(!code.empty(), ready.text);
  // The whole sentence, so a code of another shape (which the search
  // above would cut to size) does not pass; tg-sim's getMe names the bot
  // of the link.
  BOOST_TEST(ready.text
             == render(text_id::manager_ready, lang, code) + "\n"
                    + render(text_id::join_link_line, lang,
                             "https://t.me/bridge_sim_bot?start=" + code));
  return code;
}

/// Registers `u` as a worker of `manager` with `code`, checking each text.
void register_worker_exactly(sim_world& w, const sim_user& u,
                             const std::string& lang, const std::string& code,
                             const sim_user& manager,
                             const std::string& manager_lang) {
  w.say(u, "/start");
  auto welcome = w.next_message(u.id);
  BOOST_TEST(welcome.text
             == render(text_id::welcome, u.language_code) + "\n"
                    + render(text_id::choose_role, u.language_code));
  press_button(w, u, welcome, "role:worker");
  auto langs = w.next_message(u.id);
  BOOST_TEST(langs.text == render(text_id::choose_language, u.language_code));
  press_button(w, u, langs, "lang:" + lang);
  BOOST_TEST(w.next_message(u.id).text
             == render(text_id::worker_send_code, lang));
  w.say(u, code);
  // The manager approves (session.join_approval, the default).
  BOOST_TEST(w.next_message(u.id).text
             == render(text_id::join_requested, lang, manager.first_name));
  auto request = w.next_message(manager.id);
  BOOST_TEST(request.text
             == render(text_id::join_request, manager_lang, u.first_name));
  BOOST_REQUIRE_EQUAL(request.buttons.size(), 1u);
  BOOST_REQUIRE_EQUAL(request.buttons[0].size(), 2u);
  BOOST_TEST(request.buttons[0][0].text
             == render(text_id::join_accept_button, manager_lang));
  BOOST_TEST(request.buttons[0][1].text
             == render(text_id::join_decline_button, manager_lang));
  press_button(w, manager, request, join_accept_data(u));
  BOOST_TEST(w.next_message(manager.id).text
             == render(text_id::manager_worker_joined, manager_lang,
                       u.first_name, u.first_name));
  BOOST_TEST(w.next_message(u.id).text
             == render(text_id::worker_connected, lang, manager.first_name));
}

/// The absence check that ends each case.
void nothing_else(sim_world& w, const std::vector<int64_t>& chats) {
  auto extra = arrived_unread(w, chats);
  BOOST_TEST(extra.empty(), "arrived unexpectedly:" << extra);
}

} // namespace

BOOST_AUTO_TEST_CASE(a_manager_and_a_worker_register_and_talk_translated) {
  // Telegram's own limits stay on here: the dialogue must fit them. Only
  // the queued notice is off (see fast_engine).
  sim_world w{{"--translator.queued_notice_after_ms=600000"}};
  auto ana = make_user(1001, "Ana", "en");
  auto bob = make_user(2002, "Bob", "es");
  auto code = register_manager_exactly(w, ana, "en");
  register_worker_exactly(w, bob, "es", code, ana, "en");

  // Apertium's words are its own; the frame around them is the bot's.
  w.say(ana, "Please sign the report before Friday.");
  auto to_bob = w.next_message(bob.id).text;
  BOOST_TEST(to_bob.rfind("Ana: ", 0) == 0u, to_bob);
  BOOST_TEST(contains(to_bob, "firmar el informe"), to_bob);
  BOOST_TEST(!contains(to_bob, "(sin traducir)"), to_bob);

  w.say(bob, "Hola, lo firmo mañana por la mañana.");
  auto to_ana = w.next_message(ana.id).text;
  BOOST_TEST(to_ana.rfind("Bob: ", 0) == 0u, to_ana);
  BOOST_TEST(contains(to_ana, "tomorrow"), to_ana);
  BOOST_TEST(!contains(to_ana, "(not translated)"), to_ana);
  nothing_else(w, {ana.id, bob.id});
}

BOOST_AUTO_TEST_CASE(a_spanish_manager_and_an_english_worker) {
  sim_world w{fast_engine(), fast_sim()};
  auto eva = make_user(3003, "Eva", "es");
  auto tom = make_user(4004, "Tom", "en");
  // The bot speaks the client's language before one is chosen.
  auto code = register_manager_exactly(w, eva, "es");
  BOOST_TEST(contains(render(text_id::manager_ready, "es", code), "gerente"));
  register_worker_exactly(w, tom, "en", code, eva, "es");

  w.say(tom, "The machine is broken.");
  auto to_eva = w.next_message(eva.id).text;
  BOOST_TEST(to_eva.rfind("Tom: ", 0) == 0u, to_eva);
  BOOST_TEST(contains(to_eva, "máquina"), to_eva);
  w.say(eva, "Gracias.");
  auto to_tom = w.next_message(tom.id).text;
  BOOST_TEST(to_tom.rfind("Eva: ", 0) == 0u, to_tom);
  BOOST_TEST(contains(to_tom, "Thank"), to_tom);
  nothing_else(w, {eva.id, tom.id});
}

BOOST_FIXTURE_TEST_CASE(tasks_are_given_translated_and_closed, fake_team) {
  auto created = ask(ana, "/task Clean the warehouse").text;
  std::smatch id_match;
  BOOST_REQUIRE_MESSAGE(
      std::regex_search(created, id_match, std::regex{"#([0-9]+)"}), created);
  auto id = std::stoll(id_match[1]);
  BOOST_TEST(created == render(text_id::task_created, "en", id, "Bob"));
  auto task = world.next_message(bob.id);
  BOOST_TEST(task.text
             == render(text_id::task_received, "es", id, "Ana",
                       "[es] Clean the warehouse"));
  BOOST_REQUIRE_EQUAL(task.buttons.size(), 1u);
  BOOST_REQUIRE_EQUAL(task.buttons[0].size(), 1u);
  BOOST_TEST(task.buttons[0][0].text
             == render(text_id::task_done_button, "es"));
  BOOST_TEST(task.buttons[0][0].data == bridge::domain::task_button_data(id));
  auto data = task.buttons[0][0].data;

  // In his language: the fake translator marks it.
  auto open = ask(bob, "/tasks");
  BOOST_TEST(open.text
             == render(text_id::tasks_header, "es") + "\n#" + std::to_string(id)
                    + " [es] Clean the warehouse");
  BOOST_REQUIRE_EQUAL(open.buttons.size(), 1u);
  BOOST_TEST(open.buttons[0][0].data == data);

  world.press(bob, task.message_id, data);
  BOOST_TEST(world.next_message(bob.id).text
             == render(text_id::task_done_worker, "es", id));
  BOOST_TEST(world.next_message(ana.id).text
             == render(text_id::task_done_manager, "en", "Bob", id,
                       "Clean the warehouse"));

  // A second press changes nothing and says so.
  world.press(bob, task.message_id, data);
  BOOST_TEST(world.next_message(bob.id).text
             == render(text_id::task_already_done, "es", id));
  BOOST_TEST(ask(ana, "/tasks").text == render(text_id::tasks_none, "en"));
  nothing_else(world, {ana.id, bob.id});
}

BOOST_FIXTURE_TEST_CASE(listing_commands_answer, fake_team) {
  world.say(ana, "Good morning.");
  BOOST_TEST(world.next_message(bob.id).text
             == fake_copy(ana, "es", "Good morning."));
  world.say(bob, "Buenos días.");
  BOOST_TEST(world.next_message(ana.id).text
             == fake_copy(bob, "en", "Buenos días."));

  BOOST_TEST(
      ask(ana, "/help").text
      == bridge::domain::help_text(bridge::domain::menu_role::manager, "en"));
  BOOST_TEST(
      ask(bob, "/help").text
      == bridge::domain::help_text(bridge::domain::menu_role::worker, "es"));
  auto workers = ask(ana, "/workers");
  BOOST_TEST(workers.text
             == render(text_id::workers_list, "en") + "\n1. Bob ←");
  BOOST_REQUIRE_EQUAL(workers.buttons.size(), 1u);
  BOOST_TEST(workers.buttons[0][0].text == "Bob");
  BOOST_TEST(workers.buttons[0][0].data
             == bridge::domain::switch_button_data(bob.id));
  BOOST_TEST(ask(ana, "/switch 1").text
             == render(text_id::switched_to, "en", "Bob"));
  BOOST_TEST(ask(ana, "/switch 7").text
             == render(text_id::no_such_worker, "en", 7));
  BOOST_TEST(ask(ana, "/code").text
             == render(text_id::code_for_manager, "en", code) + "\n"
                    + render(text_id::join_link_line, "en",
                             "https://t.me/bridge_sim_bot?start=" + code));

  BOOST_TEST(ask(ana, "/history").text
             == render(text_id::history_header, "en", 2)
                    + "\nAna: Good morning.\n   → [es] Good morning."
                      "\nBob: Buenos días.\n   → [en] Buenos días.");
  BOOST_TEST(
      ask(ana, "/daily").text
      == render(text_id::daily_header, "en") + "\n"
             + render(text_id::daily_line, "en", "Bob", 2, 0, 0) + "\n  "
             + render(text_id::daily_last_message, "en", "[en] Buenos días."));
  BOOST_TEST(ask(bob, "/feedback Muy útil").text
             == render(text_id::feedback_thanks, "es"));
  nothing_else(world, {ana.id, bob.id});
}

// A partner who leaves is announced to
// the one left behind, whose messages stop going to them.
BOOST_FIXTURE_TEST_CASE(a_worker_who_resets_starts_over_and_the_manager_is_told,
                        fake_team) {
  BOOST_TEST(ask(bob, "/reset").text == render(text_id::reset_done, "es"));
  BOOST_TEST(world.next_message(ana.id).text
             == "Bob left your team; your messages no longer reach them.");
  // Bob is unregistered now: his text goes nowhere, and he is told why.
  BOOST_TEST(ask(bob, "hola").text == render(text_id::not_registered, "es"));
  // Ana has nobody to write to.
  BOOST_TEST(ask(ana, "Are you there?").text
             == render(text_id::no_workers, "en", code));
  // Bob comes back with the same code, and the pair talks again.
  register_worker(world, bob, "es", code, ana);
  world.say(ana, "Welcome back.");
  BOOST_TEST(world.next_message(bob.id).text
             == fake_copy(ana, "es", "Welcome back."));
  nothing_else(world, {ana.id, bob.id});
}

// A manager who resets leaves her team,
// and her workers are told and stop reaching her.
BOOST_AUTO_TEST_CASE(a_manager_who_resets_leaves_and_the_worker_is_told) {
  sim_world w{fake_engine(), fast_sim()};
  auto ana = make_user(1001, "Ana", "en");
  auto tom = make_user(4004, "Tom", "en");
  auto code = register_manager(w, ana, "en");
  register_worker(w, tom, "en", code, ana);
  w.say(ana, "/reset");
  BOOST_TEST(w.next_message(ana.id).text == render(text_id::reset_done, "en"));
  BOOST_TEST(w.next_message(tom.id).text
             == "Ana left the team; your messages no longer reach them. "
                "Send a new invitation code to join a team.");
  // Tom's messages no longer reach Ana: he is told he has no manager, and
  // Ana's chat gets nothing (the absence check below).
  w.say(tom, "Hello?");
  BOOST_TEST(w.next_message(tom.id).text == render(text_id::no_manager, "en"));
  nothing_else(w, {ana.id, tom.id});
}

BOOST_AUTO_TEST_CASE(the_wrong_code_limit_outlives_the_engine) {
  auto args = fast_engine();
  args.push_back("--session.code_attempts=2");
  sim_world w{args, fast_sim()};
  auto ana = make_user(1001, "Ana", "en");
  auto bob = make_user(2002, "Bob", "en");
  auto code = register_manager(w, ana, "en");
  w.say(bob, "/start");
  press_button(w, bob, w.next_message(bob.id), "role:worker");
  press_button(w, bob, w.next_message(bob.id), "lang:en");
  BOOST_TEST(w.next_message(bob.id).text
             == render(text_id::worker_send_code, "en"));
  auto ask = [&](const std::string& text) {
    w.say(bob, text);
    return w.next_message(bob.id).text;
  };
  BOOST_TEST(ask("BRIDGE-99998") == render(text_id::wrong_code, "en"));
  BOOST_TEST(ask("BRIDGE-99997") == render(text_id::wrong_code, "en"));
  // The engine stops and comes back: the session's memory is gone, the
  // count is not, so a guesser gains nothing by waiting for a restart
  // (or for the session to go idle). A drained stop, so no reply of
  // before is sent twice.
  w.restart_engine();
  auto after = ask(code);
  // The wait is what is left of the ten-minute window, in whole minutes.
  std::smatch minutes;
  BOOST_REQUIRE_MESSAGE(
      std::regex_search(after, minutes, std::regex{"in ([0-9]+) minutes"}),
      after);
  auto n = std::stoll(minutes[1]);
  BOOST_TEST((n >= 1 && n <= 11), after);
  BOOST_TEST(after == render(text_id::too_many_codes, "en", n));
  nothing_else(w, {ana.id, bob.id});
}

BOOST_AUTO_TEST_CASE(bad_input_gets_a_clear_reply) {
  sim_world w{{"--session.code_attempts=2", "--sender.per_chat_per_second=100",
               "--sender.per_chat_burst=100"},
              fast_sim()};
  auto ana = make_user(1001, "Ana", "en");
  auto bob = make_user(2002, "Bob", "en");
  auto ask = [&](const sim_user& u, const std::string& text) {
    w.say(u, text);
    return w.next_message(u.id).text;
  };
  BOOST_TEST(ask(bob, "hello?") == render(text_id::not_registered, "en"));
  BOOST_TEST(ask(bob, "/frobnicate") == render(text_id::not_registered, "en"));
  auto code = register_manager(w, ana, "en");
  BOOST_TEST(ask(ana, "/frobnicate now")
             == render(text_id::unknown_command, "en", "/frobnicate"));
  BOOST_TEST(ask(ana, "/task")
             == render(text_id::args_missing, "en", "/task", "/task"));
  BOOST_TEST(
      ask(ana, "/history ten")
      == render(text_id::args_not_a_number, "en", "/history", "/history"));
  BOOST_TEST(ask(ana, "/workers please")
             == render(text_id::args_unexpected, "en", "/workers"));
  BOOST_TEST(ask(ana, "Hello team")
             == render(text_id::no_workers, "en", code)); // no worker yet
  BOOST_TEST(ask(ana, code) == render(text_id::code_not_needed, "en", code));
  // A photo goes where a text would: nowhere yet, and she is told so.
  auto photo = w.sim().send_media(ana, "photo", "look");
  BOOST_REQUIRE(photo);
  BOOST_TEST(w.next_message(ana.id).text
             == render(text_id::no_workers, "en", code));

  // A worker halfway through registration, then wrong codes.
  w.say(bob, "/start");
  press_button(w, bob, w.next_message(bob.id), "role:worker");
  auto langs = w.next_message(bob.id);
  w.say(bob, "hi");
  auto repeated = w.next_message(bob.id);
  BOOST_TEST(repeated.text
             == render(text_id::finish_registration, "en",
                       render(text_id::choose_language, "en")));
  check_language_buttons(repeated);
  // A made-up button is answered (the client stops spinning) and ignored:
  // no message for it, so the next one is the real press's.
  auto made_up = w.press(bob, langs.message_id, "lang:../../etc");
  for (auto answer = w.next_event(bob.id, "answerCallbackQuery");
       answer.callback_id != made_up.callback_id;
       answer = w.next_event(bob.id, "answerCallbackQuery")) {
  }
  press_button(w, bob, langs, "lang:en");
  BOOST_TEST(w.next_message(bob.id).text
             == render(text_id::worker_send_code, "en"));
  BOOST_TEST(ask(bob, "not a code") == render(text_id::worker_send_code, "en"));
  BOOST_TEST(ask(bob, "BRIDGE-99998") == render(text_id::wrong_code, "en"));
  BOOST_TEST(ask(bob, "BRIDGE-99997") == render(text_id::wrong_code, "en"));
  // Locked just now: the whole ten-minute window (whole minutes, rounded
  // either way) is left.
  auto locked = ask(bob, code);
  std::smatch minutes;
  BOOST_REQUIRE_MESSAGE(
      std::regex_search(locked, minutes, std::regex{"in ([0-9]+) minutes"}),
      locked);
  auto wait = std::stoll(minutes[1]);
  BOOST_TEST((wait >= 9 && wait <= 11), locked);
  BOOST_TEST(locked == render(text_id::too_many_codes, "en", wait));

  // Oversize text, as a hostile client could send it.
  std::string huge(5000, 'a');
  auto raw =
      R"({"message":{"message_id":77,"date":1,"chat":{"id":1001,"type":"private"},)"
      R"("from":{"id":1001,"first_name":"Ana","language_code":"en"},"text":")"
      + huge + R"("}})";
  BOOST_REQUIRE(w.sim().inject_raw_update(raw));
  BOOST_TEST(w.next_message(ana.id).text
             == render(text_id::message_too_long, "en", 5000, 4096));

  // A group chat is told the bot works in private chats.
  auto group = w.sim().say(ana, "/start", -500);
  BOOST_REQUIRE(group);
  BOOST_TEST(w.next_message(-500).text
             == render(text_id::groups_not_supported, "en"));
  nothing_else(w, {ana.id, bob.id, -500});
}

BOOST_FIXTURE_TEST_CASE(apertium_carries_emoji_and_right_to_left_text, team) {
  // Apertium does not know these words; the message still arrives whole.
  world.say(ana, "👍 Thanks, שלום and مرحبا!");
  auto copy = world.next_message(bob.id).text;
  BOOST_TEST(copy.rfind("Ana: ", 0) == 0u, copy);
  BOOST_TEST(contains(copy, "👍"), copy);
  BOOST_TEST(contains(copy, "שלום"), copy);
  BOOST_TEST(contains(copy, "مرحبا"), copy);
  nothing_else(world, {ana.id, bob.id});
}

BOOST_AUTO_TEST_CASE(before_registering_the_bot_speaks_the_client_language) {
  sim_world w{fake_engine(), fast_sim()};
  // A regional code reads its language; one the bot does not speak reads
  // English.
  for (auto [id, client, expected] : {std::tuple{int64_t{6001}, "pt-BR", "pt"},
                                      {int64_t{6002}, "xx", "en"},
                                      {int64_t{6003}, "AR", "ar"}}) {
    auto u = make_user(id, "Rui", client);
    w.say(u, "/start");
    auto welcome = w.next_message(u.id);
    BOOST_TEST(welcome.text
                   == render(text_id::welcome, expected) + "\n"
                          + render(text_id::choose_role, expected),
               client << ": " << welcome.text);
    BOOST_TEST(welcome.buttons[0][0].text
                   == render(text_id::role_manager, expected),
               client << ": " << welcome.text);
    nothing_else(w, {u.id});
  }
}

BOOST_AUTO_TEST_SUITE_END() // e2e_team
