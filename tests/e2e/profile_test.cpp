// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <filesystem>
#include <thread>

#include "config/defaults.hpp"
#include "domain/command_menu.hpp"
#include "domain/registration.hpp"
#include "domain/texts.hpp"
#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_profile)

// A registered user's profile commands through tg-sim and the real
// engine: /language changes the language a user writes in without
// touching the team, and refuses what cannot be done with one clear
// reply; /usage tells a manager the day's allowance.

using namespace bridge::test;
using bridge::domain::language_name;
using bridge::domain::render;
using bridge::domain::text_id;
namespace fs = std::filesystem;

namespace {

/// Ana (manager, English) and Bob (worker, Spanish), paired, with the
/// fake translator (it offers de, en, es, fr, pt, ru and uk, all pairs).
struct fake_team {
  sim_world world{unthrottled_engine({"--translator.backend=fake"}),
                  unthrottled_sim()};
  sim_user ana = make_user(1001, "Ana", "en");
  sim_user bob = make_user(2002, "Bob", "es");
  std::string code;

  fake_team() {
    code = register_manager(world, ana, "en");
    register_worker(world, bob, "es", code, ana);
  }

  sim_event ask(const sim_user& u, const std::string& text) {
    world.say(u, text);
    return world.next_message(u.id);
  }
};

/// Every button of `m` changes the language to one the fake offers, and
/// is named in that language.
void check_choice(const sim_event& m) {
  size_t n = 0;
  for (const auto& row : m.buttons)
    for (const auto& b : row) {
      auto pressed = bridge::domain::parse_button(b.data);
      BOOST_TEST((pressed.kind == bridge::domain::button_kind::set_language),
                 b.data);
      BOOST_TEST(b.text == language_name(pressed.value), b.data);
      ++n;
    }
  BOOST_TEST(n == 7u, m.text);
}

void nothing_else(sim_world& w, const std::vector<int64_t>& chats) {
  auto extra = arrived_unread(w, chats);
  BOOST_TEST(extra.empty(), "arrived unexpectedly:" << extra);
}

} // namespace

BOOST_FIXTURE_TEST_CASE(a_worker_changes_language_and_keeps_the_team,
                        fake_team) {
  auto choice = ask(bob, "/language");
  BOOST_TEST(choice.text == render(text_id::language_choose, "es", "Español"));
  check_choice(choice);

  press_button(world, bob, choice,
               bridge::domain::set_language_button_data("pt"));
  BOOST_TEST(world.next_message(bob.id).text
             == render(text_id::language_changed, "pt", "Português"));
  // The bot speaks Portuguese to him now, and Ana's next message reaches
  // him in it: the cached profile was not read stale.
  BOOST_TEST(
      ask(bob, "/help").text
      == bridge::domain::help_text(bridge::domain::menu_role::worker, "pt"));
  world.say(ana, "Good morning.");
  BOOST_TEST(world.next_message(bob.id).text
             == fake_copy(ana, "pt", "Good morning."));
  // His own next message is translated from Portuguese.
  world.say(bob, "Bom dia.");
  BOOST_TEST(world.next_message(ana.id).text
             == fake_copy(bob, "en", "Bom dia."));
  BOOST_TEST(db_value(world,
                      "SELECT count(*) FROM messages WHERE "
                      "original_text = 'Bom dia.' AND original_lang = 'pt'")
             == 1);
  // Still in the team.
  BOOST_TEST(ask(ana, "/workers").text
             == render(text_id::workers_list, "en") + "\n1. Bob ←");
  // By code, in any case, and back.
  BOOST_TEST(ask(bob, "/language ES").text
             == render(text_id::language_changed, "es", "Español"));
  nothing_else(world, {ana.id, bob.id});
}

