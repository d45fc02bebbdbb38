// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/command.hpp"

/// The registration state machine of a chat, pure: which step a chat is
/// in, what its buttons mean, and what the session does with each input.
namespace bridge::domain {

/// Where a chat stands in registration. Stored verbatim (`to_string`).
enum class reg_step : uint8_t {
  /// Never started, or reset.
  fresh,
  /// Asked: manager or worker?
  role,
  /// Asked: which language?
  language,
  /// A worker asked for their manager's invitation code.
  code,
  /// Registered (and, for a worker, connected).
  ready,
};

const char* to_string(reg_step step);

/// The step a stored name means; `fresh` for anything unknown, so a
/// damaged row starts the chat over rather than wedging it.
reg_step parse_step(std::string_view name);

// -- buttons ------------------------------------------------------------------

/// What a button press asks for.
enum class button_kind : uint8_t {
  role_manager,
  role_worker,
  /// `value` is the language code.
  language,
  /// `id` is the task.
  task_done,
  /// `id` is the worker.
  switch_worker,
  /// A manager's answer to a join request; `id` is the worker.
  join_accept,
  join_decline,
  /// A registered user changes language (`value`); registration's
  /// language buttons are `language`, so an old keyboard changes nothing.
  set_language,
  /// A manager's answer to a worker's glossary proposal; `id` is the
  /// proposal.
  glossary_accept,
  glossary_decline,
  unknown,
};

struct button {
  button_kind kind = button_kind::unknown;
  std::string value;
  int64_t id = 0;
};

/// Reads callback data the bot put on its buttons ("role:manager",
/// "lang:es", "task:42", "switch:1001", "join:yes:2002", "join:no:2002",
/// "setlang:es"). Anything else, including data a hostile client made up, is
/// `unknown`.
button parse_button(std::string_view data);

std::string role_button_data(bool manager);
std::string language_button_data(std::string_view lang);
std::string task_button_data(int64_t task_id);
std::string switch_button_data(int64_t worker_id);
std::string join_button_data(bool accept, int64_t worker_id);
std::string set_language_button_data(std::string_view lang);
/// "gloss:yes:ID" / "gloss:no:ID".
std::string glossary_button_data(bool accept, int64_t proposal_id);

// -- decisions ----------------------------------------------------------------

/// What the session does with one input.
enum class reg_action : uint8_t {
  /// Welcome and ask for the role (registration starts over).
  ask_role,
  /// Record the role pressed, then ask for the language.
  take_role,
  /// Record the language pressed; a manager is registered, a worker is
  /// asked for the code.
  take_language,
  /// Check the text as an invitation code.
  take_code,
  /// Ask the current step's question again, saying registration is not
  /// finished.
  repeat_question,
  /// Tell a chat that never started to send /start.
  not_registered,
  /// A registered chat's command.
  run_command,
  /// A registered chat's button (task done, switch worker, a join's
  /// answer).
  run_button,
  /// A registered chat's plain text: for the partner.
  route_text,
  /// A button that means nothing now (an old keyboard): answer it only.
  stale_button,
  /// /help before registration is finished.
  help_new,
};

/// One input as the state machine sees it.
struct reg_input {
  /// A button press, else a message.
  bool is_button = false;
  button pressed;
  /// A message's command (kind `none` for plain text).
  command cmd;
};

/// The decision for `in` in `step`. /start always starts over before
/// registration is done and shows help after; /reset is a command in
/// every step; a manager never reaches `code`.
reg_action decide(reg_step step, const reg_input& in);

} // namespace bridge::domain
