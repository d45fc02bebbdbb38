// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "messages/telegram.hpp"

/// Copying a user's media to their partner: the caption cut to Telegram's
/// limit, the calls one copy becomes, and how the outbox keeps a copy.
namespace bridge::telegram {

/// Longest caption Telegram accepts, in UTF-16 code units.
constexpr size_t max_caption_units = 1024;

/// A caption cut to fit: `caption` within `max_caption_units`, and what
/// did not fit as message texts (each within a message's limit), in order.
struct caption_parts {
  std::string caption;
  std::vector<std::string> rest;
};

/// Cuts `text` after its last paragraph, line or word break that fits
/// the caption limit (inside a word only when a word alone is too long);
/// never splits a code point (an emoji is two units), loses nothing but
/// the whitespace at the cut.
caption_parts split_caption(std::string_view text,
                            size_t max_units = max_caption_units);

/// The Bot API calls of `out` in order: for a copy, the copy and the texts
/// that follow it; for any other call, `out` itself (a text is split by
/// the sender).
std::vector<outbound> copy_calls(const outbound& out);

/// What the outbox keeps of a copy besides its text and chat (in its
/// markup column, which a copy has no other use for): the source chat,
/// the source ids and where the text goes, as JSON.
std::string encode_copy_source(const outbound& out);

/// Fills `out`'s source fields from `encode_copy_source`'s JSON; false for
/// anything else (an unreadable row is left alone, not sent wrong).
bool decode_copy_source(std::string_view json, outbound& out);

} // namespace bridge::telegram
