#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "messages/telegram.hpp"

namespace bridge::telegram {

/// Why an update was not handed to the engine. Each is counted.
enum class skip_reason : uint8_t {
  /// A kind Bridge does not ask for (channel_post, my_chat_member, ...).
  unknown_kind,
  /// Fields missing or of the wrong type.
  malformed,
  /// No `from` (anonymous admins, channel posts forwarded as messages).
  no_sender,
  /// Text or caption longer than any real Telegram message.
  oversize,
  count_
};

const char* to_string(skip_reason r);

/// A reply of the Bot API, before the `result` is looked at.
struct api_error {
  int64_t error_code = 0;
  std::string description;
  /// From `parameters.retry_after` on 429, else 0.
  int64_t retry_after_s = 0;
};

/// The outcome of decoding a getUpdates body.
struct decoded_batch {
  std::vector<tg_update> updates;
  /// Highest update_id seen, skipped ones included, so the offset moves
  /// past updates Bridge will never handle. 0 when none had an id. When
  /// the body could not be parsed at all, the ids are read off the raw
  /// text instead (see `salvage_update_ids`).
  int64_t max_update_id = 0;
  std::array<uint32_t, static_cast<size_t>(skip_reason::count_)> skipped{};
  /// Set when the whole body was unusable or the API said `ok: false`.
  std::optional<api_error> error;
  /// The body was not valid UTF-8 and was repaired (bytes -> U+FFFD).
  bool repaired_utf8 = false;
};

/// Longest text or caption accepted, in bytes. Telegram's own limit is
/// 4096 UTF-16 units (at most 16 KiB of UTF-8); anything past this cap is
/// hostile or broken.
constexpr size_t max_text_bytes = 64 * 1024;

/// Highest `"update_id": N` found by scanning `body` as text, 0 if none.
/// Used only for a body that is not parseable JSON, so that a single
/// broken update can be skipped instead of wedging the intake.
int64_t salvage_update_ids(std::string_view body);

/// Decodes the body of a getUpdates reply (simdjson DOM). Never throws.
/// `received_ns` is stamped on every update.
decoded_batch decode_updates(std::string_view body, int64_t received_ns = 0);

/// Decodes a single Update object (a webhook push body) into `batch`.
decoded_batch decode_update(std::string_view body, int64_t received_ns = 0);

/// Decodes any Bot API reply for its error (ok:false, error_code,
/// description, retry_after) and, on success, the `result.message_id`
/// when there is one. Returns nullopt for a body that is not a Bot API
/// reply at all.
struct api_reply {
  bool ok = false;
  api_error error;
  int64_t message_id = 0;
};
std::optional<api_reply> decode_reply(std::string_view body);

} // namespace bridge::telegram
