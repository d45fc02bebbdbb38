// SPDX-License-Identifier: Apache-2.0
#include "telegram/durable_codec.hpp"

#include <simdjson.h>

#include "common/json_writer.hpp"
#include "telegram/media_copy.hpp"

namespace bridge::telegram {

namespace {

void write_user(json::writer& w, const tg_user& u) {
  w.key("from").begin_object().field("id", u.id).field("is_bot", false);
  w.field("first_name", u.first_name);
  if (!u.username.empty())
    w.field("username", u.username);
  if (!u.language_code.empty())
    w.field("language_code", u.language_code);
  w.end_object();
}

void write_chat(json::writer& w, int64_t chat_id) {
  w.key("chat").begin_object().field("id", chat_id);
  w.field("type", chat_id < 0 ? "group" : "private").end_object();
}

} // namespace

std::string encode_update(const tg_update& u) {
  json::writer w;
  w.begin_object().field("update_id", u.update_id);
  if (u.kind == update_kind::callback_query) {
    w.key("callback_query").begin_object().field("id", u.callback_id);
    write_user(w, u.from);
    w.key("message").begin_object().field("message_id", u.message_id);
    write_chat(w, u.chat_id);
    w.end_object();
    w.field("data", u.callback_data).end_object();
    return std::move(w.end_object()).str();
  }
  w.key(u.kind == update_kind::edited_message ? "edited_message" : "message");
  w.begin_object().field("message_id", u.message_id).field("date", u.date);
  write_chat(w, u.chat_id);
  write_user(w, u.from);
  if (u.reply_to_message_id != 0) {
    w.key("reply_to_message").begin_object();
    w.field("message_id", u.reply_to_message_id).end_object();
  }
  if (u.media_kind.empty()) {
    w.field("text", u.text);
  } else if (u.media_kind == successful_payment_kind) {
    const auto& p = u.payment;
    w.key(successful_payment_kind)
        .begin_object()
        .field("currency", p.currency)
        .field("total_amount", p.total_amount)
        .field("invoice_payload", p.payload)
        .field("telegram_payment_charge_id", p.charge_id);
    if (p.expires_unix != 0)
      w.field("subscription_expiration_date", p.expires_unix);
    w.field("is_recurring", p.is_recurring)
        .field("is_first_recurring", p.is_first_recurring)
        .end_object();
  } else {
    // The decoder recognises media by key; "other" is any key it lacks.
    w.key(u.media_kind == "other" ? "dice" : u.media_kind)
        .begin_object()
        .end_object();
    if (!u.caption.empty())
      w.field("caption", u.caption);
    if (!u.media_group_id.empty())
      w.field("media_group_id", u.media_group_id);
  }
  w.end_object();
  return std::move(w.end_object()).str();
}

std::optional<session_note> decode_note(std::string_view payload,
                                        int64_t row_id) {
  if (!is_note_id(row_id))
    return std::nullopt; // only the engine writes rows in the notes' range
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(payload.data(), payload.size()).get(root)
      != simdjson::SUCCESS)
    return std::nullopt;
  simdjson::dom::object note;
  if (root["bridge_note"].get_object().get(note) != simdjson::SUCCESS)
    return std::nullopt;
  std::string_view kind;
  std::string_view name;
  session_note out;
  if (note["kind"].get_string().get(kind) != simdjson::SUCCESS
      || note["chat_id"].get_int64().get(out.chat_id) != simdjson::SUCCESS
      || note["user_id"].get_int64().get(out.user_id) != simdjson::SUCCESS
      || note["name"].get_string().get(name) != simdjson::SUCCESS)
    return std::nullopt;
  bool known = false;
  for (auto k :
       {session_note_kind::worker_joined, session_note_kind::partner_left,
        session_note_kind::reset_by_operator, session_note_kind::join_refused,
        session_note_kind::join_request, session_note_kind::join_accepted,
        session_note_kind::join_declined, session_note_kind::removed})
    if (kind == to_string(k)) {
      out.kind = k;
      known = true;
    }
  if (!known)
    return std::nullopt;
  out.name = std::string{name};
  out.update_id = row_id;
  out.stored = true;
  return out;
}

std::string
encode_keyboard(const std::vector<std::vector<inline_button>>& rows) {
  json::writer w;
  w.begin_array();
  for (const auto& row : rows) {
    w.begin_array();
    for (const auto& b : row)
      w.begin_array().value(b.text).value(b.callback_data).end_array();
    w.end_array();
  }
  return std::move(w.end_array()).str();
}

std::optional<std::vector<std::vector<inline_button>>>
decode_keyboard(std::string_view json) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(json.data(), json.size()).get(root) != simdjson::SUCCESS)
    return std::nullopt;
  simdjson::dom::array rows;
  if (root.get_array().get(rows) != simdjson::SUCCESS)
    return std::nullopt;
  std::vector<std::vector<inline_button>> out;
  for (auto row_el : rows) {
    simdjson::dom::array row;
    if (row_el.get_array().get(row) != simdjson::SUCCESS)
      return std::nullopt;
    auto& buttons = out.emplace_back();
    for (auto b_el : row) {
      simdjson::dom::array pair;
      std::string_view text;
      std::string_view data;
      if (b_el.get_array().get(pair) != simdjson::SUCCESS || pair.size() != 2
          || pair.at(0).get_string().get(text) != simdjson::SUCCESS
          || pair.at(1).get_string().get(data) != simdjson::SUCCESS)
        return std::nullopt;
      buttons.push_back({std::string{text}, std::string{data}});
    }
  }
  return out;
}

outbox_record to_outbox_record(const outbound& out) {
  outbox_record r;
  r.dedupe_key = out.dedupe_key;
  r.chat_id = out.chat_id;
  r.kind = to_string(out.kind);
  r.text = out.text;
  r.target_message_id = out.message_id;
  if (is_copy(out.kind))
    r.markup = encode_copy_source(out);
  else if (!out.keyboard.empty())
    r.markup = encode_keyboard(out.keyboard);
  return r;
}

std::optional<outbound_kind> parse_outbound_kind(std::string_view name) {
  for (auto k : {outbound_kind::send_message, outbound_kind::edit_message,
                 outbound_kind::answer_callback, outbound_kind::chat_action,
                 outbound_kind::copy_message, outbound_kind::copy_messages})
    if (name == to_string(k))
      return k;
  return std::nullopt;
}

} // namespace bridge::telegram
