// SPDX-License-Identifier: Apache-2.0
// setMyCommands and getMyCommands: the bot's command menu, per scope and
// language, as Telegram keeps it. The simulator knows the `default` and
// `chat` scopes (the ones a per-user menu needs); a set is also recorded
// as an event in the chat it is scoped to, so tests can follow it.

#include <simdjson.h>

#include "common/json_writer.hpp"
#include "common/utf8.hpp"
#include "tools/tg_sim/bot_methods.hpp"
#include "tools/tg_sim/update_json.hpp"

namespace bridge::tg_sim {

namespace dom = simdjson::dom;

namespace {

/// Telegram's bounds on a command list.
constexpr size_t max_commands = 100;
constexpr size_t max_command = 32;
constexpr size_t max_description = 256;

/// Where a list applies: "default" or "chat:<id>", and the chat when it
/// is one.
struct command_scope {
  std::string key = "default";
  std::optional<int64_t> chat_id;
};

refusal read_scope(const method_args& args, command_scope& out) {
  std::string_view encoded;
  auto state = args.get_json("scope", encoded);
  if (state == arg_state::absent)
    return {};
  dom::element root;
  dom::object obj;
  std::string_view type;
  if (state != arg_state::ok
      || thread_parser().parse(encoded.data(), encoded.size()).get(root)
             != simdjson::SUCCESS
      || root.get_object().get(obj) != simdjson::SUCCESS
      || obj["type"].get_string().get(type) != simdjson::SUCCESS)
    return refusal::bad_request("can't parse BotCommandScope JSON object");
  if (type == "default")
    return {};
  if (type != "chat")
    return refusal::bad_request("unsupported bot command scope type");
  int64_t chat = 0;
  if (obj["chat_id"].get_int64().get(chat) != simdjson::SUCCESS || chat == 0)
    return refusal::bad_request("chat not found");
  out.key = "chat:" + std::to_string(chat);
  out.chat_id = chat;
  return {};
}

/// An empty code, or two lower-case letters (ISO 639-1), as Telegram takes.
refusal read_language(const method_args& args, std::string& out) {
  if (args.get_string("language_code", out) == arg_state::invalid)
    return refusal::bad_request("invalid language code");
  if (out.empty())
    return {};
  if (out.size() != 2 || out[0] < 'a' || out[0] > 'z' || out[1] < 'a'
      || out[1] > 'z')
    return refusal::bad_request("invalid language code");
  return {};
}

bool valid_command(std::string_view c) {
  if (c.empty() || c.size() > max_command)
    return false;
  for (char ch : c)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_'))
      return false;
  return true;
}

/// The list as a minified JSON array of {command, description}.
refusal read_commands(const method_args& args, std::string& out) {
  std::string_view encoded;
  dom::element root;
  dom::array list;
  if (args.get_json("commands", encoded) != arg_state::ok
      || thread_parser().parse(encoded.data(), encoded.size()).get(root)
             != simdjson::SUCCESS
      || root.get_array().get(list) != simdjson::SUCCESS)
    return refusal::bad_request("can't parse commands JSON array");
  if (list.size() > max_commands)
    return refusal::bad_request("too many commands specified");
  json::writer w;
  w.begin_array();
  for (auto el : list) {
    dom::object obj;
    std::string_view command;
    std::string_view description;
    if (el.get_object().get(obj) != simdjson::SUCCESS
        || obj["command"].get_string().get(command) != simdjson::SUCCESS
        || obj["description"].get_string().get(description)
               != simdjson::SUCCESS)
      return refusal::bad_request("can't parse BotCommand JSON object");
    if (!valid_command(command))
      return refusal::bad_request("command must contain only lowercase "
                                  "English letters, digits and underscores");
    if (description.empty() || !utf8::is_valid(description)
        || utf8::utf16_length(description) > max_description)
      return refusal::bad_request("command description is invalid");
    w.begin_object()
        .field("command", command)
        .field("description", description)
        .end_object();
  }
  w.end_array();
  out = std::move(w).str();
  return {};
}

} // namespace

http_answer bot_methods::set_my_commands(const method_args& args) {
  command_scope scope;
  std::string language;
  std::string commands;
  if (auto r = read_commands(args, commands))
    return error_answer(r);
  if (auto r = read_scope(args, scope))
    return error_answer(r);
  if (auto r = read_language(args, language))
    return error_answer(r);
  json::writer w;
  w.field("method", "setMyCommands")
      .field("language_code", language)
      .field("commands", commands)
      .field("at_ms", state_.clock().unix_ms());
  if (auto r = state_.set_commands(scope.key + "|" + language, commands,
                                   scope.chat_id, std::move(w).str()))
    return error_answer(r);
  return {200, ok_reply("true")};
}

http_answer bot_methods::get_my_commands(const method_args& args) {
  command_scope scope;
  std::string language;
  if (auto r = read_scope(args, scope))
    return error_answer(r);
  if (auto r = read_language(args, language))
    return error_answer(r);
  return {200, ok_reply(state_.commands(scope.key + "|" + language))};
}

} // namespace bridge::tg_sim
