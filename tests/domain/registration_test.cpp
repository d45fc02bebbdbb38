// SPDX-License-Identifier: Apache-2.0
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "domain/registration.hpp"

BOOST_AUTO_TEST_SUITE(domain_registration)

using namespace bridge::domain;

namespace {

const char* name(reg_action a) {
  switch (a) {
  case reg_action::ask_role:
    return "ask_role";
  case reg_action::take_role:
    return "take_role";
  case reg_action::take_language:
    return "take_language";
  case reg_action::take_code:
    return "take_code";
  case reg_action::repeat_question:
    return "repeat_question";
  case reg_action::not_registered:
    return "not_registered";
  case reg_action::run_command:
    return "run_command";
  case reg_action::run_button:
    return "run_button";
  case reg_action::route_text:
    return "route_text";
  case reg_action::stale_button:
    return "stale_button";
  case reg_action::help_new:
    return "help_new";
  }
  return "?";
}

const char* name(button_kind k) {
  switch (k) {
  case button_kind::role_manager:
    return "role_manager";
  case button_kind::role_worker:
    return "role_worker";
  case button_kind::language:
    return "language";
  case button_kind::task_done:
    return "task_done";
  case button_kind::switch_worker:
    return "switch_worker";
  case button_kind::join_accept:
    return "join_accept";
  case button_kind::join_decline:
    return "join_decline";
  case button_kind::set_language:
    return "set_language";
  case button_kind::glossary_accept:
    return "glossary_accept";
  case button_kind::glossary_decline:
    return "glossary_decline";
  case button_kind::unknown:
    return "unknown";
  }
  return "?";
}

// -- parse_button -------------------------------------------------------------

struct button_row {
  std::string data;
  button_kind kind;
  std::string value;
  int64_t id;
};

const std::vector<button_row> button_rows = {
    // what the bot puts on its buttons
    {"role:manager", button_kind::role_manager, "", 0},
    {"role:worker", button_kind::role_worker, "", 0},
    {"lang:es", button_kind::language, "es", 0},
    {"lang:eng", button_kind::language, "eng", 0},
    {"lang:abcdefgh", button_kind::language, "abcdefgh", 0},
    {"task:42", button_kind::task_done, "", 42},
    {"switch:1001", button_kind::switch_worker, "", 1001},
    {"gloss:yes:7", button_kind::glossary_accept, "", 7},
    {"gloss:no:7", button_kind::glossary_decline, "", 7},
    // glossary answers: only yes or no, and a positive id
    {"gloss:maybe:7", button_kind::unknown, "", 0},
    {"gloss:yes:", button_kind::unknown, "", 0},
    {"gloss:yes:0", button_kind::unknown, "", 0},
    {"gloss:yes:-3", button_kind::unknown, "", 0},
    {"gloss:yes:7x", button_kind::unknown, "", 0},
    {"task:9223372036854775807", button_kind::task_done, "",
     INT64_C(9223372036854775807)},
    // empty and shapeless
    {"", button_kind::unknown, "", 0},
    {":", button_kind::unknown, "", 0},
    {"role", button_kind::unknown, "", 0},
    {"manager", button_kind::unknown, "", 0},
    {"nothing:here", button_kind::unknown, "", 0},
    // wrong roles
    {"role:", button_kind::unknown, "", 0},
    {"role:admin", button_kind::unknown, "", 0},
    {"role:Manager", button_kind::unknown, "", 0},
    {"ROLE:manager", button_kind::unknown, "", 0},
    {"role:manager ", button_kind::unknown, "", 0},
    {"role: worker", button_kind::unknown, "", 0},
    {"role:worker:extra", button_kind::unknown, "", 0},
    {std::string("role:manager\0", 13), button_kind::unknown, "", 0},
    // wrong languages
    {"lang:", button_kind::unknown, "", 0},
    {"lang:e", button_kind::unknown, "", 0},
    {"lang:ES", button_kind::unknown, "", 0},
    {"lang:e1", button_kind::unknown, "", 0},
    {"lang:es-ES", button_kind::unknown, "", 0},
    {"lang:es:x", button_kind::unknown, "", 0},
    {"lang:abcdefghi", button_kind::unknown, "", 0},
    {"lang:\xC3\xB1"
     "a",
     button_kind::unknown, "", 0},
    {"lang:" + std::string(5000, 'a'), button_kind::unknown, "", 0},
    // wrong ids
    {"task:", button_kind::unknown, "", 0},
    {"task:0", button_kind::unknown, "", 0},
    {"task:-3", button_kind::unknown, "", 0},
    {"task:+3", button_kind::unknown, "", 0},
    {"task: 3", button_kind::unknown, "", 0},
    {"task:3x", button_kind::unknown, "", 0},
    {"task:0x10", button_kind::unknown, "", 0},
    {"switch:1.5", button_kind::unknown, "", 0},
    {"task:9223372036854775808", button_kind::unknown, "", 0},
    {"switch:" + std::string(5000, '9'), button_kind::unknown, "", 0},
    {"Task:42", button_kind::unknown, "", 0},
    // a registered user's language change
    {"setlang:pt", button_kind::set_language, "pt", 0},
    {"setlang:", button_kind::unknown, "", 0},
    {"setlang:PT", button_kind::unknown, "", 0},
    {"setlang:pt:x", button_kind::unknown, "", 0},
    {"setlang:" + std::string(5000, 'a'), button_kind::unknown, "", 0},
    {"Setlang:pt", button_kind::unknown, "", 0},
    // a manager's answer to a join request
    {"join:yes:2002", button_kind::join_accept, "", 2002},
    {"join:no:2002", button_kind::join_decline, "", 2002},
    {"join:yes:", button_kind::unknown, "", 0},
    {"join:yes", button_kind::unknown, "", 0},
    {"join:maybe:2002", button_kind::unknown, "", 0},
    {"join:YES:2002", button_kind::unknown, "", 0},
    {"join:yes:0", button_kind::unknown, "", 0},
    {"join:yes:-5", button_kind::unknown, "", 0},
    {"join:yes:2002:x", button_kind::unknown, "", 0},
    {"join::2002", button_kind::unknown, "", 0},
    {"join:yes:" + std::string(5000, '9'), button_kind::unknown, "", 0},
    // oversize
    {std::string(100000, 'x'), button_kind::unknown, "", 0},
    {"role:" + std::string(100000, 'm'), button_kind::unknown, "", 0},
};

// -- decide -------------------------------------------------------------------

/// The inputs a chat can send, one column of the table each.
enum col : size_t {
  plain,       // "hello"
  empty,       // ""
  code_text,   // "BRIDGE-48213": plain text that is a code
  start,       // /start
  help,        // /help
  reset,       // /reset
  code_cmd,    // /code
  task_cmd,    // /task x
  unknown_cmd, // /frobnicate
  b_manager,   // role:manager
  b_worker,    // role:worker
  b_lang,      // lang:es
  b_task,      // task:42
  b_switch,    // switch:1001
  b_unknown,   // made-up data
  columns
};

reg_input input(col c) {
  static const char* texts[] = {"hello",  "",        "BRIDGE-48213",
                                "/start", "/help",   "/reset",
                                "/code",  "/task x", "/frobnicate"};
  static const char* buttons[] = {"role:manager", "role:worker", "lang:es",
                                  "task:42",      "switch:1001", "zz:top"};
  reg_input in;
  if (c < b_manager) {
    in.cmd = parse_command(texts[c]);
  } else {
    in.is_button = true;
    in.pressed = parse_button(buttons[c - b_manager]);
  }
  return in;
}

const char* column_name(col c) {
  static const char* names[] = {
      "plain",       "empty",   "code_text", "/start",      "/help",
      "/reset",      "/code",   "/task",     "/frobnicate", "role:manager",
      "role:worker", "lang:es", "task:42",   "switch:1001", "made-up button"};
  return names[c];
}

using A = reg_action;
constexpr A NR = A::not_registered, AR = A::ask_role, HN = A::help_new,
            RC = A::run_command, RQ = A::repeat_question, SB = A::stale_button,
            TR = A::take_role, TL = A::take_language, TC = A::take_code,
            RT = A::route_text, RB = A::run_button;

struct step_row {
  reg_step step;
  A expected[columns];
};

// clang-format off
const step_row decide_rows[] = {
  // messages: plain empty code-text /start /help /reset /code /task /frob
  // buttons:  manager worker lang task switch made-up
  {reg_step::fresh,    {NR, NR, NR, AR, HN, RC, NR, NR, NR,  SB, SB, SB, SB, SB, SB}},
  {reg_step::role,     {RQ, RQ, RQ, AR, HN, RC, RQ, RQ, RQ,  TR, TR, SB, SB, SB, SB}},
  {reg_step::language, {RQ, RQ, RQ, AR, HN, RC, RQ, RQ, RQ,  SB, SB, TL, SB, SB, SB}},
  {reg_step::code,     {TC, TC, TC, AR, HN, RC, RQ, RQ, RQ,  SB, SB, SB, SB, SB, SB}},
  {reg_step::ready,    {RT, RT, RT, RC, RC, RC, RC, RC, RC,  SB, SB, SB, RB, RB, SB}},
};
// clang-format on

} // namespace