BOOST_FIXTURE_TEST_CASE(
    bad_language_requests_get_a_clear_reply_and_change_nothing, fake_team) {
  BOOST_TEST(ask(ana, "/language en").text
             == render(text_id::language_same, "en", "English"));
  BOOST_TEST(ask(ana, "/language English").text
             == render(text_id::language_same, "en", "English"));
  auto unknown = ask(ana, "/language xx");
  BOOST_TEST(unknown.text == render(text_id::language_unknown, "en"));
  check_choice(unknown);
  // Spoken by the bot but not offered by this translator.
  BOOST_TEST(ask(ana, "/language it").text
             == render(text_id::language_unknown, "en"));
  BOOST_TEST(ask(ana, "/language {} %s <b>").text
             == render(text_id::language_unknown, "en"));
  BOOST_TEST(ask(ana, "/language " + std::string(200, 'e')).text
             == render(text_id::args_too_long, "en", "/language"));
  // A made-up button is answered and ignored.
  auto made_up = world.press(ana, unknown.message_id, "setlang:../../x");
  for (auto a = world.next_event(ana.id, "answerCallbackQuery");
       a.callback_id != made_up.callback_id;
       a = world.next_event(ana.id, "answerCallbackQuery")) {
  }
  // Before registration is finished it is not a command yet.
  auto eve = make_user(3003, "Eve", "en");
  world.say(eve, "/language es");
  BOOST_TEST(world.next_message(eve.id).text
             == render(text_id::not_registered, "en"));
  // Nothing changed: Ana still writes English.
  world.say(ana, "Still English.");
  BOOST_TEST(world.next_message(bob.id).text
             == fake_copy(ana, "es", "Still English."));
  BOOST_TEST(db_value(world, "SELECT count(*) FROM users WHERE language = 'en' "
                             "AND telegram_id = 1001")
             == 1);
  nothing_else(world, {ana.id, bob.id, eve.id});
}

BOOST_FIXTURE_TEST_CASE(usage_shows_the_day_and_the_subscription, fake_team) {
  auto limit = bridge::defaults::session::free_daily_messages;
  BOOST_TEST(ask(ana, "/usage").text
             == render(text_id::usage_free, "en", limit, limit) + "\n"
                    + render(text_id::usage_no_subscription, "en"));
  world.say(ana, "One.");
  world.next_message(bob.id);
  world.say(ana, "Two.");
  world.next_message(bob.id);
  BOOST_TEST(ask(ana, "/usage").text
             == render(text_id::usage_free, "en", limit - 2, limit) + "\n"
                    + render(text_id::usage_no_subscription, "en"));
  // Workers are not counted, and have no allowance to show.
  BOOST_TEST(ask(bob, "/usage").text
             == render(text_id::unknown_command, "es", "/usage"));
  BOOST_TEST(ask(ana, "/usage please").text
             == render(text_id::args_unexpected, "en", "/usage"));
  nothing_else(world, {ana.id, bob.id});
}

BOOST_AUTO_TEST_CASE(a_language_no_partner_can_reach_is_refused) {
  std::string dir;
  sim_world world{island_engine(dir), unthrottled_sim()};
  auto ann = make_user(5201, "Ann", "en");
  auto bea = make_user(5202, "Bea", "es");
  auto code = register_manager(world, ann, "en");
  register_worker(world, bea, "es", code, ann);
  world.say(bea, "/language ru");
  BOOST_TEST(world.next_message(bea.id).text
             == render(text_id::language_unreachable, "es", "Русский",
                       "English", "Ann", "Español"));
  // A manager is checked against every worker.
  world.say(ann, "/language uk");
  BOOST_TEST(world.next_message(ann.id).text
             == render(text_id::language_unreachable, "en", "Українська",
                       "Español", "Bea", "English"));
  BOOST_TEST(db_value(world, "SELECT count(*) FROM users WHERE "
                             "language IN ('ru', 'uk')")
             == 0);
  nothing_else(world, {ann.id, bea.id});
  fs::remove_all(dir);
}

// -- tasks in the reader's language
// ---------------------------------------------

namespace {

int64_t task_id_in(const std::string& created) {
  auto hash = created.find('#');
  BOOST_REQUIRE_MESSAGE(hash != std::string::npos, created);
  return std::stoll(created.substr(hash + 1));
}

std::string tasks_reply(const std::string& lang, int64_t id,
                        const std::string& text) {
  return render(text_id::tasks_header, lang) + "\n#" + std::to_string(id) + " "
         + text;
}

} // namespace

