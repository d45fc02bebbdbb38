// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

#include "domain/texts.hpp"
#include "tests/support/team.hpp"

// The engine with its Apertium backend (Debian's apertium-eng-spa and
// apertium-es-pt, from scripts/setup.sh): languages with no direct pair
// are joined through a pivot, and languages that cannot answer each other
// are never paired.

BOOST_AUTO_TEST_SUITE(e2e_languages)

using namespace bridge::test;
namespace fs = std::filesystem;

namespace {

size_t button_count(const sim_event& m) {
  size_t n = 0;
  for (const auto& row : m.buttons)
    n += row.size();
  return n;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// A pivoted copy's translation: what precedes the original folded under
/// it (e2e.original_fix checks the quote itself).
std::string translation_of(const sim_event& m) {
  BOOST_TEST(m.entities.size() == 1u, m.text);
  return m.text.substr(0, m.text.rfind("\n\n"));
}

} // namespace

BOOST_AUTO_TEST_CASE(english_and_portuguese_talk_through_spanish) {
  sim_world world{unthrottled_engine({"--translator.backend=apertium",
                                      "--translator.apertium_pipelines=1"}),
                  unthrottled_sim()};
  auto ann = make_user(5101, "Ann", "en");
  auto joao = make_user(5102, "Joao", "pt");
  auto code = register_manager(world, ann, "en");
  // The languages offered: English, Spanish and those reached through
  // them both ways; Romanian (ro->es only) is not among them.
  world.say(joao, "/start");
  press_button(world, joao, world.next_message(joao.id), "role:worker");
  auto question = world.next_message(joao.id);
  for (auto l : {"en", "es", "pt", "fr", "it", "ca", "gl"})
    BOOST_TEST(has_button(question, "lang:" + std::string{l}), l);
  BOOST_TEST(!has_button(question, "lang:ro"));
  press_button(world, joao, question, "lang:pt");
  world.next_message(joao.id); // asks for the code
  world.say(joao, code);
  accept_join(world, ann, joao);

  world.say(ann, "The worker signs the report.");
  auto to_joao = world.next_message(joao.id, std::chrono::seconds{60});
  BOOST_TEST_MESSAGE("Joao read: " << to_joao.text);
  BOOST_TEST(contains(to_joao.text, "Ann"));
  BOOST_TEST(contains(to_joao.text, "trabalhador"), to_joao.text);
  BOOST_TEST(!contains(translation_of(to_joao), "The worker signs"),
             to_joao.text);

  world.say(joao, "O trabalhador assina o relatório.");
  auto to_ann = world.next_message(ann.id, std::chrono::seconds{60});
  BOOST_TEST_MESSAGE("Ann read: " << to_ann.text);
  BOOST_TEST(contains(to_ann.text, "Joao"));
  BOOST_TEST(!contains(translation_of(to_ann), "assina"), to_ann.text);
  BOOST_TEST(!contains(to_ann.text, "(not translated)"), to_ann.text);

  // /history marks the pivoted translations.
  world.say(ann, "/history");
  auto history = world.next_message(ann.id);
  BOOST_TEST(contains(history.text, "↪ via Español"), history.text);
  BOOST_TEST(world.engine_metric("bridge_translation_hops_total{hops=\"2\"}")
             >= 2.0);
}

BOOST_AUTO_TEST_CASE(a_join_across_unreachable_languages_is_refused) {
  std::string dir;
  sim_world world{island_engine(dir), unthrottled_sim()};
  auto ann = make_user(5201, "Ann", "en");
  auto ivan = make_user(5202, "Ivan", "ru");
  auto code = register_manager(world, ann, "en");
  world.say(ivan, "/start");
  press_button(world, ivan, world.next_message(ivan.id), "role:worker");
  press_button(world, ivan, world.next_message(ivan.id), "lang:ru");
  world.next_message(ivan.id); // asks for the code
  world.say(ivan, code);
  // Refused, in Russian (the bot speaks it), and asked for a language
  // English can answer.
  auto refused = world.next_message(ivan.id);
  using bridge::domain::render;
  using bridge::domain::text_id;
  BOOST_TEST(contains(refused.text, render(text_id::unsupported_pair, "ru",
                                           "Русский", "English")),
             refused.text);
  BOOST_TEST(contains(refused.text, render(text_id::choose_partner_language,
                                           "ru", "English")),
             refused.text);
  BOOST_TEST(has_button(refused, "lang:en"));
  BOOST_TEST(has_button(refused, "lang:es"));
  BOOST_TEST(button_count(refused) == 2u);
  auto told = world.next_message(ann.id);
  BOOST_TEST(contains(told.text, "Ivan tried to join your team"), told.text);
  // Not linked: the manager still has no worker.
  world.say(ann, "/workers");
  BOOST_TEST(!contains(world.next_message(ann.id).text, "Ivan"));
  // With Spanish the join goes through.
  press_button(world, ivan, refused, "lang:es");
  world.next_message(ivan.id); // asks for the code again
  world.say(ivan, code);
  accept_join(world, ann, ivan);
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END() // e2e_languages
