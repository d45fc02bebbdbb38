// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <thread>

#include "domain/texts.hpp"
#include "tests/support/team.hpp"

BOOST_AUTO_TEST_SUITE(e2e_glossary)

// A team's glossary through tg-sim and the real engine: the manager's
// /glossary commands and their refusals, a worker's proposal answered
// with buttons, and the terms kept in translations both ways, with the
// Apertium backend and with the Claude backend (llm-sim shows the terms
// its prompt carried by using them).

using namespace bridge::test;
using bridge::domain::render;
using bridge::domain::text_id;

namespace {

constexpr const char* fake_key = "sk-ant-e2e-test-key-0000000000000000";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// The data of the button of `m` whose data starts with `prefix`.
std::string button_data(const sim_event& m, const std::string& prefix) {
  for (auto& row : m.buttons)
    for (auto& b : row)
      if (b.data.rfind(prefix, 0) == 0)
        return b.data;
  return {};
}

struct team_world {
  sim_world world;
  sim_user ana = make_user(1001, "Ana", "en");
  sim_user bob = make_user(2002, "Bob", "es");

  explicit team_world(std::vector<std::string> args,
                      child_process::env_list env = {})
      : world(std::move(args), unthrottled_sim(), std::move(env)) {
    auto code = register_manager(world, ana, "en");
    register_worker(world, bob, "es", code, ana);
  }

  /// What `u` is answered to `text`.
  std::string ask(const sim_user& u, const std::string& text) {
    world.say(u, text);
    return world.next_message(u.id).text;
  }
};

struct llm_sim {
  std::string dir = make_scratch_dir("llm-sim");
  std::unique_ptr<child_process> proc;
  int port = 0;

  llm_sim() {
    proc = std::make_unique<child_process>(
        std::vector<std::string>{built_binary("llm-sim"), "--port", "0",
                                 "--ready-file", dir + "/port"},
        child_process::env_list{}, dir + "/llm-sim.log");
    auto p = wait_for_port_file(dir + "/port", std::chrono::seconds{30});
    if (!p)
      throw std::runtime_error("llm-sim did not start: " + proc->log_tail());
    port = *p;
  }
};

} // namespace

BOOST_AUTO_TEST_CASE(a_manager_keeps_terms_through_apertium) {
  team_world t{unthrottled_engine()};
  BOOST_TEST(t.ask(t.ana, "/glossary")
             == render(text_id::glossary_empty, "en"));
  // One partner language: the translation's language may go unsaid.
  BOOST_TEST(t.ask(t.ana, "/glossary add Site = obra")
             == render(text_id::glossary_added, "en", "Site", "es: obra"));
  t.world.say(t.ana, "The site opens at eight.");
  auto to_bob = t.world.next_message(t.bob.id).text;
  BOOST_TEST(contains(to_bob, "obra"), to_bob);
  BOOST_TEST(!contains(to_bob, "sitio"), to_bob);
  // The other way: Bob's "obra" reaches Ana as "Site", as she typed it.
  t.world.say(t.bob, "La obra está cerrada.");
  auto to_ana = t.world.next_message(t.ana.id).text;
  BOOST_TEST(contains(to_ana, "Site"), to_ana);
  auto list = t.ask(t.ana, "/glossary");
  BOOST_TEST(contains(list, "Site → es: obra"), list);
  BOOST_TEST(t.ask(t.ana, "/glossary remove SITE")
             == render(text_id::glossary_removed, "en", "site"));
  BOOST_TEST(t.ask(t.ana, "/glossary remove site")
             == render(text_id::glossary_not_found, "en", "site"));
}

BOOST_AUTO_TEST_CASE(terms_keep_the_case_the_manager_typed) {
  team_world t{unthrottled_engine()};
  BOOST_TEST(
      t.ask(t.ana, "/glossary add Back Room = Trastienda")
      == render(text_id::glossary_added, "en", "Back Room", "es: Trastienda"));
  auto list = t.ask(t.ana, "/glossary");
  BOOST_TEST(contains(list, "Back Room → es: Trastienda"), list);
  // Matching ignores case.
  t.world.say(t.ana, "Meet me in the BACK ROOM.");
  auto to_bob = t.world.next_message(t.bob.id).text;
  BOOST_TEST(contains(to_bob, "Trastienda"), to_bob);
  // The same term in another case updates the entry; it adds none.
  BOOST_TEST(
      t.ask(t.ana, "/glossary add back room = Almacén")
      == render(text_id::glossary_added, "en", "back room", "es: Almacén"));
  list = t.ask(t.ana, "/glossary");
  BOOST_TEST(contains(list, "back room → es: Almacén"), list);
  BOOST_TEST(!contains(list, "Trastienda"), list);
  BOOST_TEST(!contains(list, "Back Room"), list);
}