BOOST_FIXTURE_TEST_CASE(tasks_read_in_each_readers_language_translated_once,
                        fake_team) {
  auto id = task_id_in(ask(ana, "/task Clean the warehouse").text);
  world.next_message(bob.id); // the task itself
  auto sql_id = std::to_string(id);
  // The wording Bob was sent is kept with the task, before any /tasks.
  auto kept = [&] {
    return db_value(world, "SELECT count(*) FROM task_translations WHERE "
                           "task_id = "
                               + sql_id + " AND language = 'es'")
           == 1;
  };
  for (int i = 0; i < 400 && !kept(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds{50});
  BOOST_TEST(kept());
  BOOST_TEST(ask(bob, "/tasks").text
             == tasks_reply("es", id, "[es] Clean the warehouse"));
  BOOST_TEST(
      db_value(world, "SELECT count(*) FROM task_translations WHERE task_id = "
                          + sql_id + " AND language = 'es'")
      == 1);
  // Read from storage from now on: a stored wording is what is shown.
  db_value(world, "UPDATE task_translations SET text = 'Barrer el almacén' "
                  "WHERE task_id = "
                      + sql_id + " RETURNING 1");
  BOOST_TEST(ask(bob, "/tasks").text
             == tasks_reply("es", id, "Barrer el almacén"));
  // The manager reads it as he wrote it.
  BOOST_TEST(ask(ana, "/tasks").text
             == tasks_reply("en", id, "Clean the warehouse"));
  // A task stored before languages were kept is translated once on its
  // first reading, from the manager's language.
  db_value(world, "UPDATE tasks SET language = NULL WHERE id = " + sql_id
                      + " RETURNING 1");
  db_value(world, "DELETE FROM task_translations WHERE task_id = " + sql_id
                      + " RETURNING 1");
  BOOST_TEST(ask(bob, "/tasks").text
             == tasks_reply("es", id, "[es] Clean the warehouse"));
  BOOST_TEST(
      db_value(world, "SELECT count(*) FROM task_translations WHERE task_id = "
                          + sql_id)
      == 1);
  // A reader who changes language reads it in the new one.
  BOOST_TEST(ask(bob, "/language pt").text
             == render(text_id::language_changed, "pt", "Português"));
  BOOST_TEST(ask(bob, "/tasks").text
             == tasks_reply("pt", id, "[pt] Clean the warehouse"));
  nothing_else(world, {ana.id, bob.id});
}

BOOST_AUTO_TEST_CASE(
    a_task_the_translator_fails_on_is_shown_as_written_and_asked_again) {
  sim_world world{unthrottled_engine({"--translator.backend=fake",
                                      "--translator.fake_failure_rate=1",
                                      "--translator.max_attempts=1"}),
                  unthrottled_sim()};
  auto ana = make_user(1001, "Ana", "en");
  auto bob = make_user(2002, "Bob", "es");
  auto code = register_manager(world, ana, "en");
  register_worker(world, bob, "es", code, ana);
  world.say(ana, "/task Clean the warehouse");
  // "created", and the note that it went untranslated, in either order.
  auto first = world.next_message(ana.id).text;
  auto second = world.next_message(ana.id).text;
  auto id = task_id_in(first.find('#') != std::string::npos ? first : second);
  world.next_message(bob.id); // the task, untranslated
  world.say(bob, "/tasks");
  BOOST_TEST(world.next_message(bob.id).text
             == tasks_reply("es", id,
                            "Clean the warehouse "
                                + render(text_id::untranslated_note, "es")));
  // Nothing stored: the next reading asks again.
  BOOST_TEST(db_value(world, "SELECT count(*) FROM task_translations") == 0);
  nothing_else(world, {ana.id, bob.id});
}

// -- /daily's details
// ---------------------------------------------------------------

BOOST_FIXTURE_TEST_CASE(daily_shows_the_last_message_and_open_tasks,
                        fake_team) {
  ask(ana, "/task Clean the warehouse");
  world.next_message(bob.id);
  ask(ana, "/task Call the supplier");
  world.next_message(bob.id);
  world.say(ana, "Good morning.");
  world.next_message(bob.id);
  world.say(bob, "Buenos días.");
  world.next_message(ana.id);
  auto messages = db_value(world, "SELECT count(*) FROM messages");
  // Newest task first, as /tasks lists them; the worker's message as Ana
  // read it.
  BOOST_TEST(
      ask(ana, "/daily").text
      == render(text_id::daily_header, "en") + "\n"
             + render(text_id::daily_line, "en", "Bob", messages, 0, 2) + "\n  "
             + render(text_id::daily_last_message, "en", "[en] Buenos días.")
             + "\n  "
             + render(text_id::daily_open_tasks, "en",
                      "Call the supplier; Clean the warehouse"));
  nothing_else(world, {ana.id, bob.id});
}

BOOST_FIXTURE_TEST_CASE(a_long_daily_is_split_like_any_long_text, fake_team) {
  // Two tasks of 3,000 characters make a summary past Telegram's 4,096.
  std::string first(3000, 'a');
  std::string second(3000, 'b');
  ask(ana, "/task " + first);
  world.next_message(bob.id);
  ask(ana, "/task " + second);
  world.next_message(bob.id);
  world.say(ana, "/daily");
  // The pieces, in order, until both titles are whole again (a title
  // longer than a message is cut inside it, so at most four pieces).
  std::string both;
  size_t pieces = 0;
  while (pieces < 4
         && (both.find(first) == std::string::npos
             || both.find(second) == std::string::npos)) {
    auto piece = world.next_message(ana.id);
    BOOST_TEST(piece.text.size() <= 4096u);
    if (pieces++ == 0)
      BOOST_TEST(piece.text.rfind(render(text_id::daily_header, "en"), 0)
                 == 0u);
    both += piece.text;
  }
  BOOST_TEST(pieces >= 2u);
  BOOST_TEST(both.find(first) != std::string::npos);
  BOOST_TEST(both.find(second) != std::string::npos);
  nothing_else(world, {ana.id, bob.id});
}

// -- the command menu
// -----------------------------------------------------------

namespace {

/// The menu tg-sim keeps for `chat` in `lang` (empty: for any language),
/// as getMyCommands answers.
std::string menu_of(sim_world& w, int64_t chat, const std::string& lang) {
  std::string language =
      lang.empty() ? "" : R"(,"language_code":")" + lang + "\"";
  auto r = w.sim().post("/bot" + w.token() + "/getMyCommands",
                        R"({"scope":{"type":"chat","chat_id":)"
                            + std::to_string(chat) + "}" + language + "}");
  BOOST_TEST(r.status == 200, r.body);
  return r.body;
}

/// Waits for one publication of a chat's menu: for its language, then
/// for any language.
void next_menu(sim_world& w, int64_t chat) {
  w.next_event(chat, "setMyCommands");
  w.next_event(chat, "setMyCommands");
}

bool lists(const std::string& menu, const std::string& command) {
  return menu.find(R"("command":")" + command + "\"") != std::string::npos;
}

} // namespace

