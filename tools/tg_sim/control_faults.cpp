// SPDX-License-Identifier: Apache-2.0
// POST /sim/faults: arms failures, blocks chats, sets limits and latency.
// The shape of every key is checked before any is applied, so a malformed
// request changes nothing.

#include <algorithm>

#include "tools/tg_sim/control_api.hpp"
#include "tools/tg_sim/control_json.hpp"

namespace bridge::tg_sim {

namespace dom = simdjson::dom;

namespace {

constexpr int64_t max_fault_count = 1'000'000;
constexpr int64_t max_retry_after_s = 3'600;
constexpr int64_t max_latency_ms = 60'000;

constexpr std::string_view known_keys[] = {
    "fail_next", "block_chat", "unblock_chat", "limits", "latency_ms"};

constexpr int64_t max_hold_ms = 600'000;

constexpr std::string_view fault_keys[] = {
    "method",        "count",  "error_code", "retry_after", "description",
    "after_running", "answer", "hold_ms",    "chat_id"};

/// Reads `answer` and `hold_ms`; the error fields are read by the caller.
void read_answer(field_reader& s, fault& f) {
  std::string answer = "error";
  int64_t hold_ms = 0;
  s.string("answer", answer);
  bool has_hold = s.integer("hold_ms", hold_ms);
  if (!s.error.empty())
    return;
  if (answer == "error")
    f.answer = fault_answer_kind::error;
  else if (answer == "hold")
    f.answer = fault_answer_kind::hold;
  else if (answer == "drop")
    f.answer = fault_answer_kind::drop;
  else
    return s.fail("answer must be error, hold or drop");
  if (f.answer == fault_answer_kind::hold) {
    // Holding a refusal is what latency_ms does; a hold is of a real answer.
    if (!f.after_running)
      return s.fail("answer hold needs after_running");
    if (hold_ms < 1 || hold_ms > max_hold_ms)
      return s.fail("hold_ms must be between 1 and 600000");
    f.hold = std::chrono::milliseconds{hold_ms};
  } else if (has_hold) {
    return s.fail("hold_ms is only for answer hold");
  }
}

bool read_fault(field_reader& r, bot_method& method, fault& f) {
  dom::object spec;
  if (!r.object("fail_next", spec))
    return false;
  field_reader s{spec};
  for (auto field : spec)
    if (std::find(std::begin(fault_keys), std::end(fault_keys), field.key)
        == std::end(fault_keys))
      s.fail("unknown key " + std::string{field.key});
  std::string name;
  int64_t code = 500;
  int64_t chat_id = 0;
  s.string("method", name, true);
  s.integer("count", f.count);
  s.integer("error_code", code);
  s.integer("retry_after", f.retry_after_s);
  s.string("description", f.description);
  s.boolean("after_running", f.after_running);
  if (s.integer("chat_id", chat_id)) {
    if (chat_id == 0)
      s.fail("chat_id must not be 0");
    f.chat_id = chat_id;
  }
  read_answer(s, f);
  if (s.error.empty()) {
    auto m = parse_method(name);
    if (!m)
      s.fail("method: unknown Bot API method " + name);
    else
      method = *m;
    if (f.count < 1 || f.count > max_fault_count)
      s.fail("count must be between 1 and 1000000");
    if (code < 400 || code > 599)
      s.fail("error_code must be between 400 and 599");
    if (f.retry_after_s < 1 || f.retry_after_s > max_retry_after_s)
      s.fail("retry_after must be between 1 and 3600");
  }
  f.code = static_cast<int>(code);
  if (!s.error.empty()) {
    r.fail("fail_next." + s.error);
    return false;
  }
  return true;
}

void read_limits(field_reader& r, limit_settings& l) {
  dom::object spec;
  if (!r.object("limits", spec))
    return;
  field_reader s{spec};
  s.boolean("enabled", l.enabled);
  s.number("global_per_second", l.global_per_second);
  s.number("per_chat_per_second", l.per_chat_per_second);
  s.number("per_chat_burst", l.per_chat_burst);
  s.number("group_per_minute", l.group_per_minute);
  if (s.error.empty()
      && (!(l.global_per_second > 0) || !(l.per_chat_per_second > 0)
          || !(l.per_chat_burst >= 1) || !(l.group_per_minute > 0)))
    s.fail("rates must be positive and per_chat_burst at least 1");
  if (!s.error.empty())
    r.fail("limits." + s.error);
}

} // namespace

http_answer control_api::faults(std::string_view body) {
  dom::object obj;
  http_answer error;
  if (!parse_object(body, obj, error))
    return error;
  field_reader r{obj};
  for (auto field : obj)
    if (std::find(std::begin(known_keys), std::end(known_keys), field.key)
        == std::end(known_keys))
      r.fail("unknown key " + std::string{field.key});

  bot_method method{};
  fault f;
  bool arm = read_fault(r, method, f);
  int64_t block = 0, unblock = 0, latency = 0;
  bool has_block = r.integer("block_chat", block);
  bool has_unblock = r.integer("unblock_chat", unblock);
  bool has_latency = r.integer("latency_ms", latency);
  if (has_latency && (latency < 0 || latency > max_latency_ms))
    r.fail("latency_ms must be between 0 and 60000");
  bool has_limits = r.has("limits");
  auto limits = state_.limits();
  read_limits(r, limits);
  if (!r.error.empty())
    return control_error(400, r.error);

  if ((has_block && !state_.set_blocked(block, true))
      || (has_unblock && !state_.set_blocked(unblock, false)))
    return control_error(404, "chat not found");
  if (arm)
    state_.arm_fault(method, std::move(f));
  if (has_limits)
    state_.set_limits(limits);
  if (has_latency)
    state_.set_latency(std::chrono::milliseconds{latency});
  return {200, "{\"ok\":true}"};
}

} // namespace bridge::tg_sim
