// SPDX-License-Identifier: Apache-2.0
#include "domain/command.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace bridge::domain {

namespace {

constexpr size_t max_word = 32;

struct entry {
  std::string_view word;
  command_kind kind;
};

constexpr entry commands[] = {
    {"start", command_kind::start},
    {"help", command_kind::help},
    {"workers", command_kind::workers},
    {"switch", command_kind::switch_worker},
    {"task", command_kind::task},
    {"tasks", command_kind::tasks},
    {"daily", command_kind::daily},
    {"history", command_kind::history},
    {"reset", command_kind::reset},
    {"feedback", command_kind::feedback},
    {"code", command_kind::code},
    {"newcode", command_kind::newcode},
    {"remove", command_kind::remove},
    {"language", command_kind::language},
    {"usage", command_kind::usage},
    {"glossary", command_kind::glossary},
    // Telegram Stars
    {"subscribe", command_kind::subscribe},
    {"paysupport", command_kind::paysupport},
};

/// Corrections of translations (a table of their own keeps the one above
/// as it was laid out).
constexpr entry correction_commands[] = {
    {"fix", command_kind::fix},
    {"corrections", command_kind::corrections},
};

/// /original: the reader's choice of originals under translations.
constexpr entry original_commands[] = {
    {"original", command_kind::original},
};

/// Calls `f` with every entry of the tables.
template <class F> void for_each_entry(F f) {
  for (auto& e : commands)
    f(e);
  for (auto& e : correction_commands)
    f(e);
  for (auto& e : original_commands)
    f(e);
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_space(s.back()))
    s.remove_suffix(1);
  return s;
}

} // namespace

const char* to_string(command_kind kind) {
  switch (kind) {
  case command_kind::none:
    return "none";
  case command_kind::unknown:
    return "unknown";
  default:
    break;
  }
  const char* name = "unknown";
  for_each_entry([&](const entry& e) {
    if (e.kind == kind)
      name = e.word.data();
  });
  return name;
}

command parse_command(std::string_view text) {
  command cmd;
  if (text.empty() || text.front() != '/') {
    cmd.args = std::string{text};
    return cmd;
  }
  size_t end = 1;
  while (end < text.size() && !is_space(text[end]))
    ++end;
  auto token = text.substr(1, end - 1);
  // "/help@BridgeBot": the part after '@' names the bot; any bot is fine
  // in a private chat.
  auto at = token.find('@');
  auto word = token.substr(0, at);
  cmd.word = "/" + std::string{word.substr(0, max_word)};
  cmd.args = std::string{trim(text.substr(end))};
  if (word.empty() || word.size() > max_word) {
    cmd.kind = command_kind::unknown;
    return cmd;
  }
  std::string lower{word};
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  cmd.kind = command_kind::unknown;
  for_each_entry([&](const entry& e) {
    if (e.word == lower) {
      cmd.kind = e.kind;
      cmd.word = "/" + lower;
    }
  });
  return cmd;
}

std::optional<int64_t> parse_count(std::string_view args, int64_t fallback,
                                   int64_t max) {
  args = trim(args);
  if (args.empty())
    return fallback;
  int64_t n = 0;
  auto [p, ec] = std::from_chars(args.data(), args.data() + args.size(), n);
  if (ec != std::errc{} || p != args.data() + args.size() || n <= 0 || n > max)
    return std::nullopt;
  return n;
}

int64_t history_count(std::string_view args, int64_t cap) {
  auto n = parse_count(args, 10, 1000).value_or(10);
  return std::max<int64_t>(1, std::min(n, cap));
}

args_problem check_args(const command& cmd, size_t max_text) {
  switch (cmd.kind) {
  case command_kind::task:
  case command_kind::feedback:
  case command_kind::fix:
    if (cmd.args.empty())
      return args_problem::missing;
    if (cmd.args.size() > max_text)
      return args_problem::too_long;
    return args_problem::ok;
  case command_kind::history:
    if (cmd.args.empty())
      return args_problem::ok;
    return parse_count(cmd.args, 1, 1000) ? args_problem::ok
                                          : args_problem::not_a_number;
  case command_kind::switch_worker:
    if (cmd.args.empty())
      return args_problem::ok; // shows the list
    return parse_count(cmd.args, 1, 1000) ? args_problem::ok
                                          : args_problem::not_a_number;
  case command_kind::remove:
    // Which worker, by their number in /workers: never "the current
    // one" by default, so a slip cannot unlink anyone.
    if (cmd.args.empty())
      return args_problem::missing;
    return parse_count(cmd.args, 1, 1000) ? args_problem::ok
                                          : args_problem::not_a_number;
  case command_kind::start:
    // Deep links (`/start <payload>`) may carry an invitation code.
    return cmd.args.size() > 64 ? args_problem::too_long : args_problem::ok;
  case command_kind::glossary:
    // "add TERM = ..." or "remove TERM"; a whole glossary line is short.
    return cmd.args.size() > 1024 ? args_problem::too_long : args_problem::ok;
  case command_kind::language:
    // Optional: without it the choice is shown. Bounded like a deep
    // link, so a flood of text is refused before it is looked at.
    return cmd.args.size() > 64 ? args_problem::too_long : args_problem::ok;
  case command_kind::original:
    // Optional (without it the setting is shown); a mode is one short
    // word, so a flood of text is refused before it is looked at.
    return cmd.args.size() > 64 ? args_problem::too_long : args_problem::ok;
  case command_kind::help:
  case command_kind::usage:
  case command_kind::subscribe:
  case command_kind::paysupport:
  case command_kind::workers:
  case command_kind::tasks:
  case command_kind::daily:
  case command_kind::reset:
  case command_kind::code:
  case command_kind::newcode:
  case command_kind::corrections:
    return cmd.args.empty() ? args_problem::ok : args_problem::unexpected;
  case command_kind::none:
  case command_kind::unknown:
    return args_problem::ok;
  }
  return args_problem::ok;
}

} // namespace bridge::domain