BOOST_AUTO_TEST_CASE(buttons_mean_what_the_bot_put_on_them_and_nothing_else) {
  for (const auto& r : button_rows) {
    BOOST_TEST_CONTEXT("data \"" << r.data.substr(0, 40) << "\" ("
                                 << r.data.size() << " bytes)") {
      auto b = parse_button(r.data);
      BOOST_TEST(name(b.kind) == name(r.kind));
      BOOST_TEST(b.value == r.value);
      BOOST_TEST(b.id == r.id);
    }
  }
}

BOOST_AUTO_TEST_CASE(button_data_round_trips) {
  BOOST_TEST(name(parse_button(role_button_data(true)).kind)
             == name(button_kind::role_manager));
  BOOST_TEST(name(parse_button(role_button_data(false)).kind)
             == name(button_kind::role_worker));
  for (auto lang : {"en", "es", "pt", "ca"}) {
    auto b = parse_button(language_button_data(lang));
    BOOST_TEST(name(b.kind) == name(button_kind::language));
    BOOST_TEST(b.value == lang);
  }
  for (int64_t id : {int64_t{1}, int64_t{42}, INT64_C(9007199254740993)}) {
    auto t = parse_button(task_button_data(id));
    BOOST_TEST(name(t.kind) == name(button_kind::task_done));
    BOOST_TEST(t.id == id);
    auto s = parse_button(switch_button_data(id));
    BOOST_TEST(name(s.kind) == name(button_kind::switch_worker));
    BOOST_TEST(s.id == id);
    auto yes = parse_button(join_button_data(true, id));
    BOOST_TEST(name(yes.kind) == name(button_kind::join_accept));
    BOOST_TEST(yes.id == id);
    auto no = parse_button(join_button_data(false, id));
    BOOST_TEST(name(no.kind) == name(button_kind::join_decline));
    BOOST_TEST(no.id == id);
  }
}

