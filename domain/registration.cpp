// SPDX-License-Identifier: Apache-2.0
#include "domain/registration.hpp"

#include <charconv>

namespace bridge::domain {

namespace {

constexpr std::string_view step_names[] = {"fresh", "role", "language", "code",
                                           "ready"};

/// A positive decimal id, or 0.
int64_t parse_id(std::string_view s) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size() || v <= 0)
    return 0;
  return v;
}

bool is_language_code(std::string_view s) {
  if (s.size() < 2 || s.size() > 8)
    return false;
  for (char c : s)
    if (c < 'a' || c > 'z')
      return false;
  return true;
}

} // namespace

const char* to_string(reg_step step) {
  return step_names[static_cast<size_t>(step)].data();
}

reg_step parse_step(std::string_view name) {
  for (size_t i = 0; i < std::size(step_names); ++i)
    if (step_names[i] == name)
      return static_cast<reg_step>(i);
  return reg_step::fresh;
}

button parse_button(std::string_view data) {
  button b;
  auto colon = data.find(':');
  if (colon == std::string_view::npos)
    return b;
  auto head = data.substr(0, colon);
  auto tail = data.substr(colon + 1);
  if (head == "role") {
    if (tail == "manager")
      b.kind = button_kind::role_manager;
    else if (tail == "worker")
      b.kind = button_kind::role_worker;
  } else if (head == "lang" && is_language_code(tail)) {
    b.kind = button_kind::language;
    b.value = std::string{tail};
  } else if (head == "setlang" && is_language_code(tail)) {
    b.kind = button_kind::set_language;
    b.value = std::string{tail};
  } else if (head == "join") {
    auto answer = tail.substr(0, tail.find(':'));
    auto rest = answer.size() < tail.size() ? tail.substr(answer.size() + 1)
                                            : std::string_view{};
    if (auto id = parse_id(rest);
        id > 0 && (answer == "yes" || answer == "no")) {
      b.kind = answer == "yes" ? button_kind::join_accept
                               : button_kind::join_decline;
      b.id = id;
    }
  } else if (head == "gloss") {
    auto answer = tail.substr(0, tail.find(':'));
    auto rest = answer.size() < tail.size() ? tail.substr(answer.size() + 1)
                                            : std::string_view{};
    if (auto id = parse_id(rest);
        id > 0 && (answer == "yes" || answer == "no")) {
      b.kind = answer == "yes" ? button_kind::glossary_accept
                               : button_kind::glossary_decline;
      b.id = id;
    }
  } else if (head == "task" || head == "switch") {
    if (auto id = parse_id(tail); id > 0) {
      b.kind =
          head == "task" ? button_kind::task_done : button_kind::switch_worker;
      b.id = id;
    }
  }
  return b;
}

std::string role_button_data(bool manager) {
  return manager ? "role:manager" : "role:worker";
}

std::string language_button_data(std::string_view lang) {
  return "lang:" + std::string{lang};
}

std::string set_language_button_data(std::string_view lang) {
  return "setlang:" + std::string{lang};
}

std::string task_button_data(int64_t task_id) {
  return "task:" + std::to_string(task_id);
}

std::string switch_button_data(int64_t worker_id) {
  return "switch:" + std::to_string(worker_id);
}

std::string join_button_data(bool accept, int64_t worker_id) {
  return (accept ? "join:yes:" : "join:no:") + std::to_string(worker_id);
}

std::string glossary_button_data(bool accept, int64_t proposal_id) {
  return (accept ? "gloss:yes:" : "gloss:no:") + std::to_string(proposal_id);
}

reg_action decide(reg_step step, const reg_input& in) {
  if (in.is_button) {
    auto k = in.pressed.kind;
    switch (step) {
    case reg_step::role:
      return k == button_kind::role_manager || k == button_kind::role_worker
                 ? reg_action::take_role
                 : reg_action::stale_button;
    case reg_step::language:
      return k == button_kind::language ? reg_action::take_language
                                        : reg_action::stale_button;
    case reg_step::ready:
      return k == button_kind::task_done || k == button_kind::switch_worker
                     || k == button_kind::join_accept
                     || k == button_kind::join_decline
                     || k == button_kind::set_language
                     || k == button_kind::glossary_accept
                     || k == button_kind::glossary_decline
                 ? reg_action::run_button
                 : reg_action::stale_button;
    default:
      return reg_action::stale_button;
    }
  }
  auto kind = in.cmd.kind;
  if (step == reg_step::ready)
    return kind == command_kind::none ? reg_action::route_text
                                      : reg_action::run_command;
  if (kind == command_kind::start)
    return reg_action::ask_role;
  if (kind == command_kind::reset)
    return reg_action::run_command;
  if (kind == command_kind::help)
    return reg_action::help_new;
  switch (step) {
  case reg_step::fresh:
    return reg_action::not_registered;
  case reg_step::code:
    // A worker may paste the code with or without anything around it;
    // /code is not a way to send one.
    return kind == command_kind::none ? reg_action::take_code
                                      : reg_action::repeat_question;
  default:
    return reg_action::repeat_question;
  }
}

} // namespace bridge::domain
