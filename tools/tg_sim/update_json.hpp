// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/json_writer.hpp"
#include "tools/tg_sim/sim_model.hpp"

namespace bridge::tg_sim {

/// Writes a User object.
void write_user(json::writer& w, const sim_user& u);

/// Encodes a chat's Chat object; `peer` is the user of a private chat.
std::string encode_chat(const chat_record& chat, const sim_user* peer);

/// Writes a Message object: `m` in the chat encoded as `chat_json`,
/// written by `from`.
void write_message(json::writer& w, const stored_message& m,
                   std::string_view chat_json, const sim_user& from);

/// Encodes a whole Update whose single field `kind` holds a Message.
std::string encode_message_update(int64_t update_id, std::string_view kind,
                                  const stored_message& m,
                                  const chat_record& chat,
                                  const sim_user& from);

/// Encodes a callback_query Update: `presser` pressed a button carrying
/// `data` on the bot's message `m`.
std::string encode_callback_update(int64_t update_id,
                                   std::string_view callback_id,
                                   const sim_user& presser,
                                   const stored_message& m,
                                   const chat_record& chat, const sim_user& bot,
                                   std::string_view data);

/// Encodes a Bot API success reply around an already-encoded result.
std::string ok_reply(std::string_view result);

/// Encodes a Bot API error reply, with `parameters.retry_after` on 429.
std::string error_reply(int code, std::string_view description,
                        int64_t retry_after_s = 0);

} // namespace bridge::tg_sim
