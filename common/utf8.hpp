// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace bridge::utf8 {

/// Length in bytes of the well-formed UTF-8 sequence at the start of
/// `text`, or 0 when it is malformed (overlong, surrogate, truncated,
/// beyond U+10FFFF). `text` must not be empty.
size_t sequence_length(std::string_view text);

/// True when all of `text` is well-formed UTF-8.
bool is_valid(std::string_view text);

/// Replaces each malformed byte with U+FFFD.
std::string sanitize(std::string_view text);

/// Length of `text` in UTF-16 code units, as Telegram counts message
/// length. Malformed bytes count as one unit each (as U+FFFD would).
size_t utf16_length(std::string_view text);

/// Byte offset of the longest prefix of `text` whose UTF-16 length is at
/// most `max_units`, never splitting a code point.
size_t prefix_bytes_for_utf16(std::string_view text, size_t max_units);

} // namespace bridge::utf8
