// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "domain/command.hpp"
#include "domain/command_menu.hpp"
#include "domain/profile.hpp"
#include "domain/registration.hpp"
#include "domain/texts.hpp"

BOOST_AUTO_TEST_SUITE(domain_profile)

using namespace bridge::domain;

namespace {

const std::vector<std::string> offered{"ca", "en", "es", "pt", "ru", "uk"};

language_verdict verdict(std::string_view args,
                         const std::string& current = "en") {
  return read_language_request(args, current, offered).verdict;
}

/// English-Spanish both ways, Spanish-Portuguese both ways (so English
/// and Portuguese through Spanish), and a Russian-Ukrainian island.
language_map islands() {
  return language_map{{{"en", "es", {}},
                       {"es", "en", {}},
                       {"es", "pt", {}},
                       {"pt", "es", {}},
                       {"en", "pt", {"es"}},
                       {"pt", "en", {"es"}},
                       {"ru", "uk", {}},
                       {"uk", "ru", {}}}};
}

} // namespace

BOOST_AUTO_TEST_CASE(no_argument_shows_the_choice) {
  BOOST_TEST((verdict("") == language_verdict::show_choice));
  BOOST_TEST((verdict("  \t ") == language_verdict::show_choice));
}

BOOST_AUTO_TEST_CASE(codes_regions_and_names_are_read) {
  auto r = read_language_request("es", "en", offered);
  BOOST_TEST((r.verdict == language_verdict::change));
  BOOST_TEST(r.language == "es");
  BOOST_TEST(read_language_request(" PT-br ", "en", offered).language == "pt");
  BOOST_TEST(read_language_request("pt_BR", "en", offered).language == "pt");
  BOOST_TEST(read_language_request("Español", "en", offered).language == "es");
  BOOST_TEST(read_language_request("ESPAñOL", "en", offered).language == "es");
  BOOST_TEST(read_language_request("català", "en", offered).language == "ca");
  BOOST_TEST(read_language_request("Русский", "en", offered).language == "ru");
}

BOOST_AUTO_TEST_CASE(the_same_language_is_not_a_change) {
  auto r = read_language_request("EN", "en", offered);
  BOOST_TEST((r.verdict == language_verdict::same));
  BOOST_TEST(r.language == "en");
  BOOST_TEST((verdict("English") == language_verdict::same));
}

BOOST_AUTO_TEST_CASE(unknown_malformed_and_hostile_arguments_are_unknown) {
  // Spoken by the bot but not offered by the translator.
  BOOST_TEST((verdict("de") == language_verdict::unknown));
  BOOST_TEST((verdict("xx") == language_verdict::unknown));
  BOOST_TEST((verdict("e") == language_verdict::unknown));
  BOOST_TEST((verdict("-es") == language_verdict::unknown));
  BOOST_TEST((verdict("es es") == language_verdict::unknown));
  BOOST_TEST((verdict("../../etc/passwd") == language_verdict::unknown));
  BOOST_TEST((verdict("{} {0} %s") == language_verdict::unknown));
  BOOST_TEST(
      (verdict(std::string_view{"es\0", 3}) == language_verdict::unknown));
  BOOST_TEST((verdict("\xff\xfe") == language_verdict::unknown));
  BOOST_TEST((verdict(std::string(5000, 'e')) == language_verdict::unknown));
  BOOST_TEST((verdict("es" + std::string(40, ' ') + "x")
              == language_verdict::unknown));
  // Nothing offered: nothing is a change.
  BOOST_TEST((read_language_request("es", "en", {}).verdict
              == language_verdict::unknown));
}

BOOST_AUTO_TEST_CASE(every_partner_must_stay_reachable) {
  auto map = islands();
  std::vector<partner_language> team{{"Bob", "es"}, {"Joao", "pt"}};
  BOOST_TEST(!unreachable_partner("en", team, &map).has_value());
  BOOST_TEST(!unreachable_partner("pt", team, &map).has_value());
  auto blocked = unreachable_partner("ru", team, &map);
  BOOST_REQUIRE(blocked.has_value());
  BOOST_TEST(blocked->name == "Bob");
  BOOST_TEST(blocked->language == "es");
  // The first partner that cannot be reached is named, not the first one.
  std::vector<partner_language> mixed{{"Olga", "uk"}, {"Bob", "es"}};
  auto second = unreachable_partner("ru", mixed, &map);
  BOOST_REQUIRE(second.has_value());
  BOOST_TEST(second->name == "Bob");
  // No partners, or no map to judge by: nothing blocks.
  BOOST_TEST(!unreachable_partner("ru", {}, &map).has_value());
  BOOST_TEST(!unreachable_partner("ru", team, nullptr).has_value());
}

