// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "common/http_client.hpp"
#include "domain/command_menu.hpp"
#include "domain/texts.hpp"
#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_edit_allowance)

// An edit is translated again, so it is charged against the manager's
// daily allowance like a new message: past the limit it is refused with
// the same reply and nothing of it reaches the partner; a subscription
// lifts the limit for edits too; an edit that cannot be applied (too old)
// gives its charge back. The fake translator makes every text certain.

using namespace bridge::test;
using bridge::domain::render;
using bridge::domain::text_id;

namespace {

constexpr const char* token = "edit-allowance-e2e-token-0123";

struct edit_world {
  sim_world world{
      {"--translator.backend=fake", "--session.free_daily_messages=2",
       "--sender.per_chat_per_second=100", "--sender.per_chat_burst=100",
       "--sender.global_per_second=1000"},
      {"--per-chat-per-second", "100", "--per-chat-burst", "100",
       "--global-per-second", "1000"},
      {{"BRIDGE_ADMIN_TOKEN", token}}};
  sim_user ana = make_user(1001, "Ana", "en");
  sim_user bob = make_user(2002, "Bob", "es");

  edit_world() {
    auto code = register_manager(world, ana, "en");
    register_worker(world, bob, "es", code, ana);
  }

  /// Ana writes `text`; Bob's copy arrives and is marked sent (a copy can
  /// be edited once the sender has Telegram's answer). Ana's message id.
  int64_t delivered(const std::string& text) {
    auto said = world.say(ana, text);
    auto copy = world.next_message(bob.id);
    BOOST_TEST(copy.text == fake_copy(ana, "es", text));
    BOOST_REQUIRE_MESSAGE(
        db_eventually(world,
                      "SELECT count(*)::int FROM outbox WHERE status = 'sent' "
                      "AND text = '"
                          + copy.text + "'"),
        "the copy was not marked sent; engine log:\n"
            << world.engine().log_tail());
    return said.message_id;
  }

  /// Ana edits her message `id` to `text`; Bob's copy is edited.
  void edited(int64_t id, const std::string& text) {
    BOOST_REQUIRE(world.sim().edit(ana, ana.id, id, text));
    auto e = world.next_event(bob.id, "editMessageText");
    BOOST_TEST(e.text == fake_copy(ana, "es", text) + " (editado)");
  }

  void refused() {
    BOOST_TEST(world.next_message(ana.id).text
               == render(text_id::daily_limit_reached, "en", 2));
  }

  void nothing_else() {
    auto extra = arrived_unread(world, {ana.id, bob.id});
    BOOST_TEST(extra.empty(), "arrived unexpectedly:" << extra);
  }

  int status_of(const std::string& method, const std::string& path,
                const std::string& body) {
    bridge::http_client c;
    auto url = "http://127.0.0.1:" + std::to_string(world.engine_port()) + path;
    return c
        .request(method, url, body,
                 {"Content-Type: application/json",
                  std::string{"Authorization: Bearer "} + token},
                 std::chrono::seconds{10})
        .status;
  }
};

} // namespace

BOOST_FIXTURE_TEST_CASE(an_edit_is_charged_like_a_message, edit_world) {
  auto one = delivered("See you at nine");
  edited(one, "See you at ten");
  // A message and an edit: the day's two free messages are spent.
  world.say(ana, "Third");
  refused();
  // An edit past the limit is refused alike: Bob's copy stays as it was.
  BOOST_REQUIRE(world.sim().edit(ana, ana.id, one, "See you at eleven"));
  refused();
  BOOST_TEST(db_value(world, "SELECT messages FROM daily_usage "
                             "WHERE manager_id = 1001")
             == 2);
  // A worker's edit costs what a worker's message costs: nothing.
  auto uno = world.say(bob, "Hola");
  BOOST_TEST(world.next_message(ana.id).text == fake_copy(bob, "en", "Hola"));
  BOOST_REQUIRE(
      db_eventually(world, "SELECT count(*)::int FROM outbox WHERE "
                           "status = 'sent' AND chat_id = 1001 AND text = '"
                               + fake_copy(bob, "en", "Hola") + "'"));
  BOOST_REQUIRE(world.sim().edit(bob, bob.id, uno.message_id, "Hola otra vez"));
  BOOST_TEST(world.next_event(ana.id, "editMessageText").text
             == fake_copy(bob, "en", "Hola otra vez") + " (edited)");
  nothing_else();
}

BOOST_FIXTURE_TEST_CASE(a_subscription_lets_edits_through, edit_world) {
  auto one = delivered("One");
  delivered("Two");
  BOOST_REQUIRE(world.sim().edit(ana, ana.id, one, "One, edited"));
  refused();
  BOOST_TEST(
      status_of("PUT", "/admin/users/1001/subscription", R"({"days":30})")
      == 200);
  edited(one, "One, edited");
  edited(one, "One, edited twice");
  delivered("Three");
  nothing_else();
}

BOOST_FIXTURE_TEST_CASE(an_edit_too_old_to_apply_gives_its_charge_back,
                        edit_world) {
  auto cmd = world.say(ana, "/help");
  BOOST_TEST(
      world.next_message(ana.id).text
      == bridge::domain::help_text(bridge::domain::menu_role::manager, "en"));
  BOOST_REQUIRE(world.sim().edit(ana, ana.id, cmd.message_id, "not a command"));
  BOOST_TEST(world.next_message(ana.id).text
             == render(text_id::edit_too_old, "en"));
  // Charged (a lease of both free messages), then one given back.
  BOOST_REQUIRE(db_eventually(world,
                              "SELECT (messages = 1)::int FROM daily_usage "
                              "WHERE manager_id = 1001"));
  delivered("One");
  delivered("Two");
  world.say(ana, "Three");
  refused();
  nothing_else();
}

BOOST_AUTO_TEST_SUITE_END()
