// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/json_writer.hpp"
#include "tools/tg_sim/sim_model.hpp"

namespace bridge::tg_sim {

/// Writes `"from":{...}`, the user an injection names, with the fields
/// that are set.
void write_from(json::writer& w, const sim_user& u);

/// One object of what POST /sim/message takes: `text`, or `media` with an
/// optional `caption`, by `from` in `chat_id` (0: their private chat).
std::string encode_message(const sim_user& from, std::string_view text,
                           std::string_view media, std::string_view caption,
                           int64_t chat_id,
                           std::string_view media_group_id = {},
                           int64_t reply_to_message_id = 0);

/// User messages for one POST /sim/messages call, encoded as they are
/// added; the caller keeps it within max_batch_messages.
class message_batch {
public:
  /// `from` writes `text` in `chat_id` (0: their private chat).
  void say(const sim_user& from, std::string_view text, int64_t chat_id = 0);
  /// `from` sends a media message ("photo", "voice", ...).
  void send_media(const sim_user& from, std::string_view media,
                  std::string_view caption = {}, int64_t chat_id = 0);

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  /// The encoded messages' size so far.
  size_t bytes() const { return body_.size(); }
  void clear();
  /// The JSON array to post.
  const std::string& body() const { return body_; }

private:
  void add(const std::string& encoded);

  std::string body_ = "[]";
  size_t size_ = 0;
};

} // namespace bridge::tg_sim
