// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

/// What became of each update the intake was given: handed on, skipped
/// by kind, or refused as unreadable. Every reason is a fixed name, so the
/// counters labelled with them stay bounded whatever a body holds.
namespace bridge::telegram {

/// The three ends an update can have at the intake.
enum class update_fate : uint8_t {
  /// Decoded and passed to the engine.
  handed_on,
  /// Readable, but nothing Bridge handles: a kind it does not ask for, or
  /// a message without a sender.
  skipped,
  /// Unreadable: the reason says what was wrong with it.
  refused,
};

/// Why an update (or a body) could not be read.
enum class refuse_reason : uint8_t {
  /// Not JSON at all (garbage, an empty body, a bad literal).
  not_json,
  /// Cut off: a string, object or array left open at the end.
  truncated,
  /// Nested deeper than the parser goes (1024 levels).
  too_deep,
  /// A number that is malformed or does not fit in 64 bits (or, where an
  /// id is expected, in a signed one).
  number_out_of_range,
  /// Raw control bytes inside a string, where JSON requires escapes.
  control_bytes,
  /// A `\uD800`-`\uDFFF` escape without its other half.
  lone_surrogate,
  /// Another invalid escape in a string.
  bad_escape,
  /// Valid JSON that is no Bot API reply (no `ok`, `result` not an array,
  /// `ok: false` without an error code).
  not_a_reply,
  /// An element of `result` that is not an object.
  not_an_object,
  /// An object without a readable `update_id`.
  no_update_id,
  /// A kind Bridge handles, with fields missing or of the wrong type.
  malformed,
  /// Text, caption or callback data longer than any real message, or a
  /// body past the intake's size cap.
  oversize,
  count_
};

const char* to_string(refuse_reason r);

/// Every `refuse_reason`, in order, for announcing and testing.
std::array<refuse_reason, static_cast<size_t>(refuse_reason::count_)>
all_refuse_reasons();

/// Why a readable update was skipped: the Update kinds of the Bot API that
/// Bridge does not ask for, then "no_sender" (a message without `from`)
/// and "other" (a kind this list does not know, or none).
const std::array<std::string_view, 22>& skip_labels();

/// The skip label for an update whose kind is the key `kind`: the key
/// itself when it is a known Update kind, else "other".
const char* skip_label(std::string_view kind);

/// One element of a getUpdates result (or one webhook push) and its end.
struct element_outcome {
  /// Its update_id, 0 when none could be read.
  int64_t update_id = 0;
  update_fate fate = update_fate::handed_on;
  /// Skipped: a `skip_labels()` entry; refused: `to_string` of the reason;
  /// handed on: empty. Always a static string.
  const char* reason = "";
};

} // namespace bridge::telegram
