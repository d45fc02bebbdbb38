// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

/// `/original`: whether a reader gets the original text folded under each
/// translation they receive. Pure: what the argument asks for, and whether
/// one copy carries the original.
namespace bridge::domain {

/// What `/original ARG` comes to before anything is stored.
enum class original_verdict : uint8_t {
  /// No argument: say the current setting and the choices.
  show,
  /// A valid mode in `original_request::mode`.
  set,
  /// Anything else: say the choices (what was typed is not echoed).
  bad,
};

struct original_request {
  original_verdict verdict = original_verdict::bad;
  /// "auto", "on" or "off" when `set`.
  std::string mode;
};

/// Longest argument looked at; anything longer is `bad` unread.
constexpr size_t max_original_arg = 16;

/// Reads the argument of `/original`: "on", "off" or "auto" in any case,
/// surrounded by whitespace or not.
original_request read_original_request(std::string_view args);

/// Whether a copy carries its original. `translated`: the text was
/// translated and reads differently from the original; `hops`: the
/// translations it went through; `fallback`: the fallback backend made
/// it because the configured one gave up. "on" always quotes a
/// translation, "off" never does, and "auto" (or an unknown mode: a record
/// from before the setting existed) quotes only those that drift most: a
/// pivot, or a fallback's rougher translation.
bool wants_original(std::string_view mode, uint32_t hops, bool translated,
                    bool fallback = false);

} // namespace bridge::domain
