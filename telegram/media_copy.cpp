// SPDX-License-Identifier: Apache-2.0
#include "telegram/media_copy.hpp"

#include <simdjson.h>

#include "common/json_writer.hpp"
#include "common/utf8.hpp"
#include "telegram/bot_api.hpp"

namespace bridge::telegram {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\n';
}

/// Where to cut a head of `fit` bytes: after its last line break, else its
/// last space, when that keeps at least half of it; else at `fit`.
size_t cut_point(std::string_view text, size_t fit) {
  auto head = text.substr(0, fit);
  for (auto sep : {"\n\n", "\n", " "}) {
    auto at = head.rfind(sep);
    if (at != std::string_view::npos && at > 0 && at >= fit / 2)
      return at;
  }
  return fit;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && is_space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_space(s.back()))
    s.remove_suffix(1);
  return s;
}

outbound text_after(const outbound& out, std::string text) {
  outbound t;
  t.kind = outbound_kind::send_message;
  t.chat_id = out.chat_id;
  t.text = std::move(text);
  t.dedupe_key = out.dedupe_key;
  t.origin_ns = out.origin_ns;
  t.fence = out.fence;
  return t;
}

} // namespace

caption_parts split_caption(std::string_view text, size_t max_units) {
  caption_parts out;
  if (utf8::utf16_length(text) <= max_units) {
    out.caption = std::string{text};
    return out;
  }
  auto cut = cut_point(text, utf8::prefix_bytes_for_utf16(text, max_units));
  out.caption = std::string{trimmed(text.substr(0, cut))};
  out.rest = split_text(trimmed(text.substr(cut)));
  return out;
}

std::vector<outbound> copy_calls(const outbound& out) {
  if (!is_copy(out.kind))
    return {out};
  std::vector<outbound> calls{out};
  auto& copy = calls.front();
  std::vector<std::string> texts;
  if (out.kind == outbound_kind::copy_messages || out.caption_after) {
    copy.text.clear();
    texts = split_text(out.text);
  } else {
    auto parts = split_caption(out.text);
    copy.text = std::move(parts.caption);
    texts = std::move(parts.rest);
  }
  for (auto& t : texts)
    calls.push_back(text_after(out, std::move(t)));
  return calls;
}

std::string encode_copy_source(const outbound& out) {
  json::writer w;
  w.begin_object().field("from_chat_id", out.from_chat_id);
  w.key("message_ids").begin_array();
  for (auto id : out.source_ids)
    w.value(id);
  w.end_array().field("caption_after", out.caption_after);
  return std::move(w.end_object()).str();
}

bool decode_copy_source(std::string_view json, outbound& out) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(json.data(), json.size()).get(root) != simdjson::SUCCESS)
    return false;
  int64_t from = 0;
  bool after = false;
  simdjson::dom::array ids;
  if (root["from_chat_id"].get_int64().get(from) != simdjson::SUCCESS
      || root["message_ids"].get_array().get(ids) != simdjson::SUCCESS
      || root["caption_after"].get_bool().get(after) != simdjson::SUCCESS)
    return false;
  std::vector<int64_t> source;
  for (auto el : ids) {
    int64_t id = 0;
    if (el.get_int64().get(id) != simdjson::SUCCESS || id <= 0)
      return false;
    source.push_back(id);
  }
  if (source.empty() || from == 0)
    return false;
  out.from_chat_id = from;
  out.source_ids = std::move(source);
  out.caption_after = after;
  return true;
}

} // namespace bridge::telegram
