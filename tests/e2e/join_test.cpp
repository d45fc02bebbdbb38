// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <ctime>
#include <thread>

#include "domain/texts.hpp"
#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_join)

// Joining a team through tg-sim and the real engine (fake translator):
// the link, the manager's Accept and Decline, a second press, /newcode,
// /remove, the failure budget all engines share, and open joins. What the
// bot says is checked word for word; each case ends by checking that
// nothing else arrived.

using namespace bridge::test;
using bridge::domain::render;
using bridge::domain::text_id;

namespace {

/// tg-sim's bot (its getMe answer), as the links name it.
constexpr const char* bot = "bridge_sim_bot";

std::vector<std::string> engine(std::vector<std::string> extra = {}) {
  extra.push_back("--translator.backend=fake");
  return unthrottled_engine(std::move(extra));
}

struct join_world {
  sim_world world;
  sim_user ana = make_user(1001, "Ana", "en");
  sim_user bob = make_user(2002, "Bob", "es");
  std::string code;

  explicit join_world(std::vector<std::string> extra = {})
      : world{engine(std::move(extra)), unthrottled_sim()} {
    code = register_manager(world, ana, "en");
  }

  /// `u` says `text`; the bot's answer in `u`'s chat.
  sim_event ask(const sim_user& u, const std::string& text) {
    world.say(u, text);
    return world.next_message(u.id);
  }

  /// `u` registers as a worker writing `lang` up to the code question.
  void to_code_step(const sim_user& u, const std::string& lang) {
    world.say(u, "/start");
    press_button(world, u, world.next_message(u.id), "role:worker");
    press_button(world, u, world.next_message(u.id), "lang:" + lang);
    BOOST_TEST(world.next_message(u.id).text
               == render(text_id::worker_send_code, lang));
  }

  /// The manager's request message for `worker`, after the worker was told
  /// it was sent.
  sim_event request_of(const sim_user& worker, const std::string& lang) {
    BOOST_TEST(world.next_message(worker.id).text
               == render(text_id::join_requested, lang, ana.first_name));
    auto req = world.next_message(ana.id);
    BOOST_TEST(req.text
               == render(text_id::join_request, "en", worker.first_name));
    BOOST_TEST(has_button(req, join_accept_data(worker)));
    BOOST_TEST(has_button(req, "join:no:" + std::to_string(worker.id)));
    return req;
  }

  std::string unread() { return arrived_unread(world, {ana.id, bob.id}); }
};

std::string link_to(const std::string& code) {
  return std::string{"https://t.me/"} + bot + "?start=" + code;
}

} // namespace

BOOST_AUTO_TEST_CASE(
    a_link_asks_only_the_language_and_the_manager_accepts_once) {
  join_world j;
  // The manager's code came with the link.
  j.world.say(j.ana, "/code");
  BOOST_TEST(j.world.next_message(j.ana.id).text
             == render(text_id::code_for_manager, "en", j.code) + "\n"
                    + render(text_id::join_link_line, "en", link_to(j.code)));
  // Opening the link sends "/start CODE": only the language is asked.
  auto langs = j.ask(j.bob, "/start " + j.code);
  BOOST_TEST(langs.text == render(text_id::choose_language, "es"));
  press_button(j.world, j.bob, langs, "lang:es");
  auto req = j.request_of(j.bob, "es");
  press_button(j.world, j.ana, req, join_accept_data(j.bob));
  BOOST_TEST(j.world.next_message(j.ana.id).text
             == render(text_id::manager_worker_joined, "en", "Bob", "Bob"));
  BOOST_TEST(j.world.next_message(j.bob.id).text
             == render(text_id::worker_connected, "es", "Ana"));
  // Accept pressed again: answered, nothing done twice.
  press_button(j.world, j.ana, req, join_accept_data(j.bob));
  BOOST_TEST(j.world.next_message(j.ana.id).text
             == render(text_id::join_already_answered, "en"));
  // They are a team now.
  j.world.say(j.bob, "Hola");
  BOOST_TEST(j.world.next_message(j.ana.id).text
             == fake_copy(j.bob, "en", "Hola"));
  BOOST_TEST(db_value(j.world, "SELECT count(*) FROM join_requests") == 0);
  auto left = j.unread();
  BOOST_TEST(left.empty(), left);
}

BOOST_AUTO_TEST_CASE(
    decline_and_an_accept_after_the_worker_reset_link_nothing) {
  join_world j;
  j.to_code_step(j.bob, "es");
  // Typed loosely: lower case, spaces, a trailing dot.
  auto loose = j.code;
  for (auto& c : loose)
    c = c == '-' ? ' ' : static_cast<char>(std::tolower(c));
  j.world.say(j.bob, " " + loose + ".");
  auto req = j.request_of(j.bob, "es");
  press_button(j.world, j.ana, req, "join:no:2002");
  BOOST_TEST(j.world.next_message(j.ana.id).text
             == render(text_id::join_declined_manager, "en", "Bob"));
  BOOST_TEST(j.world.next_message(j.bob.id).text
             == render(text_id::join_declined_worker, "es", "Ana"));
  BOOST_TEST(db_value(j.world, "SELECT count(*) FROM worker_links") == 0);
  // Bob asks again, then starts over before Ana answers.
  j.world.say(j.bob, j.code);
  auto again = j.request_of(j.bob, "es");
  BOOST_TEST(j.ask(j.bob, "/reset").text == render(text_id::reset_done, "es"));
  press_button(j.world, j.ana, again, join_accept_data(j.bob));
  BOOST_TEST(j.world.next_message(j.ana.id).text
             == render(text_id::join_already_answered, "en"));
  BOOST_TEST(db_value(j.world, "SELECT count(*) FROM worker_links") == 0);
  auto left = j.unread();
  BOOST_TEST(left.empty(), left);
}

