// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "messages/telegram.hpp"

namespace bridge::telegram {

/// Longest message text Telegram accepts, in UTF-16 code units.
constexpr size_t max_message_units = 4096;

/// A Bot API call ready to send: method name and JSON body.
struct api_call {
  std::string method;
  std::string body;
};

/// Encodes one outbound action as its Bot API call. `text` must already
/// fit `max_message_units`; splitting is the sender's job.
api_call encode(const outbound& out);

/// Encodes a getUpdates call per the Bot API offset rules: `offset` is one
/// past the highest update_id already stored (0 on the very first call).
api_call encode_get_updates(int64_t offset, int64_t limit, int64_t timeout_s);

/// URL of `method` for bot `token` at `base_url`. Contains the token:
/// never log it unmasked.
std::string method_url(std::string_view base_url, std::string_view token,
                       std::string_view method);

/// Splits `text` into pieces of at most `max_units` UTF-16 code units,
/// preferring paragraph breaks, then line breaks, then sentence ends, then
/// spaces, and cutting inside a word only when a word alone is too long.
/// Never splits a code point. An empty text gives no pieces.
std::vector<std::string> split_text(std::string_view text,
                                    size_t max_units = max_message_units);

/// Where one piece of a split text lies in it, in bytes: [begin, end).
struct byte_range {
  size_t begin = 0;
  size_t end = 0;
};

/// The pieces `split_text` makes, as ranges of `text` (the spaces it drops
/// between pieces lie outside every range).
std::vector<byte_range> split_ranges(std::string_view text,
                                     size_t max_units = max_message_units);

/// Classifies the answer to a send-type call (sendMessage and friends):
/// success with the new message id, 429 with its retry_after, transient
/// trouble worth retrying, a chat that is gone, or a refused call.
send_outcome classify_send(long http_status, std::string_view body,
                           std::string_view transport_error);

} // namespace bridge::telegram