BOOST_AUTO_TEST_CASE(join_answers_are_a_registered_chats_buttons_only) {
  // An Accept pressed in any other step (a manager who reset since, say)
  // is answered and does nothing.
  reg_input in;
  in.is_button = true;
  in.pressed = parse_button(join_button_data(true, 2002));
  BOOST_TEST((decide(reg_step::ready, in) == reg_action::run_button));
  for (auto step :
       {reg_step::fresh, reg_step::role, reg_step::language, reg_step::code})
    BOOST_TEST((decide(step, in) == reg_action::stale_button));
}

BOOST_AUTO_TEST_CASE(every_step_and_input_has_its_decision) {
  for (const auto& r : decide_rows) {
    for (size_t c = 0; c < columns; ++c) {
      BOOST_TEST_CONTEXT("step " << to_string(r.step) << ", input "
                                 << column_name(static_cast<col>(c))) {
        auto got = decide(r.step, input(static_cast<col>(c)));
        BOOST_TEST(name(got) == name(r.expected[c]));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_button_is_judged_as_a_button_whatever_else_it_carries) {
  // A press never runs a command, even one that would start over.
  reg_input in;
  in.is_button = true;
  in.cmd = parse_command("/start");
  for (auto step : {reg_step::fresh, reg_step::role, reg_step::language,
                    reg_step::code, reg_step::ready})
    BOOST_TEST(name(decide(step, in)) == name(reg_action::stale_button));
}

BOOST_AUTO_TEST_CASE(commands_are_read_loosely_before_deciding) {
  // What people type reaches the same decision as the plain command.
  reg_input in;
  in.cmd = parse_command("/START@BridgeBot");
  BOOST_TEST(name(decide(reg_step::language, in))
             == name(reg_action::ask_role));
  in.cmd = parse_command("/reset   ");
  BOOST_TEST(name(decide(reg_step::code, in)) == name(reg_action::run_command));
  // A leading space makes it text: in the code step, a code to check.
  in.cmd = parse_command(" /start");
  BOOST_TEST(name(decide(reg_step::code, in)) == name(reg_action::take_code));
  in.cmd = parse_command(std::string(100000, 'a'));
  BOOST_TEST(name(decide(reg_step::ready, in)) == name(reg_action::route_text));
}

BOOST_AUTO_TEST_CASE(steps_round_trip_and_damage_starts_over) {
  for (auto step : {reg_step::fresh, reg_step::role, reg_step::language,
                    reg_step::code, reg_step::ready})
    BOOST_TEST(to_string(parse_step(to_string(step))) == to_string(step));
  BOOST_TEST(std::string{to_string(reg_step::ready)} == "ready");
  for (auto bad : {std::string{}, std::string{"READY"}, std::string{"ready "},
                   std::string{"registered"}, std::string("code\0", 5),
                   std::string(100000, 'r')})
    BOOST_TEST(to_string(parse_step(bad)) == to_string(reg_step::fresh));
}

BOOST_AUTO_TEST_SUITE_END() // domain_registration