BOOST_AUTO_TEST_CASE(newcode_retires_the_old_code_at_once) {
  join_world j;
  auto rotated = j.ask(j.ana, "/newcode");
  auto fresh = find_code(rotated.text);
  BOOST_REQUIRE(!fresh.empty());
  BOOST_TEST(fresh != j.code);
  BOOST_TEST(rotated.text
             == render(text_id::code_rotated, "en", fresh) + "\n"
                    + render(text_id::join_link_line, "en", link_to(fresh)));
  j.to_code_step(j.bob, "es");
  BOOST_TEST(j.ask(j.bob, j.code).text == render(text_id::wrong_code, "es"));
  j.world.say(j.bob, fresh);
  j.request_of(j.bob, "es");
  auto left = j.unread();
  BOOST_TEST(left.empty(), left);
}

BOOST_AUTO_TEST_CASE(remove_unlinks_a_worker_who_is_told_at_once) {
  join_world j;
  register_worker(j.world, j.bob, "es", j.code, j.ana);
  // Bob's session is active: he just wrote.
  j.world.say(j.bob, "Hola");
  BOOST_TEST(j.world.next_message(j.ana.id).text
             == fake_copy(j.bob, "en", "Hola"));
  for (auto bad : {"/remove", "/remove 0", "/remove two"})
    BOOST_TEST(j.ask(j.ana, bad).text == render(text_id::remove_usage, "en"),
               bad);
  BOOST_TEST(j.ask(j.ana, "/remove 5").text
             == render(text_id::no_such_worker, "en", 5));
  BOOST_TEST(j.ask(j.bob, "/remove 1").text
             == render(text_id::unknown_command, "es", "/remove"));
  BOOST_TEST(j.ask(j.ana, "/remove 1").text
             == render(text_id::worker_removed, "en", "Bob"));
  BOOST_TEST(j.world.next_message(j.bob.id).text
             == render(text_id::removed_by_manager, "es", "Ana"));
  BOOST_TEST(j.ask(j.bob, "Hola otra vez").text
             == render(text_id::no_manager, "es"));
  BOOST_TEST(j.ask(j.ana, "Hello").text
             == render(text_id::no_workers, "en", j.code));
  auto left = j.unread();
  BOOST_TEST(left.empty(), left);
}

BOOST_AUTO_TEST_CASE(
    links_from_a_manager_and_malformed_links_get_a_clear_reply) {
  join_world j;
  BOOST_TEST(j.ask(j.ana, "/start " + j.code).text
             == render(text_id::link_for_manager, "en", j.code));
  for (auto bad :
       {"/start BRIDGE-7K2M", "/start hello", "/start BRIDGE-ILOU-0000"})
    BOOST_TEST(j.ask(j.bob, bad).text == render(text_id::link_invalid, "es"),
               bad);
  // Nothing was half-registered: a plain text still needs /start.
  BOOST_TEST(j.ask(j.bob, "Hola").text
             == render(text_id::not_registered, "es"));
  auto left = j.unread();
  BOOST_TEST(left.empty(), left);
}

BOOST_AUTO_TEST_CASE(
    past_the_global_failure_budget_code_attempts_pause_for_everyone) {
  // The budget counts per wall-clock minute: start early in one, so the
  // three attempts below fall into the same minute.
  auto sec = std::time(nullptr) % 60;
  if (sec > 40)
    std::this_thread::sleep_for(std::chrono::seconds{61 - sec});
  join_world j{{"--session.code_failures_per_minute=2"}};
  auto cleo = make_user(2003, "Cleo", "es");
  auto dan = make_user(2004, "Dan", "en");
  j.to_code_step(j.bob, "es");
  j.to_code_step(cleo, "es");
  j.to_code_step(dan, "en");
  BOOST_TEST(j.ask(j.bob, "BRIDGE-0000-0001").text
             == render(text_id::wrong_code, "es"));
  BOOST_TEST(j.ask(cleo, "BRIDGE-0000-0002").text
             == render(text_id::wrong_code, "es"));
  // Spent: even a right code from someone else waits for the minute.
  BOOST_TEST(j.ask(dan, j.code).text == render(text_id::codes_paused, "en"));
  BOOST_TEST(j.ask(j.bob, j.code).text == render(text_id::codes_paused, "es"));
  BOOST_TEST(j.world.engine_metric("bridge_code_failures_total") == 2);
  BOOST_TEST(j.world.engine_metric("bridge_code_attempts_paused_total") == 2);
  BOOST_TEST(db_value(j.world, "SELECT count(*) FROM join_requests") == 0);
  auto left = arrived_unread(j.world, {j.ana.id, j.bob.id, cleo.id, dan.id});
  BOOST_TEST(left.empty(), left);
}

BOOST_AUTO_TEST_CASE(without_approval_a_right_code_joins_at_once) {
  join_world j{{"--session.join_approval=false"}};
  j.to_code_step(j.bob, "es");
  BOOST_TEST(j.ask(j.bob, j.code).text
             == render(text_id::worker_connected, "es", "Ana"));
  auto joined = j.world.next_message(j.ana.id);
  BOOST_TEST(joined.text
             == render(text_id::manager_worker_joined, "en", "Bob", "Bob"));
  BOOST_TEST(joined.buttons.empty());
  BOOST_TEST(db_value(j.world, "SELECT count(*) FROM join_requests") == 0);
  auto left = j.unread();
  BOOST_TEST(left.empty(), left);
}

BOOST_AUTO_TEST_SUITE_END() // e2e_join
