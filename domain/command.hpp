// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bridge::domain {

/// The bot's commands. `none` is plain text (a message for the partner).
enum class command_kind : uint8_t {
  none,
  start,
  help,
  workers,
  switch_worker,
  task,
  tasks,
  daily,
  history,
  reset,
  feedback,
  code,
  /// A manager rotates their invitation code.
  newcode,
  /// A manager unlinks worker N of /workers.
  remove,
  /// Changes the language a user writes in (links stay).
  language,
  /// A manager's free messages left today and subscription.
  usage,
  /// Telegram Stars: a manager asks for a subscription invoice.
  subscribe,
  /// Help with payments, as Telegram's terms ask of paying bots.
  paysupport,
  /// The team's glossary: list, add, remove (a worker's add proposes).
  glossary,
  /// A reader's better wording of a translation they reply to.
  fix,
  /// A manager's corrections repeated by their team (glossary candidates).
  corrections,
  /// Whether the reader gets originals under translations (on/off/auto).
  original,
  unknown,
};

const char* to_string(command_kind kind);

/// A parsed command: its kind and the text after it, trimmed.
struct command {
  command_kind kind = command_kind::none;
  std::string args;
  /// The command word as typed, for "unknown command /x" replies.
  std::string word;
};

/// Parses a message text. A command is `/word` at the very start, optionally
/// addressed to a bot (`/help@BridgeBot`), followed by whitespace and
/// arguments. Anything else is plain text (kind none, args = text).
/// Matching is case-insensitive; the word is at most 32 characters.
command parse_command(std::string_view text);

/// Why a command's arguments are not acceptable.
enum class args_problem : uint8_t {
  ok,
  missing,
  unexpected,
  too_long,
  not_a_number
};

/// Checks the arguments of `cmd`: which commands need text (/task,
/// /feedback), which take an optional number (/history, /switch), which
/// take nothing. `max_text` bounds free text in bytes.
args_problem check_args(const command& cmd, size_t max_text = 4096);

/// Parses a positive count argument ("", "5"); empty gives `fallback`;
/// anything else, zero, or above `max` gives nullopt.
std::optional<int64_t> parse_count(std::string_view args, int64_t fallback,
                                   int64_t max);

/// Messages `/history N` shows: 10 without N, N capped at `cap` (what
/// `check_args` accepts, up to 1000, is valid; more than the cap shows the
/// cap), and 10 for anything unreadable.
int64_t history_count(std::string_view args, int64_t cap);

} // namespace bridge::domain
