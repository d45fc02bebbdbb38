// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "messages/conversation.hpp"
#include "messages/storage_intake.hpp"
#include "messages/telegram.hpp"

/// How updates and outgoing calls are kept in PostgreSQL (inbox payloads,
/// outbox markup) so they can be replayed after a crash.
namespace bridge::telegram {

/// A decoded update as a Bot API Update object: `decode_update` reads it
/// back into the same `tg_update` (received_ns aside).
std::string encode_update(const tg_update& u);

/// The note an inbox row holds (`{"bridge_note":{...}}`, written by storage
/// when a change in one chat concerns another's session), `stored`, keyed by
/// the row's id; nullopt when the row is not in the notes' id range or its
/// payload is no well-formed note (a kind unknown to this engine included).
std::optional<session_note> decode_note(std::string_view payload,
                                        int64_t row_id);

/// An inline keyboard as JSON, `[[["text","data"],...],...]`.
std::string
encode_keyboard(const std::vector<std::vector<inline_button>>& rows);

/// The keyboard `encode_keyboard` made; nullopt for anything else.
std::optional<std::vector<std::vector<inline_button>>>
decode_keyboard(std::string_view json);

/// The outbox row of an outgoing call (its input fields: dedupe key, chat,
/// kind, text, target message, markup).
outbox_record to_outbox_record(const outbound& out);

/// The kind `to_string(outbound_kind)` names; nullopt for anything else.
std::optional<outbound_kind> parse_outbound_kind(std::string_view name);

} // namespace bridge::telegram
