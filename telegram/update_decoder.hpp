// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "messages/telegram.hpp"
#include "telegram/update_outcome.hpp"

/// Decoding what the Bot API sends: getUpdates bodies, webhook pushes and
/// replies to calls. Every update given ends as one `element_outcome`:
/// handed on (in `updates`), skipped by kind, or refused as unreadable with
/// its reason, and its id when one can be read, so the intake can count it
/// and move past it.
///
/// Characters: every string kept (text, caption, edited text, first_name,
/// username, language_code, callback id and data) is cleaned by
/// `clean_input` (telegram/input_text.hpp), Telegram's own rule for what a
/// client may send: C0 controls other than LF and CR (NUL and TAB
/// included) become spaces, CR and U+2028-U+202E are removed, and a text
/// left blank becomes empty. So PostgreSQL, which cannot hold U+0000, gets
/// only what Telegram itself would show, and the cleaned text is what is
/// translated, stored and shown. Invalid UTF-8 is repaired first (each bad
/// byte becomes U+FFFD).
namespace bridge::telegram {

/// A reply of the Bot API, before the `result` is looked at.
struct api_error {
  int64_t error_code = 0;
  std::string description;
  /// From `parameters.retry_after` on 429, else 0; never more than
  /// `max_retry_after_s`, never negative.
  int64_t retry_after_s = 0;
};

/// Longest wait a 429 is taken at its word for: an hour. Telegram asks for
/// seconds to minutes; a larger value is a broken or hostile answer, and
/// unbounded it would overflow the milliseconds and time points it becomes.
constexpr int64_t max_retry_after_s = 3600;

/// The outcome of decoding a getUpdates body (or one webhook push).
struct decoded_batch {
  std::vector<tg_update> updates;
  /// One per element of `result`, in order: its id and its end.
  std::vector<element_outcome> elements;
  /// Highest update_id read, of refused and skipped updates too (read off
  /// a broken element's own object when the parser refused it), so the
  /// offset moves past updates Bridge will never handle. 0 when none.
  int64_t max_update_id = 0;
  /// Set when no element could be told apart (the body is no Bot API reply
  /// at all, or its `result` array cannot be found) or the API said
  /// `ok: false`.
  std::optional<api_error> error;
  /// Why the body could not be read, when `error` is set without an API
  /// error code.
  refuse_reason unreadable = refuse_reason::not_json;
  /// Invalid UTF-8 was repaired (bytes -> U+FFFD).
  bool repaired_utf8 = false;
};

/// Longest text, caption, name or callback data accepted, in bytes.
/// Telegram's own limit is 4096 UTF-16 units (at most 16 KiB of UTF-8);
/// anything past this cap is hostile or broken.
constexpr size_t max_text_bytes = 64 * 1024;

/// Decodes the body of a getUpdates reply (simdjson DOM). Never throws.
/// When the whole body does not parse, its `result` elements are cut
/// apart without parsing (`split_result`) and each is decoded alone, so a
/// broken update is refused alone and its neighbours are still handed on.
/// `received_ns` is stamped on every update.
decoded_batch decode_updates(std::string_view body, int64_t received_ns = 0);

/// Decodes a single Update object (a webhook push body, an inbox row). A
/// body that does not parse has `error` set and one refused element.
decoded_batch decode_update(std::string_view body, int64_t received_ns = 0);

/// Decodes any Bot API reply for its error (ok:false, error_code,
/// description, retry_after) and, on success, the `result.message_id`
/// when there is one (of the first element when `result` is an array,
/// as copyMessages answers). Returns nullopt for a body that is not a Bot API
/// reply at all.
struct api_reply {
  bool ok = false;
  api_error error;
  int64_t message_id = 0;
};
std::optional<api_reply> decode_reply(std::string_view body);

} // namespace bridge::telegram
