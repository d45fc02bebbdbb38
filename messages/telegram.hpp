// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <caf/meta/type_name.hpp>

#include "messages/cluster.hpp"

namespace bridge {

// -- inbound ------------------------------------------------------------------

/// The Telegram user behind an update, as much of it as Bridge uses.
struct tg_user {
  int64_t id = 0;
  std::string first_name;
  std::string username;
  /// IETF tag from the client, a hint for the language choice.
  std::string language_code;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, tg_user& x) {
  return f(caf::meta::type_name("tg_user"), x.id, x.first_name, x.username,
           x.language_code);
}

/// The kinds of update Bridge asks for (`allowed_updates`).
enum class update_kind : uint8_t {
  message,
  edited_message,
  callback_query,
  /// A user confirmed a Stars payment; answered outside every chat's
  /// queue within Telegram's 10 seconds.
  pre_checkout_query,
};

const char* to_string(update_kind kind);

/// A Telegram Stars checkout (pre_checkout_query) or payment
/// (successful_payment) an update carries.
struct tg_payment {
  /// The pre_checkout_query's id; empty for a payment.
  std::string query_id;
  std::string currency;
  int64_t total_amount = 0;
  std::string payload;
  /// telegram_payment_charge_id; empty for a checkout.
  std::string charge_id;
  /// subscription_expiration_date, Unix seconds; 0 when none.
  int64_t expires_unix = 0;
  bool is_recurring = false;
  bool is_first_recurring = false;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, tg_payment& x) {
  return f(caf::meta::type_name("tg_payment"), x.query_id, x.currency,
           x.total_amount, x.payload, x.charge_id, x.expires_unix,
           x.is_recurring, x.is_first_recurring);
}

/// The media kind of a message that carries a successful_payment.
constexpr const char* successful_payment_kind = "successful_payment";

/// One decoded update. Text, caption and callback data are valid UTF-8
/// (the decoder refuses anything else).
struct tg_update {
  int64_t update_id = 0;
  update_kind kind = update_kind::message;
  int64_t chat_id = 0;
  /// The message (or, for a callback, the message its button is on).
  int64_t message_id = 0;
  tg_user from;
  std::string text;
  /// Non-text content of a message ("photo", "voice", "sticker", ...);
  /// empty for a text message.
  std::string media_kind;
  std::string caption;
  std::string callback_id;
  std::string callback_data;
  /// Unix seconds from Telegram.
  int64_t date = 0;
  /// Steady-clock nanoseconds when the front received it, for latency.
  int64_t received_ns = 0;
  /// The partition the inbox placed it in (its chat's team's); -1 before.
  int32_t partition = -1;
  /// A pre_checkout_query, or a message's successful_payment.
  tg_payment payment;
  /// Telegram's album id: the items of one album arrive as separate
  /// updates sharing it. Empty outside an album.
  std::string media_group_id = {};
  /// The message this one replies to (`reply_to_message`), or 0.
  int64_t reply_to_message_id = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, tg_update& x) {
  return f(caf::meta::type_name("tg_update"), x.update_id, x.kind, x.chat_id,
           x.message_id, x.from, x.text, x.media_kind, x.caption, x.callback_id,
           x.callback_data, x.date, x.received_ns, x.partition, x.payment,
           x.media_group_id, x.reply_to_message_id);
}

// -- outbound -----------------------------------------------------------------

/// One entry of the bot's command menu.
struct bot_command {
  /// Without the slash: "help".
  std::string command;
  std::string description;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, bot_command& x) {
  return f(caf::meta::type_name("bot_command"), x.command, x.description);
}

/// What the bot does in a chat.
enum class outbound_kind : uint8_t {
  send_message,
  edit_message,
  answer_callback,
  chat_action,
  /// setMyCommands: the command menu of one chat (`chat_id`) for one
  /// language (`language_code`).
  set_commands,
  /// copyMessage: message `source_ids[0]` of `from_chat_id`, with `text`
  /// as its caption (the part past Telegram's caption limit follows as
  /// texts), or, `caption_after`, without a caption and `text` following.
  copy_message,
  /// copyMessages: an album (`source_ids`, in order) copied as one group,
  /// its captions removed, `text` following as a message.
  copy_messages,
};

const char* to_string(outbound_kind kind);

/// One button of an inline keyboard.
struct inline_button {
  std::string text;
  std::string callback_data;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, inline_button& x) {
  return f(caf::meta::type_name("inline_button"), x.text, x.callback_data);
}

/// A formatting span of a message text (Bot API MessageEntity): offset
/// and length count UTF-16 code units, as Telegram does.
struct message_entity {
  /// "expandable_blockquote", "bold", ...
  std::string type;
  int64_t offset = 0;
  int64_t length = 0;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, message_entity& x) {
  return f(caf::meta::type_name("message_entity"), x.type, x.offset, x.length);
}

/// One Bot API call the sender makes on someone's behalf.
struct outbound {
  outbound_kind kind = outbound_kind::send_message;
  int64_t chat_id = 0;
  std::string text;
  /// edit_message: the message to edit.
  int64_t message_id = 0;
  /// answer_callback: the query to answer.
  std::string callback_id;
  /// chat_action: "typing", ...
  std::string action;
  /// Inline keyboard rows, if any.
  std::vector<std::vector<inline_button>> keyboard;
  /// Unique per logical message: the outbox refuses a second row with the
  /// same key, so a retried send never becomes a second message.
  std::string dedupe_key;
  /// Steady-clock nanoseconds of the update that caused this, or 0.
  int64_t origin_ns = 0;
  /// Its outbox row is written already (a partner's copy, stored with the
  /// message it copies): the sender does not write it again.
  bool stored = false;
  /// The writer's fencing token: the sender's outbox writes and marks for
  /// this call carry it, so they stop once the partition moved on.
  fence_token fence = {};
  /// set_commands: the menu, and the language it is for.
  std::vector<bot_command> commands = {};
  std::string language_code = {};
  /// copy_message(s): the chat the originals are in, and their ids.
  int64_t from_chat_id = 0;
  std::vector<int64_t> source_ids = {};
  /// copy_message: `text` goes as a message after the copy, not as its
  /// caption (voice and video notes: the note says they are untranslated).
  bool caption_after = false;
  /// send_message, edit_message: formatting of `text` (no parse mode, so
  /// user text needs no escaping).
  std::vector<message_entity> entities = {};
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, outbound& x) {
  return f(caf::meta::type_name("outbound"), x.kind, x.chat_id, x.text,
           x.message_id, x.callback_id, x.action, x.keyboard, x.dedupe_key,
           x.origin_ns, x.stored, x.fence, x.commands, x.language_code,
           x.from_chat_id, x.source_ids, x.caption_after, x.entities);
}

/// Whether `kind` copies a user's message (media) rather than writing one.
inline bool is_copy(outbound_kind kind) {
  return kind == outbound_kind::copy_message
         || kind == outbound_kind::copy_messages;
}

/// `out` as the writer holding `fence` sends it.
inline outbound fenced(outbound out, const fence_token& fence) {
  out.fence = fence;
  return out;
}

/// Telegram accepted an outbound call.
struct delivery {
  std::string dedupe_key;
  /// Ids of the messages Telegram created (several when the text was
  /// split); empty for calls that create none.
  std::vector<int64_t> message_ids;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, delivery& x) {
  return f(caf::meta::type_name("delivery"), x.dedupe_key, x.message_ids);
}

/// How Telegram answered one call, classified for the sender.
enum class send_status : uint8_t {
  ok,
  /// 429: wait `retry_after_s`, then send again.
  retry_after,
  /// Network trouble or 5xx: back off and send again.
  transient,
  /// 403 or "chat not found": the chat is gone; never retried.
  chat_gone,
  /// Any other 4xx: the call itself is wrong; never retried.
  rejected,
};

const char* to_string(send_status s);

struct send_outcome {
  uint64_t job_id = 0;
  send_status status = send_status::ok;
  int64_t message_id = 0;
  int64_t retry_after_s = 0;
  /// HTTP status, 0 when the transfer failed.
  int64_t http_status = 0;
  /// A transient failure after the request reached the peer: Telegram may
  /// have made the message, so a retry may be a duplicate.
  bool maybe_delivered = false;
  std::string error;
};

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, send_outcome& x) {
  return f(caf::meta::type_name("send_outcome"), x.job_id, x.status,
           x.message_id, x.retry_after_s, x.http_status, x.maybe_delivered,
           x.error);
}

} // namespace bridge
