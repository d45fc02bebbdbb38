// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

#include "tools/tg_sim/markup.hpp"

namespace bridge::tg_sim {

/// A Telegram user (or the bot itself) as Messages show them.
struct sim_user {
  int64_t id = 0;
  std::string first_name;
  std::string last_name;
  std::string username;
  std::string language_code;
  bool is_bot = false;
};

/// One message of a chat, kept for edits and button presses.
struct stored_message {
  int64_t id = 0;
  /// The author's user id; the bot's own id for the bot's messages.
  int64_t from_id = 0;
  bool from_bot = false;
  int64_t date = 0;
  int64_t edit_date = 0;
  std::string text;
  /// Media kind ("photo") and its caption, for user media messages.
  std::string media;
  std::string caption;
  /// Serial that makes the media's file ids unique.
  int64_t media_serial = 0;
  /// The album the media belongs to, or empty.
  std::string media_group_id;
  markup keyboard;
  /// A service message: its field ("successful_payment") and encoded
  /// object, in place of text.
  std::string service_kind;
  std::string service;
  /// The message this one replies to, as a Message object, or empty.
  std::string reply_json;
  /// Entities the bot sent with its text (a JSON array), or empty.
  std::string entities_json;
};

/// A chat the simulator knows: a private chat exists once its user has
/// written (id = the user's id); a group once someone wrote in it.
struct chat_record {
  int64_t id = 0;
  /// "private", "group" or "supergroup".
  std::string type;
  std::string title;
  /// The chat as a Message's `chat` field, encoded once per change.
  std::string json;
  bool blocked = false;
  /// Message ids are per chat and shared by both sides, as in Telegram.
  int64_t next_message_id = 1;
  /// The last messages, oldest first, ids increasing; bounded.
  std::deque<stored_message> messages;

  /// The message with id `id`, or nullptr when unknown or forgotten.
  stored_message* find(int64_t message_id);
};

/// Media kinds a simulated user can send.
bool is_media_kind(std::string_view kind);

/// True when Telegram lets that media kind carry a caption.
bool media_takes_caption(std::string_view kind);

/// True when Telegram lets that media kind be an item of an album.
bool media_groups(std::string_view kind);

} // namespace bridge::tg_sim