BOOST_AUTO_TEST_CASE(the_command_and_its_button) {
  auto c = parse_command("/language es");
  BOOST_TEST((c.kind == command_kind::language));
  BOOST_TEST(c.args == "es");
  BOOST_TEST((check_args(c) == args_problem::ok));
  BOOST_TEST((check_args(parse_command("/language")) == args_problem::ok));
  BOOST_TEST((check_args(parse_command("/language " + std::string(65, 'x')))
              == args_problem::too_long));
  BOOST_TEST((parse_command("/usage").kind == command_kind::usage));
  BOOST_TEST(
      (check_args(parse_command("/usage now")) == args_problem::unexpected));
  // Telegram Stars: both take nothing after them.
  BOOST_TEST((parse_command("/subscribe").kind == command_kind::subscribe));
  BOOST_TEST((parse_command("/paysupport@BridgeBot").kind
              == command_kind::paysupport));
  BOOST_TEST((check_args(parse_command("/subscribe 12 months"))
              == args_problem::unexpected));
  BOOST_TEST((check_args(parse_command("/paysupport")) == args_problem::ok));
  auto b = parse_button(set_language_button_data("pt"));
  BOOST_TEST((b.kind == button_kind::set_language));
  BOOST_TEST(b.value == "pt");
  BOOST_TEST((parse_button("setlang:../x").kind == button_kind::unknown));
  BOOST_TEST((parse_button("setlang:").kind == button_kind::unknown));
  // A registered chat acts on it; registration's own language buttons
  // stay stale there, so an old keyboard changes nothing.
  reg_input in;
  in.is_button = true;
  in.pressed = b;
  BOOST_TEST((decide(reg_step::ready, in) == reg_action::run_button));
  BOOST_TEST((decide(reg_step::language, in) == reg_action::stale_button));
  in.pressed = parse_button("lang:pt");
  BOOST_TEST((decide(reg_step::ready, in) == reg_action::stale_button));
}

BOOST_AUTO_TEST_CASE(free_messages_left_stay_within_the_limit) {
  BOOST_TEST(free_left(50, 0, 0) == 50);
  BOOST_TEST(free_left(50, 10, 0) == 40);
  // Charged in a lease but not sent yet: still the manager's.
  BOOST_TEST(free_left(50, 10, 4) == 44);
  BOOST_TEST(free_left(50, 60, 0) == 0);
  BOOST_TEST(free_left(50, -5, 0) == 50);
  BOOST_TEST(free_left(50, 0, 99) == 50);
  BOOST_TEST(free_left(-1, 0, 0) == 0);
}

BOOST_AUTO_TEST_CASE(dates_read_in_utc) {
  BOOST_TEST(utc_minute(0) == "1970-01-01 00:00");
  BOOST_TEST(utc_minute(1'796'551'260'000) == "2026-12-06 10:01");
}

BOOST_AUTO_TEST_CASE(the_menu_follows_the_role) {
  auto words = [](menu_role role) {
    std::vector<std::string> out;
    for (auto& [command, description] : command_menu(role, "en"))
      out.push_back(command);
    return out;
  };
  using words_t = std::vector<std::string>;
  BOOST_TEST((words(menu_role::unregistered) == words_t{"start", "help"}));
  BOOST_TEST((words(menu_role::worker)
              == words_t{"help", "tasks", "history", "language", "fix",
                         "original", "feedback", "reset"}));
  auto manager = words(menu_role::manager);
  BOOST_TEST(manager.size() == 20u);
  for (const char* w : {"usage", "subscribe", "paysupport", "glossary", "fix",
                        "corrections", "original"})
    BOOST_TEST((std::find(manager.begin(), manager.end(), w) != manager.end()),
               w);
  // Every entry is a command the bot knows, and a word Telegram takes.
  for (const auto& w : manager) {
    auto kind = parse_command("/" + w).kind;
    BOOST_TEST((kind != command_kind::unknown && kind != command_kind::none),
               w);
    BOOST_TEST(w.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_")
                   == std::string::npos,
               w);
  }
}

BOOST_AUTO_TEST_CASE(the_menu_is_described_in_every_language) {
  for (auto lang : bot_languages())
    for (auto role :
         {menu_role::unregistered, menu_role::manager, menu_role::worker})
      for (auto& [command, description] :
           command_menu(role, std::string{lang})) {
        BOOST_TEST(!description.empty(), lang << " " << command);
        // Telegram's bound on a description.
        BOOST_TEST(description.size() <= 256u, lang << " " << command);
      }
  BOOST_TEST(command_menu(menu_role::worker, "es").front().second
             == "Los comandos de tu rol");
  // A language the bot does not speak reads English.
  BOOST_TEST(command_menu(menu_role::worker, "xx").front().second
             == command_menu(menu_role::worker, "en").front().second);
}

BOOST_AUTO_TEST_CASE(help_names_what_the_menu_offers) {
  for (auto lang : bot_languages()) {
    std::string l{lang};
    auto manager = help_text(menu_role::manager, l);
    auto worker = help_text(menu_role::worker, l);
    BOOST_TEST(manager.rfind(std::string{wording(text_id::help_manager, l)}, 0)
                   == 0u,
               l);
    BOOST_TEST(worker.rfind(std::string{wording(text_id::help_worker, l)}, 0)
                   == 0u,
               l);
    for (const char* c :
         {"/glossary", "/corrections", "/fix", "/glossary suggestions"})
      BOOST_TEST(manager.find(c) != std::string::npos, l << " " << c);
    BOOST_TEST(worker.find("/fix") != std::string::npos, l);
    // Workers only propose terms (/glossary add): the list is the manager's.
    BOOST_TEST(worker.find("/corrections") == std::string::npos, l);
    BOOST_TEST(worker.find("/glossary") == std::string::npos, l);
    BOOST_TEST(manager.find(
                   std::string{wording(text_id::help_glossary_suggestions, l)})
                   != std::string::npos,
               l);
    // A line of its own, in that language (not the English fallback).
    BOOST_TEST(manager.find("\n\n") == std::string::npos, l);
    if (l != "en")
      BOOST_TEST(wording(text_id::help_corrections_manager, l)
                     != wording(text_id::help_corrections_manager, "en"),
                 l);
  }
  BOOST_TEST(help_text(menu_role::unregistered, "en")
             == wording(text_id::help_new, "en"));
  // A language the bot does not speak reads English.
  BOOST_TEST(help_text(menu_role::worker, "xx")
             == help_text(menu_role::worker, "en"));
}

BOOST_AUTO_TEST_SUITE_END() // domain_profile
