// SPDX-License-Identifier: Apache-2.0
#include "tools/tg_sim/control_api.hpp"

#include <algorithm>

#include <simdjson.h>

#include "common/json_writer.hpp"
#include "tools/tg_sim/control_json.hpp"
#include "tools/tg_sim/sim_model.hpp"

namespace bridge::tg_sim {

namespace dom = simdjson::dom;

namespace {

constexpr int64_t max_events_per_read = 10'000;
constexpr int64_t default_events_per_read = 1'000;

/// Reads the `from` user every injection names.
bool read_user(field_reader& r, sim_user& u) {
  dom::object from;
  if (!r.object("from", from, true))
    return false;
  field_reader f{from};
  f.integer("id", u.id, true);
  f.string("first_name", u.first_name);
  f.string("last_name", u.last_name);
  f.string("username", u.username);
  f.string("language_code", u.language_code);
  f.boolean("is_bot", u.is_bot);
  if (f.error.empty() && u.id <= 0)
    f.fail("id must be positive");
  if (!f.error.empty()) {
    r.fail("from." + f.error);
    return false;
  }
  return true;
}

/// What one user message says, checked; false with `error` set when it
/// cannot be injected.
bool read_message(dom::object obj, message_request& out, std::string& error) {
  field_reader r{obj};
  read_user(r, out.from);
  r.integer("chat_id", out.chat_id);
  bool has_text = r.string("text", out.text);
  bool has_media = r.string("media", out.media);
  r.string("caption", out.caption);
  bool grouped = r.string("media_group_id", out.media_group_id);
  r.string("chat_title", out.chat_title);
  r.integer("reply_to_message_id", out.reply_to_message_id);
  if (r.error.empty()) {
    if (has_text == has_media)
      r.fail("exactly one of text and media is required");
    else if (has_text && out.text.empty())
      r.fail("text must not be empty");
    else if (has_media && !is_media_kind(out.media))
      r.fail("unknown media kind " + out.media);
    else if (!out.caption.empty()
             && !(has_media && media_takes_caption(out.media)))
      r.fail("caption needs a media kind that takes one");
    else if (grouped && !(has_media && media_groups(out.media)))
      r.fail("media_group_id needs a media kind albums hold");
    else if (grouped
             && (out.media_group_id.empty() || out.media_group_id.size() > 64))
      r.fail("media_group_id must be 1 to 64 characters");
    else if (out.reply_to_message_id < 0)
      r.fail("reply_to_message_id must not be negative");
  }
  error = std::move(r.error);
  return error.empty();
}

/// A control error as one element of a batch answer.
void write_error(json::writer& w, int status, std::string_view what) {
  w.begin_object()
      .field("ok", false)
      .field("status", status)
      .field("error", what)
      .end_object();
}

void write_injection(json::writer& w, const injection& in) {
  if (in.refused) {
    write_error(w, in.refused.code, in.refused.description);
    return;
  }
  w.begin_object().field("update_id", in.update_id);
  if (in.message_id != 0)
    w.field("message_id", in.message_id);
  if (in.chat_id != 0)
    w.field("chat_id", in.chat_id);
  if (!in.callback_id.empty())
    w.field("callback_id", in.callback_id);
  if (!in.query_id.empty())
    w.field("query_id", in.query_id);
  if (!in.charge_id.empty())
    w.field("charge_id", in.charge_id);
  if (in.filtered)
    w.field("filtered", true);
  w.end_object();
}

http_answer injected_answer(const injection& in) {
  if (in.refused)
    return control_error(in.refused.code, in.refused.description);
  json::writer w;
  write_injection(w, in);
  return {200, std::move(w).str()};
}

http_answer ok_json() {
  return {200, "{\"ok\":true}"};
}

/// An integer query parameter, `fallback` when absent.
bool query_int(const method_args& q, std::string_view name, int64_t fallback,
               int64_t& out, http_answer& error) {
  out = fallback;
  if (q.get_int(name, out) != arg_state::invalid)
    return true;
  error = control_error(400, std::string{name} + " must be an integer");
  return false;
}

} // namespace

http_answer control_error(int status, std::string_view what) {
  json::writer w;
  w.begin_object().field("ok", false).field("error", what).end_object();
  return {status, std::move(w).str()};
}

http_answer control_api::message(std::string_view body) {
  dom::object obj;
  http_answer error;
  if (!parse_object(body, obj, error))
    return error;
  message_request r;
  std::string why;
  if (!read_message(obj, r, why))
    return control_error(400, why);
  return injected_answer(state_.inject_message(std::move(r)));
}

http_answer control_api::messages(std::string_view body) {
  dom::array arr;
  http_answer error;
  if (!parse_array(body, arr, error))
    return error;
  auto n = arr.size();
  if (n > max_batch_messages)
    return control_error(413, "at most " + std::to_string(max_batch_messages)
                                  + " messages per call");
  // Every element is read before any is injected, so the state is locked
  // once for the batch; `why[i]` is empty for a good element.
  std::vector<std::string> why(n);
  std::vector<message_request> good;
  good.reserve(n);
  size_t i = 0;
  for (auto el : arr) {
    dom::object obj;
    message_request r;
    if (el.get_object().get(obj) != simdjson::SUCCESS)
      why[i] = "a message must be a JSON object";
    else if (read_message(obj, r, why[i]))
      good.push_back(std::move(r));
    ++i;
  }
  std::vector<injection> done;
  if (auto refused = state_.inject_messages(good, done))
    return control_error(refused.code, refused.description);
  json::writer w;
  w.begin_array();
  size_t next = 0;
  for (const auto& problem : why) {
    if (problem.empty())
      write_injection(w, done[next++]);
    else
      write_error(w, 400, problem);
  }
  w.end_array();
  return {200, std::move(w).str()};
}

http_answer control_api::edit(std::string_view body) {
  dom::object obj;
  http_answer error;
  if (!parse_object(body, obj, error))
    return error;
  field_reader r{obj};
  sim_user from;
  int64_t chat_id = 0;
  int64_t message_id = 0;
  std::string text;
  read_user(r, from);
  r.integer("chat_id", chat_id);
  r.integer("message_id", message_id, true);
  r.string("text", text, true);
  if (r.error.empty() && text.empty())
    r.fail("text must not be empty");
  if (!r.error.empty())
    return control_error(400, r.error);
  return injected_answer(
      state_.inject_edit(from, chat_id, message_id, std::move(text)));
}

http_answer control_api::callback(std::string_view body) {
  dom::object obj;
  http_answer error;
  if (!parse_object(body, obj, error))
    return error;
  field_reader r{obj};
  sim_user from;
  int64_t chat_id = 0;
  int64_t message_id = 0;
  std::string data;
  read_user(r, from);
  r.integer("chat_id", chat_id);
  r.integer("message_id", message_id, true);
  // Any data, even data no button carries: hostile presses are the point.
  r.string("data", data, true);
  if (!r.error.empty())
    return control_error(400, r.error);
  return injected_answer(
      state_.inject_callback(from, chat_id, message_id, std::move(data)));
}

http_answer control_api::raw(std::string body) {
  auto in = state_.inject_raw(std::move(body));
  if (in.refused)
    return control_error(in.refused.code, in.refused.description);
  return ok_json();
}

http_answer control_api::raw_update(std::string_view body) {
  dom::object obj;
  http_answer error;
  if (!parse_object(body, obj, error))
    return error;
  // Re-encode the members minified, minus any update_id: the simulator
  // gives the real one.
  std::string members;
  for (auto field : obj) {
    if (field.key == "update_id")
      continue;
    if (!members.empty())
      members += ',';
    json::append_string(members, field.key);
    members += ':';
    members += simdjson::to_string(field.value);
  }
  return injected_answer(state_.inject_raw_update(members));
}

http_answer control_api::read_events(std::optional<int64_t> chat_id,
                                     const method_args& query) {
  http_answer error;
  int64_t after = 0, limit = 0, wait_ms = 0;
  if (!query_int(query, "after", 0, after, error)
      || !query_int(query, "limit", default_events_per_read, limit, error)
      || !query_int(query, "wait_ms", 0, wait_ms, error))
    return error;
  limit = std::clamp<int64_t>(limit, 1, max_events_per_read);
  wait_ms = std::clamp<int64_t>(wait_ms, 0, max_wait_.count());
  std::string items;
  auto n =
      state_.render_events(chat_id, after, static_cast<size_t>(limit), items);
  if (n == 0 && wait_ms > 0) {
    state_.wait_events(chat_id, after,
                       std::chrono::steady_clock::now()
                           + std::chrono::milliseconds{wait_ms});
    state_.render_events(chat_id, after, static_cast<size_t>(limit), items);
  }
  std::string out;
  out.reserve(items.size() + 16);
  out += "{\"events\":[";
  out += items;
  out += "]}";
  return {200, std::move(out)};
}

http_answer control_api::chat_events(std::string_view chat_id,
                                     const method_args& query) {
  method_args id;
  id.add_text("chat_id", std::string{chat_id});
  int64_t value = 0;
  if (id.get_int("chat_id", value) != arg_state::ok)
    return control_error(400, "chat id must be an integer");
  return read_events(value, query);
}

http_answer control_api::events(const method_args& query) {
  return read_events(std::nullopt, query);
}

http_answer control_api::stats() {
  return {200, to_json(state_.stats())};
}

http_answer control_api::reset() {
  state_.reset();
  return ok_json();
}

http_answer control_api::health() {
  return ok_json();
}

} // namespace bridge::tg_sim
