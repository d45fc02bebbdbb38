// SPDX-License-Identifier: Apache-2.0
#include "tools/llm_sim/sim_wire.hpp"

#include <cstdio>

#include <simdjson.h>

#include "common/json_writer.hpp"
#include "common/utf8.hpp"
#include "domain/glossary.hpp"

namespace bridge::llm_sim {

namespace dom = simdjson::dom;

namespace {

/// Days since 1970-01-01 to a civil date.
void civil_from_days(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

/// Calls `f` with each text of the request: the system prompt, then every
/// text block (or string content) of every message, in order.
template <class F> void each_text(std::string_view body, F&& f) {
  dom::parser parser;
  dom::element doc;
  if (parser.parse(body.data(), body.size()).get(doc) != simdjson::SUCCESS)
    return;
  std::string_view s;
  if (doc["system"].get_string().get(s) == simdjson::SUCCESS)
    f(s, false);
  dom::array messages;
  if (doc["messages"].get_array().get(messages) != simdjson::SUCCESS)
    return;
  for (auto m : messages) {
    auto content = m["content"];
    if (content.get_string().get(s) == simdjson::SUCCESS) {
      f(s, true);
      continue;
    }
    dom::array blocks;
    if (content.get_array().get(blocks) == simdjson::SUCCESS)
      for (auto b : blocks)
        if (b["text"].get_string().get(s) == simdjson::SUCCESS)
          f(s, true);
  }
}

} // namespace

std::string error_body(std::string_view type, std::string_view message) {
  json::writer w;
  w.begin_object()
      .field("type", "error")
      .key("error")
      .begin_object()
      .field("type", type)
      .field("message", message)
      .end_object()
      .end_object();
  return std::move(w).str();
}

std::string rfc3339(std::chrono::system_clock::time_point t) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                t.time_since_epoch())
                .count();
  auto secs = (ms + 999) / 1000;
  auto days = secs / 86400;
  auto rem = secs % 86400;
  int64_t y;
  unsigned m, d;
  civil_from_days(days, y, m, d);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ",
                static_cast<long long>(y), m, d,
                static_cast<long long>(rem / 3600),
                static_cast<long long>(rem % 3600 / 60),
                static_cast<long long>(rem % 60));
  return buf;
}

std::string message_body(uint64_t id, std::string_view model,
                         std::string_view text, bool truncated,
                         int64_t input_tokens) {
  json::writer w;
  w.begin_object()
      .field("id", "msg_sim_" + std::to_string(id))
      .field("type", "message")
      .field("role", "assistant")
      .field("model", model)
      .key("content")
      .begin_array();
  if (!text.empty())
    w.begin_object().field("type", "text").field("text", text).end_object();
  w.end_array()
      .field("stop_reason", truncated ? "max_tokens" : "end_turn")
      .key("stop_sequence")
      .null()
      .key("usage")
      .begin_object()
      .field("input_tokens", input_tokens)
      .field("output_tokens",
             static_cast<int64_t>((utf8::utf16_length(text) + 3) / 4))
      .end_object()
      .end_object();
  return std::move(w).str();
}

int64_t count_input_tokens(std::string_view body) {
  size_t chars = 0;
  each_text(body,
            [&](std::string_view s, bool) { chars += utf8::utf16_length(s); });
  return static_cast<int64_t>((chars + 3) / 4);
}

std::string apply_terminology(std::string_view body, std::string text) {
  constexpr std::string_view heading = "Binding terminology";
  constexpr std::string_view arrow = " -> ";
  std::vector<domain::glossary::term> terms;
  each_text(body, [&](std::string_view s, bool in_message) {
    if (!in_message || s.substr(0, heading.size()) != heading)
      return;
    size_t at = s.find('\n');
    while (at != std::string_view::npos && at + 1 < s.size()) {
      auto end = s.find('\n', at + 1);
      auto line = s.substr(at + 1, end == std::string_view::npos
                                       ? std::string_view::npos
                                       : end - at - 1);
      if (auto cut = line.find(arrow); cut != std::string_view::npos)
        terms.push_back({std::string{line.substr(0, cut)},
                         std::string{line.substr(cut + arrow.size())}});
      at = end;
    }
  });
  if (terms.empty())
    return text;
  domain::glossary::matcher m{std::move(terms)};
  auto p = domain::glossary::protect(m, text);
  return domain::glossary::restore(p.text, p.replacements);
}

std::string last_text(std::string_view body) {
  std::string last;
  each_text(body, [&](std::string_view s, bool in_message) {
    if (in_message)
      last.assign(s);
  });
  return last;
}

} // namespace bridge::llm_sim
