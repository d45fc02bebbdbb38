// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include "domain/command.hpp"

BOOST_AUTO_TEST_SUITE(domain_command)

using namespace bridge::domain;

BOOST_AUTO_TEST_CASE(plain_text_is_not_a_command) {
  auto c = parse_command("hola, ¿qué tal?");
  BOOST_TEST((c.kind == command_kind::none));
  BOOST_TEST(c.args == "hola, ¿qué tal?");
  BOOST_TEST((parse_command(" /help").kind == command_kind::none));
  BOOST_TEST((parse_command("").kind == command_kind::none));
}

BOOST_AUTO_TEST_CASE(commands_with_arguments_and_bot_names) {
  auto c = parse_command("/task  call the supplier \n");
  BOOST_TEST((c.kind == command_kind::task));
  BOOST_TEST(c.args == "call the supplier");
  BOOST_TEST((parse_command("/HELP@BridgeBot").kind == command_kind::help));
  BOOST_TEST((parse_command("/tasks").kind == command_kind::tasks));
  BOOST_TEST((parse_command("/task").kind == command_kind::task));
  auto h = parse_command("/history 5");
  BOOST_TEST((h.kind == command_kind::history));
  BOOST_TEST(h.args == "5");
  BOOST_TEST(parse_command("/Switch\t2").args == "2");
}

BOOST_AUTO_TEST_CASE(unknown_and_hostile_commands) {
  auto c = parse_command("/frobnicate now");
  BOOST_TEST((c.kind == command_kind::unknown));
  BOOST_TEST(c.word == "/frobnicate");
  BOOST_TEST((parse_command("/").kind == command_kind::unknown));
  BOOST_TEST((parse_command("/@bot").kind == command_kind::unknown));
  auto longword = parse_command("/" + std::string(5000, 'x'));
  BOOST_TEST((longword.kind == command_kind::unknown));
  BOOST_TEST(longword.word.size() <= 33u);
  BOOST_TEST(
      (parse_command(std::string("/he\0lp", 6)).kind == command_kind::unknown));
  BOOST_TEST((parse_command("/tâsk x").kind == command_kind::unknown));
}

BOOST_AUTO_TEST_CASE(argument_rules) {
  BOOST_TEST((check_args(parse_command("/task")) == args_problem::missing));
  BOOST_TEST(
      (check_args(parse_command("/feedback   ")) == args_problem::missing));
  BOOST_TEST((check_args(parse_command("/task x")) == args_problem::ok));
  BOOST_TEST((check_args(parse_command("/task " + std::string(5000, 'a')))
              == args_problem::too_long));
  BOOST_TEST(
      (check_args(parse_command("/help me")) == args_problem::unexpected));
  BOOST_TEST(
      (check_args(parse_command("/reset now")) == args_problem::unexpected));
  BOOST_TEST((check_args(parse_command("/history")) == args_problem::ok));
  BOOST_TEST((check_args(parse_command("/history 10")) == args_problem::ok));
  for (auto bad :
       {"/history ten", "/history -1", "/history 0",
        "/history 99999999999999999999", "/switch 1.5", "/switch 2x"})
    BOOST_TEST((check_args(parse_command(bad)) == args_problem::not_a_number),
               bad);
  BOOST_TEST(
      (check_args(parse_command("/start BRIDGE-12345")) == args_problem::ok));
}

BOOST_AUTO_TEST_CASE(counts) {
  BOOST_TEST(*parse_count("", 10, 50) == 10);
  BOOST_TEST(*parse_count(" 7 ", 10, 50) == 7);
  BOOST_TEST(!parse_count("51", 10, 50));
  BOOST_TEST(!parse_count("0", 10, 50));
  BOOST_TEST(!parse_count("+5", 10, 50));
}

BOOST_AUTO_TEST_CASE(history_counts_are_capped) {
  struct row {
    const char* args;
    int64_t cap;
    int64_t shown;
  };
  const row table[] = {
      {"", 20, 10},   {"5", 20, 5},     {"20", 20, 20},
      {"21", 20, 20}, {"1000", 20, 20}, {"1001", 20, 10},
      {"0", 20, 10},  {"-3", 20, 10},   {"abc", 20, 10},
      {" 7 ", 20, 7}, {"", 5, 5},       {"999999999999999999999", 20, 10},
      {"3", 1, 1},    {"1", 200, 1},    {"200", 200, 200},
  };
  for (const auto& r : table)
    BOOST_TEST(history_count(r.args, r.cap) == r.shown,
               "'" << r.args << "' with cap " << r.cap);
}

BOOST_AUTO_TEST_CASE(newcode_takes_nothing_and_remove_takes_a_number) {
  BOOST_TEST((parse_command("/newcode").kind == command_kind::newcode));
  BOOST_TEST((parse_command("/NewCode").kind == command_kind::newcode));
  BOOST_TEST((check_args(parse_command("/newcode")) == args_problem::ok));
  BOOST_TEST(
      (check_args(parse_command("/newcode now")) == args_problem::unexpected));
  BOOST_TEST((parse_command("/remove 2").kind == command_kind::remove));
  BOOST_TEST((check_args(parse_command("/remove 2")) == args_problem::ok));
  BOOST_TEST((check_args(parse_command("/remove")) == args_problem::missing));
  for (auto bad : {"/remove 0", "/remove -1", "/remove two", "/remove 2 3",
                   "/remove 1001", "/remove 99999999999999999999"})
    BOOST_TEST((check_args(parse_command(bad)) == args_problem::not_a_number),
               bad);
}

BOOST_AUTO_TEST_CASE(fix_needs_the_better_wording_and_corrections_nothing) {
  auto fix = parse_command("/FIX@BridgeBot   Good morning, team  ");
  BOOST_TEST((fix.kind == command_kind::fix));
  BOOST_TEST(fix.args == "Good morning, team");
  BOOST_TEST(fix.word == "/fix");
  BOOST_TEST((check_args(fix) == args_problem::ok));
  BOOST_TEST((check_args(parse_command("/fix")) == args_problem::missing));
  BOOST_TEST(
      (check_args(parse_command("/fix \n\t ")) == args_problem::missing));
  BOOST_TEST((check_args(parse_command("/fix " + std::string(5000, 'a')))
              == args_problem::too_long));
  // Markup-looking text is text, kept as typed.
  BOOST_TEST(parse_command("/fix <b>Hi</b> &amp;").args == "<b>Hi</b> &amp;");
  BOOST_TEST(std::string{to_string(command_kind::fix)} == "fix");
  BOOST_TEST((parse_command("/fixes").kind == command_kind::unknown));
  auto list = parse_command("/corrections");
  BOOST_TEST((list.kind == command_kind::corrections));
  BOOST_TEST((check_args(list) == args_problem::ok));
  BOOST_TEST((check_args(parse_command("/corrections all"))
              == args_problem::unexpected));
}

BOOST_AUTO_TEST_SUITE_END() // domain_command
