// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bridge::domain {

/// Invitation codes look like `BRIDGE-7K2M-9QXD`: 40 random bits written
/// as eight symbols of Crockford's base32 (no I, L, O or U, so nothing
/// reads as another symbol). Codes of the first release, `BRIDGE-NNNNN`
/// (five digits), are still read, so managers who hold one keep it until
/// they rotate it. Uniqueness is the database's job (unique index, retry
/// on collision); this only makes and reads codes.
constexpr int code_bits = 40;
constexpr int code_symbols = code_bits / 5;
constexpr std::string_view code_alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The bounds of the old five-digit codes.
constexpr int64_t min_legacy_code = 10000;
constexpr int64_t max_legacy_code = 99999;

/// Renders the low 40 bits of `bits` as a code.
std::string format_code(uint64_t bits);

/// Renders `n` (10000..99999) as an old code, `BRIDGE-NNNNN`.
std::string format_legacy_code(int64_t n);

/// 40 bits from the operating system's CSPRNG (getrandom(2), which reads
/// the kernel's ChaCha20 pool and blocks only before it was ever seeded).
/// Throws std::system_error when the kernel refuses.
uint64_t random_code_bits();

/// A new code from `random_code_bits`.
std::string new_code();

/// Reads a code typed or pasted by a person: surrounding spaces, a
/// trailing dot, any letter case, spaces, dashes or underscores between
/// the groups, and the letters Crockford reads as digits (I and L as 1,
/// O as 0) are forgiven. The `BRIDGE` prefix is required, so a word is
/// never taken for a code. Returns the canonical form (new or old), or
/// nullopt when the text is not a code.
std::optional<std::string> parse_code(std::string_view text);

/// Whether a canonical code is of the old five-digit kind.
bool is_legacy_code(std::string_view canonical);

/// What a deep link's `/start` payload holds.
enum class payload_kind : uint8_t {
  /// No payload: a plain /start.
  none,
  /// An invitation code (`code` is canonical).
  code,
  /// Something else: too long, characters Telegram never puts in a
  /// payload, or not a code.
  malformed,
};

struct start_payload {
  payload_kind kind = payload_kind::none;
  std::string code;
};

/// Reads the text after `/start`. Telegram passes a payload of at most 64
/// characters of `A-Z a-z 0-9 _ -`; anything else is refused before it
/// is read as a code.
start_payload parse_start_payload(std::string_view args);

/// The deep link a worker opens to join: `https://t.me/<bot>?start=<code>`;
/// empty when the bot's username is not known.
std::string join_link(std::string_view bot_username, std::string_view code);

} // namespace bridge::domain
