// SPDX-License-Identifier: Apache-2.0
#include "tools/tg_sim/sim_requests.hpp"

namespace bridge::tg_sim {

void write_from(json::writer& w, const sim_user& u) {
  w.key("from").begin_object().field("id", u.id);
  if (!u.first_name.empty())
    w.field("first_name", u.first_name);
  if (!u.last_name.empty())
    w.field("last_name", u.last_name);
  if (!u.username.empty())
    w.field("username", u.username);
  if (!u.language_code.empty())
    w.field("language_code", u.language_code);
  w.end_object();
}

std::string encode_message(const sim_user& from, std::string_view text,
                           std::string_view media, std::string_view caption,
                           int64_t chat_id, std::string_view media_group_id,
                           int64_t reply_to_message_id) {
  json::writer w;
  w.begin_object();
  write_from(w, from);
  if (chat_id != 0)
    w.field("chat_id", chat_id);
  if (reply_to_message_id != 0)
    w.field("reply_to_message_id", reply_to_message_id);
  if (media.empty()) {
    w.field("text", text);
  } else {
    w.field("media", media);
    if (!caption.empty())
      w.field("caption", caption);
    if (!media_group_id.empty())
      w.field("media_group_id", media_group_id);
  }
  w.end_object();
  return std::move(w).str();
}

void message_batch::say(const sim_user& from, std::string_view text,
                        int64_t chat_id) {
  add(encode_message(from, text, {}, {}, chat_id));
}

void message_batch::send_media(const sim_user& from, std::string_view media,
                               std::string_view caption, int64_t chat_id) {
  add(encode_message(from, {}, media, caption, chat_id));
}

void message_batch::add(const std::string& encoded) {
  body_.pop_back(); // the closing bracket
  if (size_ > 0)
    body_ += ',';
  body_ += encoded;
  body_ += ']';
  ++size_;
}

void message_batch::clear() {
  body_.assign("[]");
  size_ = 0;
}

} // namespace bridge::tg_sim
