// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

/// The characters Bridge keeps of what a user wrote, decided once at the
/// decoder so that what is translated, stored and shown is the same text.
namespace bridge::telegram {

/// Applies Telegram's own rule for the strings it accepts from a client
/// (TDLib's `clean_input_string`, which Telegram's apps and the Bot API
/// server run on every string they send): each C0 control character other
/// than LF and CR (U+0000-U+0009, U+000B, U+000C, U+000E-U+001F, so NUL and
/// TAB too) becomes a space, CR is removed, LF is kept; the line and
/// paragraph separators and the bidirectional embeddings and overrides
/// (U+2028-U+202E) and the combining marks U+030A, U+0333 and U+033F are
/// removed. DEL and every other character are kept. A string left with
/// nothing but spaces and line feeds becomes empty, as Telegram treats it.
/// `text` must be valid UTF-8 (the decoder repairs it first); the result is
/// never longer, and cleaning it again changes nothing. Returns true when
/// `text` changed.
bool clean_input(std::string& text);

/// The cleaned copy of `text` (see `clean_input`).
std::string cleaned(std::string_view text);

} // namespace bridge::telegram
