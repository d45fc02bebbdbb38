// SPDX-License-Identifier: Apache-2.0
#include "tools/tg_sim/bot_methods.hpp"

#include <algorithm>

#include "common/json_writer.hpp"
#include "tools/tg_sim/arg_checks.hpp"
#include "tools/tg_sim/entities.hpp"
#include "tools/tg_sim/update_json.hpp"

namespace bridge::tg_sim {

namespace {

http_answer ok_answer(std::string_view result) {
  return {200, ok_reply(result)};
}

/// `{"ok":true,"result":true,"description":...}`, as the webhook methods
/// answer.
http_answer ok_true(std::string_view description) {
  json::writer w;
  w.begin_object()
      .field("ok", true)
      .field("result", true)
      .field("description", description);
  w.end_object();
  return {200, std::move(w).str()};
}

/// The members of a send or edit event, encoded outside the state's lock.
std::string message_event(const char* method, int64_t at_ms,
                          std::string_view text, const keyboard& kb,
                          const std::string& entities = {}) {
  json::writer w;
  w.field("method", method).field("text", text).key("buttons");
  write_buttons(w, kb);
  if (!entities.empty())
    w.key("entities").raw(entities);
  w.field("at_ms", at_ms);
  return std::move(w).str();
}

/// The optional `entities` argument, checked against `text`; `json` holds
/// them re-encoded (empty without any).
refusal check_entities(const method_args& args, std::string_view text,
                       std::string& json) {
  std::string_view encoded;
  auto state = args.get_json("entities", encoded);
  if (state == arg_state::absent)
    return {};
  if (state != arg_state::ok)
    return refusal::bad_request("can't parse entities: not JSON");
  std::vector<sim_entity> parsed;
  return parse_entities(encoded, text, parsed, json);
}

const char* default_description(int code) {
  switch (code) {
  case 400:
    return "Bad Request: simulated failure";
  case 401:
    return "Unauthorized";
  case 403:
    return "Forbidden: bot was blocked by the user";
  case 404:
    return "Not Found";
  case 409:
    return "Conflict: terminated by other getUpdates request; make sure "
           "that only one bot instance is running";
  case 500:
    return "Internal Server Error";
  case 502:
    return "Bad Gateway";
  case 503:
    return "Service Unavailable";
  case 504:
    return "Gateway Timeout";
  default:
    return "Simulated failure";
  }
}

} // namespace

http_answer error_answer(const refusal& r) {
  return {r.code, error_reply(r.code, r.description, r.retry_after_s)};
}

http_answer fault_answer(const fault& f) {
  if (f.code == 502 && f.description.empty())
    return {502,
            "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>"
            "\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>"
            "nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n",
            "text/html"};
  refusal r{f.code, f.description, f.retry_after_s};
  if (r.description.empty())
    r.description = f.code == 429 ? "Too Many Requests: retry after "
                                        + std::to_string(f.retry_after_s)
                                  : default_description(f.code);
  return error_answer(r);
}

http_answer bot_methods::unauthorized() {
  state_.count_unauthorized();
  return error_answer({401, "Unauthorized", 0});
}

http_answer bot_methods::call(std::string_view method,
                              const method_args& args) {
  auto m = parse_method(method);
  if (!m) {
    state_.count_unknown_method();
    return error_answer({404, "Not Found", 0});
  }
  std::optional<int64_t> chat_id;
  if (int64_t c = 0; args.get_int("chat_id", c) == arg_state::ok)
    chat_id = c;
  auto setup = state_.begin_call(*m, chat_id);
  auto& f = setup.armed;
  auto answer = f && !f->after_running ? fault_answer(*f) : dispatch(*m, args);
  if (f && f->after_running && f->answer == fault_answer_kind::error)
    answer = fault_answer(*f);
  answer.delay = setup.latency;
  if (f && f->answer == fault_answer_kind::hold)
    answer.delay += f->hold;
  answer.drop = f && f->answer == fault_answer_kind::drop;
  state_.count_call(*m, answer.drop ? 0 : answer.status);
  return answer;
}

http_answer bot_methods::dispatch(bot_method m, const method_args& args) {
  switch (m) {
  case bot_method::get_me:
    return get_me();
  case bot_method::get_updates:
    return get_updates(args);
  case bot_method::send_message:
    return send_message(args);
  case bot_method::edit_message_text:
    return edit_message_text(args);
  case bot_method::answer_callback_query:
    return answer_callback_query(args);
  case bot_method::send_chat_action:
    return send_chat_action(args);
  case bot_method::set_webhook:
    return set_webhook(args);
  case bot_method::delete_webhook:
    return delete_webhook(args);
  case bot_method::get_webhook_info:
    return get_webhook_info();
  case bot_method::set_my_commands:
    return set_my_commands(args);
  case bot_method::get_my_commands:
    return get_my_commands(args);
  case bot_method::create_invoice_link:
    return create_invoice_link(args);
  case bot_method::answer_pre_checkout_query:
    return answer_pre_checkout_query(args);
  case bot_method::refund_star_payment:
    return refund_star_payment(args);
  case bot_method::edit_user_star_subscription:
    return edit_user_star_subscription(args);
  case bot_method::copy_message:
    return copy_message(args);
  case bot_method::copy_messages:
    return copy_messages(args);
  case bot_method::count_:
    break;
  }
  return error_answer({404, "Not Found", 0});
}

http_answer bot_methods::get_me() {
  json::writer w;
  auto& bot = state_.bot();
  w.begin_object()
      .field("id", bot.id)
      .field("is_bot", true)
      .field("first_name", bot.first_name)
      .field("username", bot.username)
      .field("can_join_groups", true)
      .field("can_read_all_group_messages", false)
      .field("supports_inline_queries", false)
      .end_object();
  return ok_answer(w.str());
}

http_answer bot_methods::get_updates(const method_args& args) {
  int64_t offset = 0;
  if (args.get_int("offset", offset) == arg_state::invalid)
    return error_answer(refusal::bad_request("wrong parameter offset"));
  int64_t limit = 100;
  if (args.get_int("limit", limit) == arg_state::invalid)
    return error_answer(refusal::bad_request("wrong parameter limit"));
  limit = std::clamp<int64_t>(limit, 1, 100);
  int64_t timeout_s = 0;
  if (args.get_int("timeout", timeout_s) == arg_state::invalid)
    return error_answer(refusal::bad_request("wrong parameter timeout"));
  timeout_s = std::clamp<int64_t>(timeout_s, 0, max_poll_.count());
  allowed_updates allowed;
  bool allowed_given = false;
  if (auto r = check_allowed(args, allowed, allowed_given))
    return error_answer(r);

  uint64_t ticket = 0;
  if (auto r =
          state_.begin_poll(offset, allowed_given ? &allowed : nullptr, ticket))
    return error_answer(r);
  // The long poll waits in real time: it is the transport's wait, not a
  // simulated duration.
  auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds{timeout_s};
  poll_step step;
  for (;;) {
    step = state_.poll(ticket, static_cast<size_t>(limit));
    if (step.refused || step.count > 0
        || std::chrono::steady_clock::now() >= deadline
        || !state_.wait_updates(step.version, deadline))
      break;
  }
  state_.end_poll(ticket);
  if (step.refused)
    return error_answer(step.refused);
  std::string result;
  result.reserve(step.items.size() + 2);
  result += '[';
  result += step.items;
  result += ']';
  return ok_answer(result);
}

http_answer bot_methods::message_reply(const message_outcome& out) const {
  if (out.refused)
    return error_answer(out.refused);
  json::writer w;
  write_message(w, out.message, out.chat_json, state_.bot());
  return ok_answer(w.str());
}

http_answer bot_methods::send_message(const method_args& args) {
  int64_t chat_id = 0;
  std::string text;
  markup kb;
  if (auto r = check_chat_id(args, chat_id))
    return error_answer(r);
  if (auto r = check_text(args, text))
    return error_answer(r);
  if (auto r = check_markup(args, kb))
    return error_answer(r);
  std::string entities;
  if (auto r = check_entities(args, text, entities))
    return error_answer(r);
  auto fields = message_event("sendMessage", state_.clock().unix_ms(), text,
                              kb.inline_keyboard, entities);
  return message_reply(state_.send_message(chat_id, std::move(text),
                                           std::move(kb), std::move(fields),
                                           std::move(entities)));
}

http_answer bot_methods::edit_message_text(const method_args& args) {
  if (args.has("inline_message_id"))
    return error_answer(refusal::bad_request("message to edit not found"));
  int64_t chat_id = 0;
  int64_t message_id = 0;
  std::string text;
  markup kb;
  if (auto r = check_chat_id(args, chat_id))
    return error_answer(r);
  if (args.get_int("message_id", message_id) != arg_state::ok)
    return error_answer(refusal::bad_request("message to edit not found"));
  if (auto r = check_text(args, text))
    return error_answer(r);
  if (auto r = check_markup(args, kb))
    return error_answer(r);
  std::string entities;
  if (auto r = check_entities(args, text, entities))
    return error_answer(r);
  auto fields = message_event("editMessageText", state_.clock().unix_ms(), text,
                              kb.inline_keyboard, entities);
  return message_reply(state_.edit_message(chat_id, message_id, std::move(text),
                                           std::move(kb), std::move(fields),
                                           std::move(entities)));
}

http_answer bot_methods::answer_callback_query(const method_args& args) {
  std::string id;
  std::string text;
  if (args.get_string("callback_query_id", id) != arg_state::ok || id.empty())
    return error_answer(
        refusal::bad_request("query is too old and response timeout expired or "
                             "query ID is invalid"));
  if (auto r = check_callback_text(args, text))
    return error_answer(r);
  json::writer w;
  w.field("method", "answerCallbackQuery").field("callback_id", id);
  if (!text.empty())
    w.field("text", text);
  w.field("at_ms", state_.clock().unix_ms());
  if (auto r = state_.answer_callback(id, std::move(w).str()))
    return error_answer(r);
  return ok_answer("true");
}

http_answer bot_methods::send_chat_action(const method_args& args) {
  int64_t chat_id = 0;
  std::string action;
  if (auto r = check_chat_id(args, chat_id))
    return error_answer(r);
  args.get_string("action", action);
  if (!known_chat_action(action))
    return error_answer(
        refusal::bad_request("wrong parameter action in request"));
  json::writer w;
  w.field("method", "sendChatAction")
      .field("action", action)
      .field("at_ms", state_.clock().unix_ms());
  if (auto r = state_.chat_action(chat_id, std::move(w).str()))
    return error_answer(r);
  return ok_answer("true");
}

http_answer bot_methods::set_webhook(const method_args& args) {
  std::string url;
  std::string secret;
  bool drop = false;
  allowed_updates allowed;
  bool allowed_given = false;
  if (args.get_string("url", url) == arg_state::invalid)
    return error_answer(refusal::bad_request("bad webhook: invalid URL"));
  if (args.get_bool("drop_pending_updates", drop) == arg_state::invalid)
    return error_answer(
        refusal::bad_request("wrong parameter drop_pending_updates"));
  if (auto r = check_allowed(args, allowed, allowed_given))
    return error_answer(r);
  if (url.empty()) {
    bool was_set = state_.delete_webhook(drop);
    return ok_true(was_set ? "Webhook was deleted"
                           : "Webhook is already deleted");
  }
  // Telegram demands HTTPS; the simulator also takes plain HTTP so that
  // a webhook can point at a local engine.
  if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0)
    return error_answer(refusal::bad_request(
        "bad webhook: An HTTPS URL must be provided for webhook"));
  if (args.get_string("secret_token", secret) == arg_state::invalid
      || (args.has("secret_token") && !valid_secret(secret)))
    return error_answer(refusal::bad_request(
        "bad webhook: secret token must be 1-256 characters of A-Z, a-z, 0-9, "
        "_ and -"));
  state_.set_webhook(std::move(url), std::move(secret),
                     allowed_given ? &allowed : nullptr, drop);
  return ok_true("Webhook was set");
}

http_answer bot_methods::delete_webhook(const method_args& args) {
  bool drop = false;
  if (args.get_bool("drop_pending_updates", drop) == arg_state::invalid)
    return error_answer(
        refusal::bad_request("wrong parameter drop_pending_updates"));
  bool was_set = state_.delete_webhook(drop);
  return ok_true(was_set ? "Webhook was deleted"
                         : "Webhook is already deleted");
}

http_answer bot_methods::get_webhook_info() {
  auto info = state_.webhook();
  json::writer w;
  w.begin_object()
      .field("url", info.url)
      .field("has_custom_certificate", false)
      .field("pending_update_count", static_cast<uint64_t>(info.pending));
  if (info.last_error_date != 0)
    w.field("last_error_date", info.last_error_date)
        .field("last_error_message", info.last_error_message);
  if (!info.url.empty())
    w.field("max_connections", 40);
  if (!info.allowed.empty()) {
    w.key("allowed_updates").begin_array();
    for (auto& k : info.allowed)
      w.value(k);
    w.end_array();
  }
  w.end_object();
  return ok_answer(w.str());
}

} // namespace bridge::tg_sim
