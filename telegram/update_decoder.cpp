#include "telegram/update_decoder.hpp"

#include <charconv>

#include <simdjson.h>

#include "common/utf8.hpp"

namespace bridge::telegram {

namespace dom = simdjson::dom;

const char* to_string(skip_reason r) {
  switch (r) {
    case skip_reason::unknown_kind: return "unknown_kind";
    case skip_reason::malformed: return "malformed";
    case skip_reason::no_sender: return "no_sender";
    case skip_reason::oversize: return "oversize";
    case skip_reason::count_: break;
  }
  return "unknown";
}

namespace {

/// Media keys of a Message, in the order Telegram documents them.
constexpr std::string_view media_keys[] = {
  "animation", "audio", "document", "photo", "sticker", "story", "video",
  "video_note", "voice", "contact", "dice", "game", "poll", "venue",
  "location", "invoice"};

/// Result of decoding one element: an update, or why not.
struct element {
  std::optional<tg_update> update;
  std::optional<skip_reason> skipped;
};

bool get_int(dom::object obj, std::string_view key, int64_t& out) {
  auto v = obj[key];
  if (v.error())
    return false;
  if (v.is_int64())
    return v.get_int64().get(out) == simdjson::SUCCESS;
  if (v.is_uint64()) {
    uint64_t u = 0;
    if (v.get_uint64().get(u) != simdjson::SUCCESS || u > INT64_MAX)
      return false;
    out = static_cast<int64_t>(u);
    return true;
  }
  return false;
}

/// Optional string field: absent is fine, present with another type is not.
bool get_opt_string(dom::object obj, std::string_view key, std::string& out) {
  auto v = obj[key];
  if (v.error() == simdjson::NO_SUCH_FIELD)
    return true;
  std::string_view s;
  if (v.get_string().get(s) != simdjson::SUCCESS)
    return false;
  // Escapes such as a lone "\ud800" can decode to bytes that are not UTF-8.
  if (utf8::is_valid(s))
    out.assign(s);
  else
    out = utf8::sanitize(s);
  return true;
}

bool decode_user(dom::object obj, tg_user& user) {
  return get_int(obj, "id", user.id)
         && get_opt_string(obj, "first_name", user.first_name)
         && get_opt_string(obj, "username", user.username)
         && get_opt_string(obj, "language_code", user.language_code);
}

element decode_message(dom::object msg, tg_update& u) {
  element out;
  dom::object chat;
  if (msg["chat"].get_object().get(chat) != simdjson::SUCCESS
      || !get_int(chat, "id", u.chat_id)
      || !get_int(msg, "message_id", u.message_id)) {
    out.skipped = skip_reason::malformed;
    return out;
  }
  get_int(msg, "date", u.date);
  dom::object from;
  auto from_field = msg["from"];
  if (from_field.error() == simdjson::NO_SUCH_FIELD) {
    out.skipped = skip_reason::no_sender;
    return out;
  }
  if (from_field.get_object().get(from) != simdjson::SUCCESS
      || !decode_user(from, u.from)) {
    out.skipped = skip_reason::malformed;
    return out;
  }
  if (!get_opt_string(msg, "text", u.text)
      || !get_opt_string(msg, "caption", u.caption)) {
    out.skipped = skip_reason::malformed;
    return out;
  }
  if (u.text.size() > max_text_bytes || u.caption.size() > max_text_bytes) {
    out.skipped = skip_reason::oversize;
    return out;
  }
  if (msg["text"].error() == simdjson::NO_SUCH_FIELD) {
    u.media_kind = "other";
    for (auto key : media_keys)
      if (!msg[key].error()) {
        u.media_kind = std::string{key};
        break;
      }
  }
  out.update = std::move(u);
  return out;
}

element decode_callback(dom::object cb, tg_update& u) {
  element out;
  dom::object from;
  if (!get_opt_string(cb, "id", u.callback_id) || u.callback_id.empty()
      || !get_opt_string(cb, "data", u.callback_data)) {
    out.skipped = skip_reason::malformed;
    return out;
  }
  auto from_field = cb["from"];
  if (from_field.get_object().get(from) != simdjson::SUCCESS
      || !decode_user(from, u.from)) {
    out.skipped = skip_reason::malformed;
    return out;
  }
  if (u.callback_data.size() > max_text_bytes) {
    out.skipped = skip_reason::oversize;
    return out;
  }
  // The message the button sits on; old messages may be inaccessible, in
  // which case the chat is the user's private chat (same id as the user).
  dom::object msg;
  dom::object chat;
  if (cb["message"].get_object().get(msg) == simdjson::SUCCESS
      && msg["chat"].get_object().get(chat) == simdjson::SUCCESS
      && get_int(chat, "id", u.chat_id)) {
    get_int(msg, "message_id", u.message_id);
  } else {
    u.chat_id = u.from.id;
  }
  out.update = std::move(u);
  return out;
}

element decode_element(dom::object obj, int64_t id, int64_t received_ns) {
  tg_update u;
  u.update_id = id;
  u.received_ns = received_ns;
  dom::object inner;
  if (obj["message"].get_object().get(inner) == simdjson::SUCCESS) {
    u.kind = update_kind::message;
    return decode_message(inner, u);
  }
  if (obj["edited_message"].get_object().get(inner) == simdjson::SUCCESS) {
    u.kind = update_kind::edited_message;
    return decode_message(inner, u);
  }
  if (obj["callback_query"].get_object().get(inner) == simdjson::SUCCESS) {
    u.kind = update_kind::callback_query;
    return decode_callback(inner, u);
  }
  element out;
  bool known_key_wrong_type = !obj["message"].error()
                              || !obj["edited_message"].error()
                              || !obj["callback_query"].error();
  out.skipped = known_key_wrong_type ? skip_reason::malformed
                                     : skip_reason::unknown_kind;
  return out;
}

void add_element(decoded_batch& batch, dom::element el, int64_t received_ns) {
  dom::object obj;
  int64_t id = 0;
  if (el.get_object().get(obj) != simdjson::SUCCESS
      || !get_int(obj, "update_id", id)) {
    ++batch.skipped[static_cast<size_t>(skip_reason::malformed)];
    return;
  }
  batch.max_update_id = std::max(batch.max_update_id, id);
  auto e = decode_element(obj, id, received_ns);
  if (e.update)
    batch.updates.push_back(std::move(*e.update));
  else
    ++batch.skipped[static_cast<size_t>(*e.skipped)];
}

/// Parses `body`, repairing invalid UTF-8 once if that is all that is wrong.
simdjson::error_code parse(dom::parser& parser, std::string_view body,
                           std::string& repaired, dom::element& root,
                           bool& was_repaired) {
  auto err = parser.parse(body.data(), body.size()).get(root);
  if (err == simdjson::UTF8_ERROR) {
    repaired = utf8::sanitize(body);
    was_repaired = true;
    err = parser.parse(repaired).get(root);
  }
  return err;
}

api_error body_error(std::string what) {
  api_error e;
  e.description = std::move(what);
  return e;
}

void read_api_error(dom::object obj, api_error& e) {
  get_int(obj, "error_code", e.error_code);
  get_opt_string(obj, "description", e.description);
  dom::object params;
  if (obj["parameters"].get_object().get(params) == simdjson::SUCCESS)
    get_int(params, "retry_after", e.retry_after_s);
}

} // namespace

int64_t salvage_update_ids(std::string_view body) {
  constexpr std::string_view key = "\"update_id\"";
  int64_t best = 0;
  size_t pos = 0;
  while ((pos = body.find(key, pos)) != std::string_view::npos) {
    pos += key.size();
    auto i = pos;
    while (i < body.size() && (body[i] == ' ' || body[i] == '\t'
                               || body[i] == '\n' || body[i] == '\r'))
      ++i;
    if (i >= body.size() || body[i] != ':')
      continue;
    ++i;
    while (i < body.size() && (body[i] == ' ' || body[i] == '\t'))
      ++i;
    int64_t value = 0;
    auto [end, ec] = std::from_chars(body.data() + i, body.data() + body.size(),
                                     value);
    if (ec == std::errc{} && end != body.data() + i)
      best = std::max(best, value);
  }
  return best;
}

decoded_batch decode_updates(std::string_view body, int64_t received_ns) {
  decoded_batch batch;
  thread_local dom::parser parser;
  std::string repaired;
  dom::element root;
  if (auto err = parse(parser, body, repaired, root, batch.repaired_utf8)) {
    batch.error = body_error(std::string{"getUpdates body is not JSON: "}
                             + simdjson::error_message(err));
    batch.max_update_id = salvage_update_ids(body);
    return batch;
  }
  dom::object obj;
  bool ok = false;
  if (root.get_object().get(obj) != simdjson::SUCCESS
      || obj["ok"].get_bool().get(ok) != simdjson::SUCCESS) {
    batch.error = body_error("getUpdates body is not a Bot API reply");
    return batch;
  }
  if (!ok) {
    api_error e;
    read_api_error(obj, e);
    batch.error = std::move(e);
    return batch;
  }
  dom::array result;
  if (obj["result"].get_array().get(result) != simdjson::SUCCESS) {
    batch.error = body_error("getUpdates result is not an array");
    return batch;
  }
  batch.updates.reserve(result.size());
  for (auto el : result)
    add_element(batch, el, received_ns);
  return batch;
}

decoded_batch decode_update(std::string_view body, int64_t received_ns) {
  decoded_batch batch;
  thread_local dom::parser parser;
  std::string repaired;
  dom::element root;
  if (auto err = parse(parser, body, repaired, root, batch.repaired_utf8)) {
    batch.error = body_error(std::string{"update is not JSON: "}
                             + simdjson::error_message(err));
    return batch;
  }
  add_element(batch, root, received_ns);
  return batch;
}

std::optional<api_reply> decode_reply(std::string_view body) {
  thread_local dom::parser parser;
  std::string repaired;
  dom::element root;
  bool was_repaired = false;
  if (parse(parser, body, repaired, root, was_repaired))
    return std::nullopt;
  dom::object obj;
  api_reply reply;
  if (root.get_object().get(obj) != simdjson::SUCCESS
      || obj["ok"].get_bool().get(reply.ok) != simdjson::SUCCESS)
    return std::nullopt;
  if (!reply.ok) {
    read_api_error(obj, reply.error);
    return reply;
  }
  dom::object result;
  if (obj["result"].get_object().get(result) == simdjson::SUCCESS)
    get_int(result, "message_id", reply.message_id);
  return reply;
}

} // namespace bridge::telegram