BOOST_FIXTURE_TEST_CASE(the_menu_follows_role_language_and_reset, fake_team) {
  // Published when each finished registering (the last one is read).
  next_menu(world, ana.id);
  next_menu(world, bob.id);
  auto ana_menu = menu_of(world, ana.id, "en");
  BOOST_TEST(lists(ana_menu, "usage"), ana_menu);
  BOOST_TEST(lists(ana_menu, "workers"), ana_menu);
  for (const char* c : {"glossary", "fix", "corrections"})
    BOOST_TEST(lists(ana_menu, c), c << " " << ana_menu);
  BOOST_TEST(ana_menu.find(render(text_id::menu_usage, "en"))
                 != std::string::npos,
             ana_menu);
  auto bob_menu = menu_of(world, bob.id, "es");
  BOOST_TEST(lists(bob_menu, "tasks"), bob_menu);
  BOOST_TEST(!lists(bob_menu, "usage"), bob_menu);
  BOOST_TEST(lists(bob_menu, "fix"), bob_menu);
  BOOST_TEST(!lists(bob_menu, "glossary"), bob_menu);
  BOOST_TEST(!lists(bob_menu, "corrections"), bob_menu);
  // A client in another language than Bob's sees his menu in Spanish.
  BOOST_TEST(menu_of(world, bob.id, "") == bob_menu);
  BOOST_TEST(bob_menu.find(render(text_id::menu_tasks, "es"))
                 != std::string::npos,
             bob_menu);
  // A new language: the menu in it.
  ask(bob, "/language pt");
  next_menu(world, bob.id);
  auto pt_menu = menu_of(world, bob.id, "pt");
  BOOST_TEST(pt_menu.find(render(text_id::menu_tasks, "pt"))
                 != std::string::npos,
             pt_menu);
  // A reset: the newcomer's menu.
  ask(bob, "/reset");
  world.next_message(ana.id); // told Bob left
  next_menu(world, bob.id);
  auto reset_menu = menu_of(world, bob.id, "pt");
  BOOST_TEST(lists(reset_menu, "start"), reset_menu);
  BOOST_TEST(!lists(reset_menu, "tasks"), reset_menu);
  nothing_else(world, {ana.id, bob.id});
}

BOOST_AUTO_TEST_CASE(a_menu_telegram_refuses_never_holds_up_registration) {
  sim_world world{unthrottled_engine({"--translator.backend=fake"}),
                  unthrottled_sim()};
  auto ana = make_user(1001, "Ana", "en");
  BOOST_REQUIRE(world.sim().fail_next("setMyCommands", 5, 400));
  auto code = register_manager(world, ana, "en");
  BOOST_TEST(!code.empty());
  world.say(ana, "/help");
  BOOST_TEST(
      world.next_message(ana.id).text
      == bridge::domain::help_text(bridge::domain::menu_role::manager, "en"));
  nothing_else(world, {ana.id});
}

BOOST_AUTO_TEST_SUITE_END() // e2e_profile
