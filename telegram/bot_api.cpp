// SPDX-License-Identifier: Apache-2.0
#include "telegram/bot_api.hpp"

#include "common/json_writer.hpp"
#include "common/utf8.hpp"
#include "telegram/update_decoder.hpp"

namespace bridge::telegram {

namespace {

void write_keyboard(json::writer& w,
                    const std::vector<std::vector<inline_button>>& rows) {
  w.key("reply_markup").begin_object().key("inline_keyboard").begin_array();
  for (auto& row : rows) {
    w.begin_array();
    for (auto& b : row)
      w.begin_object()
          .field("text", b.text)
          .field("callback_data", b.callback_data)
          .end_object();
    w.end_array();
  }
  w.end_array().end_object();
}

void write_entities(json::writer& w, const std::vector<message_entity>& es) {
  if (es.empty())
    return;
  w.key("entities").begin_array();
  for (const auto& e : es)
    w.begin_object()
        .field("type", e.type)
        .field("offset", e.offset)
        .field("length", e.length)
        .end_object();
  w.end_array();
}

} // namespace

api_call encode(const outbound& out) {
  json::writer w;
  w.begin_object();
  switch (out.kind) {
  case outbound_kind::send_message:
    w.field("chat_id", out.chat_id).field("text", out.text);
    write_entities(w, out.entities);
    if (!out.keyboard.empty())
      write_keyboard(w, out.keyboard);
    break;
  case outbound_kind::edit_message:
    w.field("chat_id", out.chat_id)
        .field("message_id", out.message_id)
        .field("text", out.text);
    write_entities(w, out.entities);
    if (!out.keyboard.empty())
      write_keyboard(w, out.keyboard);
    break;
  case outbound_kind::answer_callback:
    w.field("callback_query_id", out.callback_id);
    if (!out.text.empty())
      w.field("text", out.text);
    break;
  case outbound_kind::chat_action:
    w.field("chat_id", out.chat_id).field("action", out.action);
    break;
  case outbound_kind::copy_message:
    w.field("chat_id", out.chat_id).field("from_chat_id", out.from_chat_id);
    w.field("message_id", out.source_ids.empty() ? 0 : out.source_ids.front());
    if (!out.text.empty())
      w.field("caption", out.text);
    break;
  case outbound_kind::copy_messages:
    w.field("chat_id", out.chat_id).field("from_chat_id", out.from_chat_id);
    w.key("message_ids").begin_array();
    for (auto id : out.source_ids)
      w.value(id);
    // The captions are the writer's words: the translation follows.
    w.end_array().field("remove_caption", true);
    break;
  case outbound_kind::set_commands:
    w.key("commands").begin_array();
    for (const auto& c : out.commands)
      w.begin_object()
          .field("command", c.command)
          .field("description", c.description)
          .end_object();
    w.end_array();
    w.key("scope")
        .begin_object()
        .field("type", "chat")
        .field("chat_id", out.chat_id)
        .end_object();
    if (!out.language_code.empty())
      w.field("language_code", out.language_code);
    break;
  }
  w.end_object();
  return {to_string(out.kind), std::move(w).str()};
}

api_call encode_get_updates(int64_t offset, int64_t limit, int64_t timeout_s) {
  json::writer w;
  w.begin_object();
  if (offset > 0)
    w.field("offset", offset);
  w.field("limit", limit).field("timeout", timeout_s);
  w.key("allowed_updates")
      .begin_array()
      .value("message")
      .value("edited_message")
      .value("callback_query")
      .value("pre_checkout_query")
      .end_array();
  w.end_object();
  return {"getUpdates", std::move(w).str()};
}

std::string method_url(std::string_view base_url, std::string_view token,
                       std::string_view method) {
  std::string url{base_url};
  while (!url.empty() && url.back() == '/')
    url.pop_back();
  url += "/bot";
  url += token;
  url += '/';
  url += method;
  return url;
}

namespace {

/// Finds the best place to cut `text` at or before byte `limit`: the end of
/// the last separator of the strongest kind found in the second half of
/// the window, so pieces stay reasonably long.
size_t best_cut(std::string_view text, size_t limit) {
  static constexpr std::string_view separators[] = {"\n\n", "\n", ". ",
                                                    "! ",   "? ", " "};
  auto window = text.substr(0, limit);
  for (auto sep : separators) {
    auto pos = window.rfind(sep);
    if (pos != std::string_view::npos && pos + sep.size() >= limit / 2)
      return pos + sep.size();
  }
  return limit;
}

} // namespace

std::vector<byte_range> split_ranges(std::string_view text, size_t max_units) {
  std::vector<byte_range> ranges;
  size_t start = 0;
  while (start < text.size()) {
    auto rest = text.substr(start);
    auto limit = utf8::prefix_bytes_for_utf16(rest, max_units);
    if (limit >= rest.size()) {
      ranges.push_back({start, text.size()});
      break;
    }
    if (limit == 0) // max_units smaller than one code point
      limit =
          utf8::sequence_length(rest) == 0 ? 1 : utf8::sequence_length(rest);
    auto cut = best_cut(rest, limit);
    auto end = cut;
    // Trailing spaces of a piece carry nothing; keep newlines inside.
    while (end > 0 && rest[end - 1] == ' ')
      --end;
    if (end > 0)
      ranges.push_back({start, start + end});
    start += cut;
  }
  return ranges;
}

std::vector<std::string> split_text(std::string_view text, size_t max_units) {
  std::vector<std::string> pieces;
  for (auto r : split_ranges(text, max_units))
    pieces.emplace_back(text.substr(r.begin, r.end - r.begin));
  return pieces;
}

send_outcome classify_send(long http_status, std::string_view body,
                           std::string_view transport_error) {
  send_outcome out;
  out.http_status = http_status;
  if (http_status == 0) {
    out.status = send_status::transient;
    out.error = transport_error;
    return out;
  }
  auto reply = decode_reply(body);
  if (!reply) {
    out.status =
        http_status >= 500 ? send_status::transient : send_status::rejected;
    if (http_status == 200)
      out.status = send_status::transient; // a broken proxy; try again
    out.error = "reply is not a Bot API object (HTTP "
                + std::to_string(http_status) + ")";
    return out;
  }
  if (reply->ok) {
    out.status = send_status::ok;
    out.message_id = reply->message_id;
    return out;
  }
  out.error = reply->error.description;
  auto code = reply->error.error_code != 0 ? reply->error.error_code
                                           : static_cast<int64_t>(http_status);
  if (code == 429) {
    out.status = send_status::retry_after;
    out.retry_after_s = std::max<int64_t>(1, reply->error.retry_after_s);
  } else if (code >= 500) {
    out.status = send_status::transient;
  } else if (code == 403
             || out.error.find("chat not found") != std::string::npos
             || out.error.find("user is deactivated") != std::string::npos) {
    out.status = send_status::chat_gone;
  } else {
    out.status = send_status::rejected;
  }
  return out;
}

} // namespace bridge::telegram