BOOST_AUTO_TEST_CASE(bad_entries_get_one_clear_reply_each) {
  team_world t{unthrottled_engine({"--glossary.max_terms=2"})};
  auto bad = render(text_id::glossary_bad_entry, "en", 64);
  BOOST_TEST(t.ask(t.ana, "/glossary add = obra") == bad);
  BOOST_TEST(t.ask(t.ana, "/glossary add site =") == bad);
  BOOST_TEST(t.ask(t.ana, "/glossary add site obra") == bad);
  BOOST_TEST(t.ask(t.ana, "/glossary add *+? = x") == bad);
  BOOST_TEST(t.ask(t.ana, "/glossary add " + std::string(65, 'a') + " = x")
             == bad);
  // A term in a script English messages never use.
  BOOST_TEST(
      t.ask(t.ana, "/glossary add счёт = factura")
      == render(text_id::glossary_wrong_script, "en", "счёт", "English"));
  // A language the team cannot reach.
  BOOST_TEST(contains(t.ask(t.ana, "/glossary add site = zz: obra"), "'zz'"));
  // Regex characters and markup are plain text.
  BOOST_TEST(t.ask(t.ana, "/glossary add a.b* = qx1")
             == render(text_id::glossary_added, "en", "a.b*", "es: qx1"));
  BOOST_TEST(t.ask(t.ana, "/glossary add <b>site</b> = <i>obra</i>")
             == render(text_id::glossary_added, "en", "<b>site</b>",
                       "es: <i>obra</i>"));
  // Past the limit (2 here, 200 by default).
  BOOST_TEST(t.ask(t.ana, "/glossary add crew = cuadrilla")
             == render(text_id::glossary_full, "en", 2));
  // A known term still takes a new translation.
  BOOST_TEST(t.ask(t.ana, "/glossary add A.B* = qx2")
             == render(text_id::glossary_added, "en", "A.B*", "es: qx2"));
  // Messages still translate, markup and all.
  t.world.say(t.ana, "<b>site</b> and a.b* today");
  auto to_bob = t.world.next_message(t.bob.id).text;
  BOOST_TEST(contains(to_bob, "<i>obra</i>"), to_bob);
  BOOST_TEST(contains(to_bob, "qx2"), to_bob);
  BOOST_TEST(!contains(to_bob, "qx1"), to_bob);
  BOOST_TEST(t.ask(t.ana, "/glossary frobnicate")
             == render(text_id::glossary_usage_manager, "en") + "\n"
                    + render(text_id::help_glossary_suggestions, "en"));
  // Suggestions take no argument.
  BOOST_TEST(t.ask(t.ana, "/glossary suggestions please")
             == render(text_id::glossary_usage_manager, "en") + "\n"
                    + render(text_id::help_glossary_suggestions, "en"));
}

BOOST_AUTO_TEST_CASE(a_worker_proposes_and_the_manager_decides) {
  team_world t{unthrottled_engine()};
  BOOST_TEST(t.ask(t.bob, "/glossary")
             == render(text_id::glossary_usage_worker, "es"));
  BOOST_TEST(t.ask(t.bob, "/glossary remove site")
             == render(text_id::glossary_usage_worker, "es"));
  BOOST_TEST(t.ask(t.bob, "/glossary add crew = cuadrilla")
             == render(text_id::glossary_proposed, "es", "crew", "cuadrilla"));
  auto asked = t.world.next_message(t.ana.id);
  BOOST_TEST(asked.text
             == render(text_id::glossary_proposal, "en", "Bob", "crew",
                       "cuadrilla", "es"));
  auto accept = button_data(asked, "gloss:yes:");
  BOOST_REQUIRE(!accept.empty());
  press_button(t.world, t.ana, asked, accept);
  BOOST_TEST(t.world.next_message(t.ana.id).text
             == render(text_id::glossary_added, "en", "crew", "es: cuadrilla"));
  press_button(t.world, t.ana, asked, accept);
  BOOST_TEST(t.world.next_message(t.ana.id).text
             == render(text_id::glossary_answered, "en"));
  t.world.say(t.ana, "The crew is late.");
  auto to_bob = t.world.next_message(t.bob.id).text;
  BOOST_TEST(contains(to_bob, "cuadrilla"), to_bob);
  // A declined proposal changes nothing.
  t.ask(t.bob, "/glossary add site = sitio");
  auto second = t.world.next_message(t.ana.id);
  auto decline = button_data(second, "gloss:no:");
  BOOST_REQUIRE(!decline.empty());
  press_button(t.world, t.ana, second, decline);
  BOOST_TEST(t.world.next_message(t.ana.id).text
             == render(text_id::glossary_declined, "en", "site", "sitio"));
  auto list = t.ask(t.ana, "/glossary");
  BOOST_TEST(!contains(list, "sitio"), list);
}

