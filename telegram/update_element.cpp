// SPDX-License-Identifier: Apache-2.0
#include "telegram/update_element.hpp"

#include <optional>
#include <string>

#include "common/utf8.hpp"
#include "messages/conversation.hpp"
#include "telegram/body_split.hpp"
#include "telegram/input_text.hpp"
#include "telegram/update_decoder.hpp"

namespace bridge::telegram::detail {

namespace dom = simdjson::dom;

namespace {

/// Media keys of a Message, in the order Telegram documents them.
constexpr std::string_view media_keys[] = {
    "animation", "audio",      "document", "photo",   "sticker", "story",
    "video",     "video_note", "voice",    "contact", "dice",    "game",
    "poll",      "venue",      "location", "invoice"};

/// Longest album id kept; Telegram's are decimal numbers of about 19
/// digits, so anything far past that is not one.
constexpr size_t max_media_group_id_bytes = 64;

/// Why a field could not be read, if it could not.
using field_error = std::optional<refuse_reason>;

/// A required integer field.
field_error get_int(dom::object obj, std::string_view key, int64_t& out) {
  auto v = obj[key];
  if (v.error())
    return refuse_reason::malformed;
  if (v.is_int64() && v.get_int64().get(out) == simdjson::SUCCESS)
    return std::nullopt;
  if (v.is_uint64())
    return refuse_reason::number_out_of_range; // past 2^63 - 1
  return refuse_reason::malformed;
}

/// An optional string field, cleaned: absent is fine, present with
/// another type is not.
field_error get_text(dom::object obj, std::string_view key, std::string& out) {
  auto v = obj[key];
  if (v.error() == simdjson::NO_SUCH_FIELD)
    return std::nullopt;
  std::string_view s;
  if (v.get_string().get(s) != simdjson::SUCCESS)
    return refuse_reason::malformed;
  if (s.size() > max_text_bytes)
    return refuse_reason::oversize;
  // The parser checks UTF-8 in the raw body, not what escapes decode to.
  if (utf8::is_valid(s))
    out.assign(s);
  else
    out = utf8::sanitize(s);
  clean_input(out);
  return std::nullopt;
}

field_error decode_user(dom::object obj, tg_user& user) {
  if (auto e = get_int(obj, "id", user.id))
    return e;
  for (auto [key, field] : {std::pair{"first_name", &user.first_name},
                            std::pair{"username", &user.username},
                            std::pair{"language_code", &user.language_code}})
    if (auto e = get_text(obj, key, *field))
      return e;
  return std::nullopt;
}

/// The outcome of an element that did not become an update.
element_outcome left_out(int64_t id, update_fate fate, const char* reason) {
  return {id, fate, reason};
}

element_outcome refused(int64_t id, refuse_reason r) {
  return left_out(id, update_fate::refused, to_string(r));
}

/// The Stars fields shared by a pre_checkout_query and a
/// successful_payment: currency, amount and payload.
field_error decode_price(dom::object obj, tg_payment& p) {
  if (auto e = get_int(obj, "total_amount", p.total_amount))
    return e;
  if (auto e = get_text(obj, "currency", p.currency))
    return e;
  if (auto e = get_text(obj, "invoice_payload", p.payload))
    return e;
  if (p.currency.empty() || p.payload.empty())
    return refuse_reason::malformed;
  return std::nullopt;
}

/// An optional boolean field; absent is false.
field_error get_flag(dom::object obj, std::string_view key, bool& out) {
  auto v = obj[key];
  if (v.error() == simdjson::NO_SUCH_FIELD)
    return std::nullopt;
  if (v.get_bool().get(out) != simdjson::SUCCESS)
    return refuse_reason::malformed;
  return std::nullopt;
}

field_error decode_payment(dom::object sp, tg_payment& p) {
  if (auto e = decode_price(sp, p))
    return e;
  if (auto e = get_text(sp, "telegram_payment_charge_id", p.charge_id))
    return e;
  if (p.charge_id.empty())
    return refuse_reason::malformed;
  if (!sp["subscription_expiration_date"].error())
    if (auto e = get_int(sp, "subscription_expiration_date", p.expires_unix))
      return e;
  if (auto e = get_flag(sp, "is_recurring", p.is_recurring))
    return e;
  return get_flag(sp, "is_first_recurring", p.is_first_recurring);
}

element_outcome decode_message(dom::object msg, tg_update& u,
                               std::vector<tg_update>& out) {
  dom::object chat;
  if (msg["chat"].get_object().get(chat) != simdjson::SUCCESS)
    return refused(u.update_id, refuse_reason::malformed);
  if (auto e = get_int(chat, "id", u.chat_id))
    return refused(u.update_id, *e);
  if (auto e = get_int(msg, "message_id", u.message_id))
    return refused(u.update_id, *e);
  get_int(msg, "date", u.date);
  auto from_field = msg["from"];
  if (from_field.error() == simdjson::NO_SUCH_FIELD)
    return left_out(u.update_id, update_fate::skipped, "no_sender");
  dom::object from;
  if (from_field.get_object().get(from) != simdjson::SUCCESS)
    return refused(u.update_id, refuse_reason::malformed);
  if (auto e = decode_user(from, u.from))
    return refused(u.update_id, *e);
  if (auto e = get_text(msg, "text", u.text))
    return refused(u.update_id, *e);
  if (auto e = get_text(msg, "caption", u.caption))
    return refused(u.update_id, *e);
  if (auto e = get_text(msg, "media_group_id", u.media_group_id))
    return refused(u.update_id, *e);
  if (u.media_group_id.size() > max_media_group_id_bytes)
    return refused(u.update_id, refuse_reason::oversize);
  // The message this one answers, if any: only its id is kept (for
  // /fix); a malformed one is left out rather than refusing the text.
  dom::object replied;
  if (msg["reply_to_message"].get_object().get(replied) == simdjson::SUCCESS
      && (get_int(replied, "message_id", u.reply_to_message_id)
          || u.reply_to_message_id <= 0))
    u.reply_to_message_id = 0;
  if (dom::object sp;
      msg[successful_payment_kind].get_object().get(sp) == simdjson::SUCCESS) {
    if (auto e = decode_payment(sp, u.payment))
      return refused(u.update_id, *e);
    u.media_kind = successful_payment_kind;
  } else if (msg["text"].error() == simdjson::NO_SUCH_FIELD) {
    u.media_kind = "other";
    for (auto key : media_keys)
      if (!msg[key].error()) {
        u.media_kind = std::string{key};
        break;
      }
  }
  out.push_back(std::move(u));
  return {out.back().update_id, update_fate::handed_on, ""};
}

element_outcome decode_callback(dom::object cb, tg_update& u,
                                std::vector<tg_update>& out) {
  if (auto e = get_text(cb, "id", u.callback_id))
    return refused(u.update_id, *e);
  if (u.callback_id.empty())
    return refused(u.update_id, refuse_reason::malformed);
  if (auto e = get_text(cb, "data", u.callback_data))
    return refused(u.update_id, *e);
  dom::object from;
  if (cb["from"].get_object().get(from) != simdjson::SUCCESS)
    return refused(u.update_id, refuse_reason::malformed);
  if (auto e = decode_user(from, u.from))
    return refused(u.update_id, *e);
  // The message the button sits on; old messages may be inaccessible, in
  // which case the chat is the user's private chat (same id as the user).
  dom::object msg;
  dom::object chat;
  if (cb["message"].get_object().get(msg) == simdjson::SUCCESS
      && msg["chat"].get_object().get(chat) == simdjson::SUCCESS
      && !get_int(chat, "id", u.chat_id)) {
    get_int(msg, "message_id", u.message_id);
  } else {
    u.chat_id = u.from.id;
  }
  out.push_back(std::move(u));
  return {out.back().update_id, update_fate::handed_on, ""};
}

element_outcome decode_checkout(dom::object q, tg_update& u,
                                std::vector<tg_update>& out) {
  if (auto e = get_text(q, "id", u.payment.query_id))
    return refused(u.update_id, *e);
  if (u.payment.query_id.empty())
    return refused(u.update_id, refuse_reason::malformed);
  dom::object from;
  if (q["from"].get_object().get(from) != simdjson::SUCCESS)
    return refused(u.update_id, refuse_reason::malformed);
  if (auto e = decode_user(from, u.from))
    return refused(u.update_id, *e);
  if (auto e = decode_price(q, u.payment))
    return refused(u.update_id, *e);
  // Answered in no chat; the payer's private chat names whose it is.
  u.chat_id = u.from.id;
  out.push_back(std::move(u));
  return {out.back().update_id, update_fate::handed_on, ""};
}

/// The kind of an update Bridge does not handle: its first key after
/// update_id.
const char* unknown_kind(dom::object obj) {
  for (auto field : obj)
    if (field.key != "update_id")
      return skip_label(field.key);
  return "other";
}

} // namespace

element_outcome decode_element(dom::element el, int64_t received_ns,
                               std::vector<tg_update>& out) {
  dom::object obj;
  if (el.get_object().get(obj) != simdjson::SUCCESS)
    return refused(0, refuse_reason::not_an_object);
  tg_update u;
  u.received_ns = received_ns;
  if (auto e = get_int(obj, "update_id", u.update_id))
    return refused(
        0, *e == refuse_reason::malformed ? refuse_reason::no_update_id : *e);
  // Telegram's ids are positive and far below the ids of the engine's own
  // notes; one outside that range would be stored among (or instead of)
  // a note, so it is refused like a number that does not fit.
  if (u.update_id <= 0 || is_note_id(u.update_id))
    return refused(0, refuse_reason::number_out_of_range);
  dom::object inner;
  if (obj["message"].get_object().get(inner) == simdjson::SUCCESS) {
    u.kind = update_kind::message;
    return decode_message(inner, u, out);
  }
  if (obj["edited_message"].get_object().get(inner) == simdjson::SUCCESS) {
    u.kind = update_kind::edited_message;
    return decode_message(inner, u, out);
  }
  if (obj["callback_query"].get_object().get(inner) == simdjson::SUCCESS) {
    u.kind = update_kind::callback_query;
    return decode_callback(inner, u, out);
  }
  if (obj["pre_checkout_query"].get_object().get(inner) == simdjson::SUCCESS) {
    u.kind = update_kind::pre_checkout_query;
    return decode_checkout(inner, u, out);
  }
  if (!obj["message"].error() || !obj["edited_message"].error()
      || !obj["callback_query"].error() || !obj["pre_checkout_query"].error())
    return refused(u.update_id, refuse_reason::malformed);
  return left_out(u.update_id, update_fate::skipped, unknown_kind(obj));
}

refuse_reason parse_refusal(simdjson::error_code err, std::string_view text) {
  switch (err) {
  case simdjson::DEPTH_ERROR:
    return refuse_reason::too_deep;
  case simdjson::NUMBER_ERROR:
  case simdjson::NUMBER_OUT_OF_RANGE:
    return refuse_reason::number_out_of_range;
  case simdjson::UNESCAPED_CHARS:
    return refuse_reason::control_bytes;
  case simdjson::STRING_ERROR:
    return has_lone_surrogate(text) ? refuse_reason::lone_surrogate
                                    : refuse_reason::bad_escape;
  case simdjson::UNCLOSED_STRING:
  case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
    return refuse_reason::truncated;
  case simdjson::CAPACITY:
    return refuse_reason::oversize;
  default:
    return ends_open(text) ? refuse_reason::truncated : refuse_reason::not_json;
  }
}

} // namespace bridge::telegram::detail
