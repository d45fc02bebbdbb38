// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "domain/command.hpp"
#include "domain/original.hpp"

BOOST_AUTO_TEST_SUITE(domain_original)

using namespace bridge::domain;

namespace {

original_verdict verdict_of(std::string_view args) {
  return read_original_request(args).verdict;
}

} // namespace

BOOST_AUTO_TEST_CASE(no_argument_shows_the_setting) {
  BOOST_TEST((verdict_of("") == original_verdict::show));
  BOOST_TEST((verdict_of(" \t\n ") == original_verdict::show));
}

BOOST_AUTO_TEST_CASE(the_three_modes_in_any_case) {
  for (auto [typed, mode] : {std::pair<const char*, const char*>{"on", "on"},
                             {"OFF", "off"},
                             {" Auto\n", "auto"},
                             {"oN", "on"}}) {
    auto r = read_original_request(typed);
    BOOST_TEST((r.verdict == original_verdict::set), typed);
    BOOST_TEST(r.mode == mode, typed);
  }
}

BOOST_AUTO_TEST_CASE(anything_else_is_refused_unechoed) {
  for (const auto& bad : std::vector<std::string>{
           "yes", "1", "true", "on off", "onn", "o n", "auto!", "'on'",
           "<b>on</b>", "\xd0\xbe\xd0\xbd", // "он" in Cyrillic
           std::string(17, 'o'), std::string(5000, 'x') + "on",
           "on; DROP TABLE users"}) {
    auto r = read_original_request(bad);
    BOOST_TEST((r.verdict == original_verdict::bad), bad);
    BOOST_TEST(r.mode.empty(), bad);
  }
  BOOST_TEST((verdict_of(std::string{"on\0", 3}) == original_verdict::bad));
}

BOOST_AUTO_TEST_CASE(the_command_is_known_and_bounded) {
  auto cmd = parse_command("/ORIGINAL@BridgeBot  off ");
  BOOST_TEST((cmd.kind == command_kind::original));
  BOOST_TEST(cmd.args == "off");
  BOOST_TEST(cmd.word == "/original");
  BOOST_TEST((check_args(cmd) == args_problem::ok));
  BOOST_TEST((check_args(parse_command("/original")) == args_problem::ok));
  BOOST_TEST((check_args(parse_command("/original " + std::string(65, 'a')))
              == args_problem::too_long));
  BOOST_TEST(std::string{to_string(command_kind::original)} == "original");
  BOOST_TEST((parse_command("/originals").kind == command_kind::unknown));
}

BOOST_AUTO_TEST_CASE(auto_quotes_only_a_pivot) {
  BOOST_TEST(!wants_original("auto", 1, true));
  BOOST_TEST(wants_original("auto", 2, true));
  BOOST_TEST(wants_original("auto", 3, true));
  // A profile from before the setting, or a damaged one, reads as auto.
  BOOST_TEST(!wants_original("", 1, true));
  BOOST_TEST(wants_original("", 2, true));
  BOOST_TEST(!wants_original("garbage", 1, true));
}

BOOST_AUTO_TEST_CASE(on_and_off_override_the_route) {
  BOOST_TEST(wants_original("on", 1, true));
  BOOST_TEST(wants_original("on", 2, true));
  BOOST_TEST(!wants_original("off", 1, true));
  BOOST_TEST(!wants_original("off", 2, true));
}

BOOST_AUTO_TEST_CASE(an_untranslated_copy_never_quotes_itself) {
  for (auto mode : {"on", "off", "auto"}) {
    BOOST_TEST(!wants_original(mode, 0, false), mode);
    BOOST_TEST(!wants_original(mode, 2, false), mode);
  }
}

BOOST_AUTO_TEST_CASE(auto_quotes_a_fallback_translation_even_when_direct) {
  BOOST_TEST(wants_original("auto", 1, true, true));
  BOOST_TEST(wants_original("auto", 2, true, true));
  BOOST_TEST(wants_original("", 1, true, true));
  BOOST_TEST(!wants_original("auto", 1, true, false));
}

BOOST_AUTO_TEST_CASE(off_and_untranslated_win_over_a_fallback) {
  BOOST_TEST(!wants_original("off", 1, true, true));
  BOOST_TEST(wants_original("on", 1, true, true));
  // The fallback's text reading like the original: nothing to compare.
  for (auto mode : {"on", "off", "auto"})
    BOOST_TEST(!wants_original(mode, 1, false, true), mode);
}

BOOST_AUTO_TEST_SUITE_END() // domain_original