BOOST_AUTO_TEST_CASE(a_repeated_correction_is_proposed_to_the_manager) {
  team_world t{unthrottled_engine()};
  BOOST_TEST(t.ask(t.ana, "/glossary suggestions")
             == render(text_id::glossary_suggestions_none, "en", 2));
  BOOST_TEST(t.ask(t.bob, "/glossary suggestions")
             == render(text_id::glossary_usage_worker, "es"));
  /// Ana writes `text`; Bob corrects its translation to "Trastienda".
  auto write_and_fix = [&t](const std::string& text) {
    t.world.say(t.ana, text);
    auto copy = t.world.next_message(t.bob.id);
    await_marked(t.world, t.bob.id, copy.message_id);
    BOOST_REQUIRE(
        t.world.sim().reply(t.bob, copy.message_id, "/fix Trastienda"));
    BOOST_TEST(t.world.next_message(t.bob.id).text
               == render(text_id::fix_saved, "es", "Ana"));
    return copy.text;
  };
  /// Ana's next `n` messages: the writer's note and, at the repeat, the
  /// proposal, in either order.
  auto ana_reads = [&t](size_t n) {
    std::vector<sim_event> out;
    for (size_t i = 0; i < n; ++i)
      out.push_back(t.world.next_message(t.ana.id));
    return out;
  };
  write_and_fix("Back room");
  ana_reads(1);
  // Once is not yet a pattern: listed, not proposed.
  auto list = t.ask(t.ana, "/glossary suggestions");
  BOOST_TEST(
      contains(list, render(text_id::glossary_suggestions_header, "en", 2)),
      list);
  BOOST_TEST(contains(list, "• Bob: "), list);
  BOOST_TEST(contains(list, "→ “Trastienda”"), list);
  // A long correction of another message is listed, shortened.
  write_and_fix("The back room is full of old boxes and broken chairs, so we "
                "have to move all of them today.");
  ana_reads(1);
  // The same correction of the same words again (case aside) proposes it.
  write_and_fix("back ROOM ");
  auto two = ana_reads(2);
  auto asked = two[0].buttons.empty() ? two[1] : two[0];
  BOOST_TEST(asked.text
             == render(text_id::glossary_correction_proposal, "en", 2,
                       "back ROOM", "Trastienda", "es"));
  auto accept = button_data(asked, "gloss:yes:");
  BOOST_REQUIRE(!accept.empty());
  press_button(t.world, t.ana, asked, accept);
  BOOST_TEST(
      t.world.next_message(t.ana.id).text
      == render(text_id::glossary_added, "en", "back ROOM", "es: Trastienda"));
  auto glossary = t.ask(t.ana, "/glossary");
  BOOST_TEST(contains(glossary, "back ROOM → es: Trastienda"), glossary);
  // Newest first, the long translation shortened.
  list = t.ask(t.ana, "/glossary suggestions");
  std::vector<std::string> lines;
  for (size_t at = 0; at <= list.size();) {
    auto end = std::min(list.find('\n', at), list.size());
    lines.push_back(list.substr(at, end - at));
    at = end + 1;
  }
  BOOST_REQUIRE_EQUAL(lines.size(), 4u);
  BOOST_TEST(!contains(lines[1], "…"), lines[1]);
  BOOST_TEST(contains(lines[2], "…"), lines[2]);
  BOOST_TEST(!contains(lines[3], "…"), lines[3]);
}

BOOST_AUTO_TEST_CASE(the_claude_backend_gets_the_terms_in_its_prompt) {
  llm_sim llm;
  team_world t{unthrottled_engine({"--translator.backend=claude",
                                   "--translator.claude_api_url=http://"
                                   "127.0.0.1:"
                                       + std::to_string(llm.port)}),
               {{"ANTHROPIC_API_KEY", fake_key}}};
  t.ask(t.ana, "/glossary add site = obra");
  t.world.say(t.ana, "The Site opens at eight.");
  auto to_bob = t.world.next_message(t.bob.id).text;
  // llm-sim echoes the text, with the terminology its prompt carried
  // applied: the term came to the backend bound to its translation.
  BOOST_TEST(contains(to_bob, "[llm-sim] The obra opens at eight."), to_bob);
  t.world.say(t.bob, "La obra abre.");
  auto to_ana = t.world.next_message(t.ana.id).text;
  BOOST_TEST(contains(to_ana, "[llm-sim] La site abre."), to_ana);
}

BOOST_AUTO_TEST_SUITE_END()
