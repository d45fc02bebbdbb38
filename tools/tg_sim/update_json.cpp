// SPDX-License-Identifier: Apache-2.0
#include "tools/tg_sim/update_json.hpp"

#include "common/utf8.hpp"

namespace bridge::tg_sim {

// -- encoding -------------------------------------------------------------

namespace {

/// Writes the file fields every media object shares.
void write_file(json::writer& w, std::string_view kind, int64_t serial,
                int64_t size) {
  std::string id = "sim-";
  id += kind;
  id += '-';
  id += std::to_string(serial);
  w.field("file_id", id)
      .field("file_unique_id", "u" + id)
      .field("file_size", size);
}

/// Plausible media objects: enough shape for a decoder to recognise the
/// kind, with file ids unique per message.
void write_media(json::writer& w, std::string_view kind, int64_t serial) {
  w.key(kind);
  if (kind == "photo") {
    w.begin_array();
    for (int side : {90, 320, 1280}) {
      w.begin_object();
      write_file(w, kind, serial * 10 + side / 90, side * side / 8);
      w.field("width", side).field("height", side * 3 / 4).end_object();
    }
    w.end_array();
    return;
  }
  w.begin_object();
  if (kind == "location") {
    w.field("latitude", 40.4168).field("longitude", -3.7038);
  } else if (kind == "contact") {
    w.field("phone_number", "+34600000000").field("first_name", "Contact");
  } else {
    write_file(w, kind, serial, 24'000);
    if (kind == "voice" || kind == "audio" || kind == "video"
        || kind == "animation" || kind == "video_note")
      w.field("duration", 3);
    if (kind == "voice" || kind == "audio")
      w.field("mime_type", kind == "voice" ? "audio/ogg" : "audio/mpeg");
    if (kind == "video" || kind == "animation" || kind == "sticker")
      w.field("width", 512).field("height", 512);
    if (kind == "video_note")
      w.field("length", 240);
    if (kind == "sticker")
      w.field("type", "regular")
          .field("is_animated", false)
          .field("is_video", false)
          .field("emoji", "\xF0\x9F\x91\x8D");
    if (kind == "document")
      w.field("file_name", "file.pdf").field("mime_type", "application/pdf");
  }
  w.end_object();
}

/// Telegram marks a leading /command with a bot_command entity; bots
/// that route commands by entity rely on it.
void write_command_entity(json::writer& w, std::string_view text) {
  if (text.size() < 2 || text[0] != '/')
    return;
  auto end = text.find_first_of(" \n\t");
  auto command = text.substr(0, end);
  w.key("entities").begin_array().begin_object();
  w.field("offset", 0)
      .field("length", static_cast<int64_t>(utf8::utf16_length(command)))
      .field("type", "bot_command");
  w.end_object().end_array();
}

} // namespace

void write_user(json::writer& w, const sim_user& u) {
  w.begin_object().field("id", u.id).field("is_bot", u.is_bot);
  w.field("first_name", u.first_name);
  if (!u.last_name.empty())
    w.field("last_name", u.last_name);
  if (!u.username.empty())
    w.field("username", u.username);
  if (!u.language_code.empty())
    w.field("language_code", u.language_code);
  w.end_object();
}

std::string encode_chat(const chat_record& chat, const sim_user* peer) {
  json::writer w;
  w.begin_object().field("id", chat.id);
  if (chat.type == "private" && peer != nullptr) {
    w.field("first_name", peer->first_name);
    if (!peer->last_name.empty())
      w.field("last_name", peer->last_name);
    if (!peer->username.empty())
      w.field("username", peer->username);
  } else {
    w.field("title", chat.title);
  }
  w.field("type", chat.type).end_object();
  return std::move(w).str();
}

void write_message(json::writer& w, const stored_message& m,
                   std::string_view chat_json, const sim_user& from) {
  w.begin_object().field("message_id", m.id).key("from");
  write_user(w, from);
  w.key("chat").raw(chat_json).field("date", m.date);
  if (m.edit_date != 0)
    w.field("edit_date", m.edit_date);
  if (!m.service.empty()) {
    w.key(m.service_kind).raw(m.service);
  } else if (!m.media.empty()) {
    write_media(w, m.media, m.media_serial);
    if (!m.caption.empty())
      w.field("caption", m.caption);
    if (!m.media_group_id.empty())
      w.field("media_group_id", m.media_group_id);
  } else {
    w.field("text", m.text);
    if (!m.from_bot)
      write_command_entity(w, m.text);
    else if (!m.entities_json.empty())
      w.key("entities").raw(m.entities_json);
  }
  if (!m.reply_json.empty())
    w.key("reply_to_message").raw(m.reply_json);
  if (!m.keyboard.json.empty())
    w.key("reply_markup").raw(m.keyboard.json);
  w.end_object();
}

std::string encode_message_update(int64_t update_id, std::string_view kind,
                                  const stored_message& m,
                                  const chat_record& chat,
                                  const sim_user& from) {
  json::writer w;
  w.begin_object().field("update_id", update_id).key(kind);
  write_message(w, m, chat.json, from);
  w.end_object();
  return std::move(w).str();
}

std::string encode_callback_update(int64_t update_id,
                                   std::string_view callback_id,
                                   const sim_user& presser,
                                   const stored_message& m,
                                   const chat_record& chat, const sim_user& bot,
                                   std::string_view data) {
  json::writer w;
  w.begin_object().field("update_id", update_id).key("callback_query");
  w.begin_object().field("id", callback_id).key("from");
  write_user(w, presser);
  w.key("message");
  write_message(w, m, chat.json, bot);
  // Telegram's chat_instance is an opaque per-chat string.
  w.field("chat_instance",
          std::to_string(static_cast<uint64_t>(chat.id) * 7919u + 17u))
      .field("data", data);
  w.end_object().end_object();
  return std::move(w).str();
}

std::string ok_reply(std::string_view result) {
  std::string out;
  out.reserve(result.size() + 24);
  out += "{\"ok\":true,\"result\":";
  out += result;
  out += '}';
  return out;
}

std::string error_reply(int code, std::string_view description,
                        int64_t retry_after_s) {
  json::writer w;
  w.begin_object()
      .field("ok", false)
      .field("error_code", code)
      .field("description", description);
  if (code == 429)
    w.key("parameters")
        .begin_object()
        .field("retry_after", retry_after_s)
        .end_object();
  w.end_object();
  return std::move(w).str();
}

} // namespace bridge::tg_sim
