// SPDX-License-Identifier: Apache-2.0
#include "tools/tg_sim/sim_client.hpp"

#include <simdjson.h>

#include "common/error.hpp"
#include "common/json_writer.hpp"
#include "tools/tg_sim/method_args.hpp"

namespace bridge::tg_sim {

namespace dom = simdjson::dom;

namespace {

caf::error unreadable(std::string_view what) {
  return make_error(engine_errc::invalid_input,
                    "tg-sim answer unreadable: " + std::string{what});
}

int64_t int_or_zero(dom::object obj, std::string_view key) {
  int64_t v = 0;
  if (obj[key].get_int64().get(v) != simdjson::SUCCESS)
    return 0;
  return v;
}

std::string string_or_empty(dom::object obj, std::string_view key) {
  std::string_view v;
  if (obj[key].get_string().get(v) != simdjson::SUCCESS)
    return {};
  return std::string{v};
}

injected decode_injected(dom::object obj) {
  injected out;
  out.update_id = int_or_zero(obj, "update_id");
  out.message_id = int_or_zero(obj, "message_id");
  out.chat_id = int_or_zero(obj, "chat_id");
  out.callback_id = string_or_empty(obj, "callback_id");
  bool filtered = false;
  if (obj["filtered"].get_bool().get(filtered) == simdjson::SUCCESS)
    out.filtered = filtered;
  return out;
}

keyboard decode_buttons(dom::object obj) {
  keyboard kb;
  dom::array rows;
  if (obj["buttons"].get_array().get(rows) != simdjson::SUCCESS)
    return kb;
  for (auto row_el : rows) {
    auto& row = kb.emplace_back();
    dom::array cells;
    if (row_el.get_array().get(cells) != simdjson::SUCCESS)
      continue;
    for (auto cell_el : cells) {
      dom::object cell;
      if (cell_el.get_object().get(cell) != simdjson::SUCCESS)
        continue;
      row.push_back({string_or_empty(cell, "text"),
                     string_or_empty(cell, "data"),
                     string_or_empty(cell, "url")});
    }
  }
  return kb;
}

std::vector<sim_entity> decode_entities(dom::object obj) {
  std::vector<sim_entity> out;
  dom::array arr;
  if (obj["entities"].get_array().get(arr) != simdjson::SUCCESS)
    return out;
  for (auto el : arr) {
    dom::object e;
    if (el.get_object().get(e) != simdjson::SUCCESS)
      continue;
    out.push_back({string_or_empty(e, "type"), int_or_zero(e, "offset"),
                   int_or_zero(e, "length")});
  }
  return out;
}

} // namespace

caf::expected<std::vector<sim_event>> decode_events(std::string_view body) {
  dom::element root;
  dom::array arr;
  if (thread_parser().parse(body.data(), body.size()).get(root)
          != simdjson::SUCCESS
      || root["events"].get_array().get(arr) != simdjson::SUCCESS)
    return unreadable("no events array");
  std::vector<sim_event> out;
  for (auto el : arr) {
    dom::object e;
    if (el.get_object().get(e) != simdjson::SUCCESS)
      return unreadable("event is not an object");
    sim_event ev;
    ev.seq = int_or_zero(e, "seq");
    ev.method = string_or_empty(e, "method");
    ev.chat_id = int_or_zero(e, "chat_id");
    ev.message_id = int_or_zero(e, "message_id");
    ev.text = string_or_empty(e, "text");
    ev.buttons = decode_buttons(e);
    ev.entities = decode_entities(e);
    ev.action = string_or_empty(e, "action");
    ev.callback_id = string_or_empty(e, "callback_id");
    ev.at_ms = int_or_zero(e, "at_ms");
    ev.media = string_or_empty(e, "media");
    ev.from_chat_id = int_or_zero(e, "from_chat_id");
    ev.source_message_id = int_or_zero(e, "source_message_id");
    ev.media_group_id = string_or_empty(e, "media_group_id");
    ev.payment = string_or_empty(e, "payment");
    ev.charge_id = string_or_empty(e, "charge_id");
    ev.query_id = string_or_empty(e, "query_id");
    ev.amount = int_or_zero(e, "amount");
    out.push_back(std::move(ev));
  }
  return out;
}

sim_client::sim_client(int port, std::chrono::milliseconds timeout)
    : base_("http://127.0.0.1:" + std::to_string(port)), timeout_(timeout),
      http_(port) {}

http_response sim_client::get(const std::string& path) {
  return http_.get(path, timeout_);
}

http_response sim_client::post(const std::string& path, const std::string& body,
                               const std::string& content_type) {
  return http_.post(path, body, content_type, timeout_);
}

caf::expected<std::string> sim_client::call(const std::string& path,
                                            const std::string* body,
                                            std::chrono::milliseconds timeout) {
  auto resp = body == nullptr
                  ? http_.get(path, timeout)
                  : http_.post(path, *body, "application/json", timeout);
  if (resp.transport_failed())
    return make_error(engine_errc::http_unreachable,
                      "tg-sim " + path + ": " + resp.error);
  if (resp.status != 200) {
    // The control API explains itself in {"ok":false,"error":"..."}.
    std::string why = resp.body;
    dom::element root;
    std::string_view text;
    if (thread_parser().parse(resp.body).get(root) == simdjson::SUCCESS
        && root["error"].get_string().get(text) == simdjson::SUCCESS)
      why.assign(text);
    return make_error(engine_errc::http_status,
                      "tg-sim " + path + ": HTTP " + std::to_string(resp.status)
                          + ": " + why);
  }
  return std::move(resp.body);
}

caf::expected<injected> sim_client::inject(const std::string& path,
                                           const std::string& body) {
  auto answer = call(path, &body, timeout_);
  if (!answer)
    return answer.error();
  dom::element root;
  dom::object obj;
  if (thread_parser().parse(*answer).get(root) != simdjson::SUCCESS
      || root.get_object().get(obj) != simdjson::SUCCESS)
    return unreadable(path);
  return decode_injected(obj);
}

caf::expected<injected>
sim_client::say(const sim_user& from, std::string_view text, int64_t chat_id) {
  return inject("/sim/message", encode_message(from, text, {}, {}, chat_id));
}

caf::expected<injected> sim_client::reply(const sim_user& from,
                                          int64_t reply_to,
                                          std::string_view text) {
  return inject("/sim/message",
                encode_message(from, text, {}, {}, 0, {}, reply_to));
}

caf::expected<injected> sim_client::send_media(const sim_user& from,
                                               std::string_view media,
                                               std::string_view caption,
                                               int64_t chat_id) {
  return inject("/sim/message",
                encode_message(from, {}, media, caption, chat_id));
}

caf::expected<injected> sim_client::send_album_item(const sim_user& from,
                                                    std::string_view media,
                                                    std::string_view group,
                                                    std::string_view caption) {
  return inject("/sim/message",
                encode_message(from, {}, media, caption, 0, group));
}

caf::expected<std::vector<batch_result>>
sim_client::say_many(const message_batch& batch) {
  static const std::string path = "/sim/messages";
  auto answer = call(path, &batch.body(), timeout_);
  if (!answer)
    return answer.error();
  dom::element root;
  dom::array arr;
  if (thread_parser().parse(*answer).get(root) != simdjson::SUCCESS
      || root.get_array().get(arr) != simdjson::SUCCESS)
    return unreadable(path);
  std::vector<batch_result> out;
  out.reserve(batch.size());
  for (auto el : arr) {
    dom::object obj;
    if (el.get_object().get(obj) != simdjson::SUCCESS)
      return unreadable(path + ": an element is not an object");
    auto& r = out.emplace_back();
    bool ok = true;
    if (obj["ok"].get_bool().get(ok) == simdjson::SUCCESS && !ok) {
      r.status = static_cast<int>(int_or_zero(obj, "status"));
      r.error = string_or_empty(obj, "error");
    } else {
      r.value = decode_injected(obj);
    }
  }
  if (out.size() != batch.size())
    return unreadable(path + ": " + std::to_string(out.size()) + " answers for "
                      + std::to_string(batch.size()));
  return out;
}

caf::expected<injected> sim_client::edit(const sim_user& from, int64_t chat_id,
                                         int64_t message_id,
                                         std::string_view text) {
  json::writer w;
  w.begin_object();
  write_from(w, from);
  w.field("chat_id", chat_id)
      .field("message_id", message_id)
      .field("text", text)
      .end_object();
  return inject("/sim/edit", w.str());
}

caf::expected<injected> sim_client::press(const sim_user& from, int64_t chat_id,
                                          int64_t message_id,
                                          std::string_view data) {
  json::writer w;
  w.begin_object();
  write_from(w, from);
  w.field("chat_id", chat_id)
      .field("message_id", message_id)
      .field("data", data)
      .end_object();
  return inject("/sim/callback", w.str());
}

caf::expected<void> sim_client::inject_raw(std::string_view bytes) {
  std::string body{bytes};
  auto answer = call("/sim/raw", &body, timeout_);
  if (!answer)
    return answer.error();
  return {};
}

caf::expected<int64_t> sim_client::inject_raw_update(std::string_view update) {
  auto out = inject("/sim/raw_update", std::string{update});
  if (!out)
    return out.error();
  return out->update_id;
}

caf::expected<std::vector<sim_event>>
sim_client::chat_events(int64_t chat_id, int64_t after,
                        std::chrono::milliseconds wait) {
  auto path = "/sim/chats/" + std::to_string(chat_id)
              + "/events?after=" + std::to_string(after)
              + "&wait_ms=" + std::to_string(wait.count());
  auto answer = call(path, nullptr, timeout_ + wait);
  if (!answer)
    return answer.error();
  return decode_events(*answer);
}

caf::expected<std::vector<sim_event>>
sim_client::events(int64_t after, size_t limit,
                   std::chrono::milliseconds wait) {
  auto path = "/sim/events?after=" + std::to_string(after)
              + "&limit=" + std::to_string(limit)
              + "&wait_ms=" + std::to_string(wait.count());
  auto answer = call(path, nullptr, timeout_ + wait);
  if (!answer)
    return answer.error();
  return decode_events(*answer);
}

caf::expected<void> sim_client::post_faults(const std::string& body) {
  auto answer = call("/sim/faults", &body, timeout_);
  if (!answer)
    return answer.error();
  return {};
}

caf::expected<void> sim_client::fail_next(std::string_view method,
                                          int64_t count, int error_code,
                                          int64_t retry_after_s,
                                          std::string_view description) {
  json::writer w;
  w.begin_object()
      .key("fail_next")
      .begin_object()
      .field("method", method)
      .field("count", count)
      .field("error_code", error_code)
      .field("retry_after", retry_after_s);
  if (!description.empty())
    w.field("description", description);
  w.end_object().end_object();
  return post_faults(w.str());
}

caf::expected<void>
sim_client::fail_after_running(std::string_view method, int64_t count,
                               fault_answer_kind answer, int error_code,
                               std::chrono::milliseconds hold,
                               std::optional<int64_t> chat_id) {
  json::writer w;
  w.begin_object()
      .key("fail_next")
      .begin_object()
      .field("method", method)
      .field("count", count)
      .field("after_running", true);
  if (chat_id)
    w.field("chat_id", *chat_id);
  switch (answer) {
  case fault_answer_kind::error:
    w.field("error_code", error_code);
    break;
  case fault_answer_kind::hold:
    w.field("answer", "hold").field("hold_ms", int64_t{hold.count()});
    break;
  case fault_answer_kind::drop:
    w.field("answer", "drop");
    break;
  }
  w.end_object().end_object();
  return post_faults(w.str());
}

caf::expected<void> sim_client::block_chat(int64_t chat_id) {
  return post_faults("{\"block_chat\":" + std::to_string(chat_id) + "}");
}

caf::expected<void> sim_client::unblock_chat(int64_t chat_id) {
  return post_faults("{\"unblock_chat\":" + std::to_string(chat_id) + "}");
}

caf::expected<void> sim_client::set_limits(const limit_settings& l) {
  json::writer w;
  w.begin_object()
      .key("limits")
      .begin_object()
      .field("enabled", l.enabled)
      .field("global_per_second", l.global_per_second)
      .field("per_chat_per_second", l.per_chat_per_second)
      .field("per_chat_burst", l.per_chat_burst)
      .field("group_per_minute", l.group_per_minute)
      .end_object()
      .end_object();
  return post_faults(w.str());
}

caf::expected<void> sim_client::set_latency(std::chrono::milliseconds latency) {
  return post_faults("{\"latency_ms\":" + std::to_string(latency.count())
                     + "}");
}

caf::expected<std::string> sim_client::stats_json() {
  return call("/sim/stats", nullptr, timeout_);
}

caf::expected<int64_t> sim_client::stat(std::string_view json_pointer) {
  auto answer = stats_json();
  if (!answer)
    return answer.error();
  dom::element root;
  int64_t v = 0;
  if (thread_parser().parse(*answer).get(root) != simdjson::SUCCESS
      || root.at_pointer(json_pointer).get_int64().get(v) != simdjson::SUCCESS)
    return unreadable("no counter at " + std::string{json_pointer});
  return v;
}

caf::expected<void> sim_client::reset() {
  std::string empty;
  auto answer = call("/sim/reset", &empty, timeout_);
  if (!answer)
    return answer.error();
  return {};
}

caf::expected<std::string> sim_client::pay(const sim_user& who,
                                           std::string_view link) {
  json::writer w;
  w.begin_object();
  write_from(w, who);
  w.field("link", link).end_object();
  std::string body = w.str();
  return call("/sim/pay", &body, timeout_);
}

bool sim_client::healthy() {
  auto resp = get("/sim/health");
  return resp.status == 200;
}

} // namespace bridge::tg_sim
