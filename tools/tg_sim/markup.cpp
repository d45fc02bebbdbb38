// SPDX-License-Identifier: Apache-2.0
#include "tools/tg_sim/markup.hpp"

#include <simdjson.h>

#include "common/utf8.hpp"
#include "tools/tg_sim/method_args.hpp"

namespace bridge::tg_sim {

namespace dom = simdjson::dom;

namespace {

const char* const unparsable = "can't parse reply keyboard markup JSON object";

refusal bad_button(const char* why) {
  return refusal::bad_request(
      std::string{"can't parse inline keyboard button: "} + why);
}

/// Fields that make a button do something; a button with none of them is
/// a plain text button, which inline keyboards refuse.
constexpr std::string_view action_fields[] = {
    "callback_data",
    "url",
    "login_url",
    "web_app",
    "pay",
    "callback_game",
    "switch_inline_query",
    "switch_inline_query_current_chat"};

refusal parse_button(dom::element el, button& b) {
  dom::object obj;
  if (el.get_object().get(obj) != simdjson::SUCCESS)
    return bad_button("InlineKeyboardButton must be an Object");
  std::string_view text;
  if (obj["text"].get_string().get(text) != simdjson::SUCCESS)
    return bad_button("Field \"text\" must be of type String");
  if (text.empty() || !utf8::is_valid(text))
    return refusal::bad_request("BUTTON_TEXT_INVALID");
  b.text.assign(text);
  bool has_action = false;
  for (auto field : action_fields)
    if (!obj[field].error())
      has_action = true;
  if (!has_action)
    return bad_button("Text buttons are unallowed in the inline keyboard");
  auto data = obj["callback_data"];
  if (!data.error()) {
    std::string_view d;
    if (data.get_string().get(d) != simdjson::SUCCESS)
      return bad_button("Field \"callback_data\" must be of type String");
    if (d.empty() || d.size() > max_callback_data_bytes)
      return refusal::bad_request("BUTTON_DATA_INVALID");
    b.data.assign(d);
  }
  auto url = obj["url"];
  if (!url.error()) {
    std::string_view u;
    if (url.get_string().get(u) != simdjson::SUCCESS || u.empty())
      return refusal::bad_request("BUTTON_URL_INVALID");
    b.url.assign(u);
  }
  return {};
}

void encode_inline(const keyboard& kb, std::string& out) {
  json::writer w;
  w.begin_object().key("inline_keyboard").begin_array();
  for (auto& row : kb) {
    w.begin_array();
    for (auto& b : row) {
      w.begin_object().field("text", b.text);
      if (!b.url.empty())
        w.field("url", b.url);
      if (!b.data.empty())
        w.field("callback_data", b.data);
      w.end_object();
    }
    w.end_array();
  }
  w.end_array().end_object();
  out = std::move(w).str();
}

} // namespace

refusal parse_markup(std::string_view encoded, markup& out) {
  out = markup{};
  dom::element root;
  if (thread_parser().parse(encoded.data(), encoded.size()).get(root)
      != simdjson::SUCCESS)
    return refusal::bad_request(unparsable);
  dom::object obj;
  if (root.get_object().get(obj) != simdjson::SUCCESS)
    return refusal::bad_request(unparsable);
  auto inline_kb = obj["inline_keyboard"];
  if (inline_kb.error()) {
    // A reply keyboard, remove_keyboard or force_reply: nothing to echo.
    if (obj["keyboard"].error() && obj["remove_keyboard"].error()
        && obj["force_reply"].error())
      return refusal::bad_request(unparsable);
    return {};
  }
  dom::array rows;
  if (inline_kb.get_array().get(rows) != simdjson::SUCCESS)
    return refusal::bad_request("field \"inline_keyboard\" must be an Array");
  size_t count = 0;
  for (auto row_el : rows) {
    dom::array row;
    if (row_el.get_array().get(row) != simdjson::SUCCESS)
      return refusal::bad_request(
          "field \"inline_keyboard\" must be an Array of Arrays");
    auto& buttons = out.inline_keyboard.emplace_back();
    for (auto el : row) {
      if (++count > max_buttons)
        return refusal::bad_request("reply markup is too long");
      if (auto r = parse_button(el, buttons.emplace_back()))
        return r;
    }
  }
  if (count > 0)
    encode_inline(out.inline_keyboard, out.json);
  else
    out.inline_keyboard.clear();
  return {};
}

void write_buttons(json::writer& w, const keyboard& kb) {
  w.begin_array();
  for (auto& row : kb) {
    w.begin_array();
    for (auto& b : row) {
      w.begin_object().field("text", b.text);
      if (!b.url.empty())
        w.field("url", b.url);
      else
        w.field("data", b.data);
      w.end_object();
    }
    w.end_array();
  }
  w.end_array();
}

} // namespace bridge::tg_sim
