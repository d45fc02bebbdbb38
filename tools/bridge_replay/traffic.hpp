// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace bridge::replay {

/// What one line of a traffic file makes a user (or Telegram) do.
enum class line_kind : uint8_t {
  /// Registers `user` as a manager: /start, the role and language buttons,
  /// and the invitation code read from the bot's answer.
  register_manager,
  /// Registers `user` as a worker of `manager`, with that manager's code.
  register_worker,
  /// `user` writes `text` in their private chat.
  message,
  /// A manager writes to worker `to` from now on (`/switch N`).
  switch_to,
  /// `user` sends a command (`text` starts with '/').
  command,
  /// `user` presses a button with `data` on the bot's last message.
  press,
  /// `user` sends a media message (`media`: photo, voice, ...).
  media,
  /// A Bot API Update object, given a fresh update_id by tg-sim.
  update,
  /// Bytes delivered verbatim as one element of a getUpdates result.
  raw,
  /// The file's own description; the runner skips it.
  meta,
};

/// What the runner checks after a line.
enum class expectation : uint8_t {
  /// The partner receives the text translated, exactly once, in order.
  delivery,
  /// The writer may be answered; the partner receives nothing.
  reply,
  /// Nothing is checked (recorded updates, malformed input).
  none,
};

/// One parsed line. Fields a kind does not use stay empty or zero.
struct traffic_line {
  int64_t t_ms = 0;
  line_kind kind = line_kind::meta;
  expectation expect = expectation::none;
  int64_t user = 0;
  std::string name;
  std::string lang;
  /// register_worker: the manager whose code the worker sends.
  int64_t manager = 0;
  /// switch_to: the worker the manager writes to from now on.
  int64_t to = 0;
  std::string text;
  std::string data;
  std::string media;
  /// update: the Update object, minified; raw: the bytes.
  std::string payload;
};

/// Bounds that keep a hostile file from costing the runner much.
struct traffic_limits {
  size_t max_line_bytes = 1024 * 1024;
  size_t max_text_bytes = 64 * 1024;
  size_t max_lines = 20'000'000;
};

/// Outcome of parsing one line: `error` is empty on success; a blank line
/// parses to nothing (`blank`).
struct parsed_line {
  traffic_line line;
  bool blank = false;
  std::string error;
};

/// The kind's name in the file ("register_manager", "switch", ...).
const char* to_string(line_kind kind);
const char* to_string(expectation e);

/// Parses one JSON Lines record. Unknown fields are ignored so newer
/// files stay readable; unknown kinds, wrong types and broken limits are
/// errors.
parsed_line parse_line(std::string_view text,
                       const traffic_limits& limits = {});

/// Encodes `line` as one JSON object without a newline; `parse_line`
/// reads it back unchanged.
std::string encode_line(const traffic_line& line);

/// The chat a recorded Update belongs to (message, edited_message or a
/// callback query's message), or 0 when it names none.
int64_t update_chat(std::string_view update);

/// A whole traffic file, or what is wrong with it.
struct traffic {
  std::vector<traffic_line> lines;
  /// "line N: what", at most a few; the file is refused when not empty.
  std::vector<std::string> errors;
};

/// Reads every line of `in` and checks the whole: registrations before
/// use, known users, managers of workers, non-decreasing timestamps.
traffic read_traffic(std::istream& in, const traffic_limits& limits = {});

/// The cross-line checks of `read_traffic`, for traffic built in memory.
std::vector<std::string> check_traffic(const std::vector<traffic_line>& lines);

} // namespace bridge::replay
