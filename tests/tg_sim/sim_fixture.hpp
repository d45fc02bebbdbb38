// SPDX-License-Identifier: Apache-2.0
#pragma once

// A simulator without sockets: state on a manual clock, the Bot API and
// the control API called directly, answers parsed with simdjson.

#include <memory>
#include <string>

#include <simdjson.h>

#include "common/json_writer.hpp"

#include "tools/tg_sim/bot_methods.hpp"
#include "tools/tg_sim/control_api.hpp"
#include "tools/tg_sim/sim_state.hpp"

namespace tg_sim_test {

using namespace bridge::tg_sim;

/// A parsed answer that owns its parser, so several can be alive at once.
struct reply {
  int status = 0;
  std::string body;
  std::unique_ptr<simdjson::dom::parser> parser =
      std::make_unique<simdjson::dom::parser>();
  simdjson::dom::element json;

  bool ok() const {
    bool v = false;
    return json["ok"].get_bool().get(v) == simdjson::SUCCESS && v;
  }
  std::string description() const {
    std::string_view v;
    if (json["description"].get_string().get(v) != simdjson::SUCCESS
        && json["error"].get_string().get(v) != simdjson::SUCCESS)
      return {};
    return std::string{v};
  }
  simdjson::dom::element result() const { return json["result"].value(); }
  int64_t integer(std::string_view pointer) const {
    int64_t v = 0;
    if (json.at_pointer(pointer).get_int64().get(v) != simdjson::SUCCESS)
      throw std::runtime_error("no integer at " + std::string{pointer} + " in "
                               + body);
    return v;
  }
  std::string text(std::string_view pointer) const {
    std::string_view v;
    if (json.at_pointer(pointer).get_string().get(v) != simdjson::SUCCESS)
      throw std::runtime_error("no string at " + std::string{pointer} + " in "
                               + body);
    return std::string{v};
  }
  size_t count(std::string_view pointer) const {
    simdjson::dom::array arr;
    if (json.at_pointer(pointer).get_array().get(arr) != simdjson::SUCCESS)
      throw std::runtime_error("no array at " + std::string{pointer} + " in "
                               + body);
    return arr.size();
  }
};

inline reply parse(http_answer a) {
  reply r;
  r.status = a.status;
  r.body = std::move(a.body);
  if (r.parser->parse(r.body).get(r.json) != simdjson::SUCCESS)
    throw std::runtime_error("answer is not JSON: " + r.body);
  return r;
}

inline sim_options test_options() {
  sim_options o;
  o.token = "42:test";
  o.first_update_id = 1;
  return o;
}

struct sim_fixture {
  explicit sim_fixture(sim_options opts = test_options())
      : clock(std::make_shared<manual_clock>()), state(std::move(opts), clock),
        bot(state, std::chrono::seconds{60}),
        control(state, std::chrono::milliseconds{60'000}) {}

  /// Calls a Bot API method with a JSON body.
  reply call(std::string_view method, std::string_view json_body = "{}") {
    method_args args;
    if (auto r = parse_json_body(json_body, args))
      return parse(error_answer(r));
    return parse(bot.call(method, args));
  }

  /// User `id` writes `text` in their private chat (or `chat`).
  reply say(int64_t id, const std::string& text, int64_t chat = 0) {
    std::string body = R"({"from":{"id":)" + std::to_string(id)
                       + R"(,"first_name":"U)" + std::to_string(id) + "\"}";
    if (chat != 0)
      body += ",\"chat_id\":" + std::to_string(chat);
    body += ",\"text\":" + bridge::json::quote(text) + "}";
    return parse(control.message(body));
  }

  /// The bot sends `text` to `chat`.
  reply send(int64_t chat, const std::string& text,
             const std::string& extra = {}) {
    return call("sendMessage", R"({"chat_id":)" + std::to_string(chat)
                                   + R"(,"text":)" + bridge::json::quote(text)
                                   + extra + "}");
  }

  /// getUpdates that never waits; `members` are extra JSON members.
  reply updates(const std::string& members = {}) {
    return call("getUpdates", "{\"timeout\":0"
                                  + (members.empty() ? "" : "," + members)
                                  + "}");
  }

  reply events(int64_t chat, int64_t after = 0) {
    method_args q;
    q.add_text("after", std::to_string(after));
    return parse(control.chat_events(std::to_string(chat), q));
  }

  std::shared_ptr<manual_clock> clock;
  sim_state state;
  bot_methods bot;
  control_api control;
};

} // namespace tg_sim_test
