// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <random>
#include <string>
#include <string_view>

#include <caf/error.hpp>

#include "domain/invite_code.hpp"

/// Checks a request passes before it may queue for a connection, so a bad
/// value fails alone with a clear error instead of failing a whole batch.
namespace bridge::storage {

/// Byte limits of text fields.
namespace limits {
constexpr size_t payload = 1 << 20;
constexpr size_t message_text = 64 * 1024;
constexpr size_t short_text = 16 * 1024;
constexpr size_t name = 256;
constexpr size_t code = 64;
constexpr size_t reason = 1000;
} // namespace limits

/// A text bound for PostgreSQL: NUL bytes are refused (a text column
/// cannot hold one), as are malformed UTF-8 (the database is UTF8) and
/// values longer than `max_bytes`. Returns an `invalid_input` error naming
/// `field`, or an empty error.
caf::error check_text(const char* field, std::string_view value,
                      size_t max_bytes);

/// A page size in [1, max_page_size].
caf::error check_limit(int64_t limit);

/// A positive id.
caf::error check_id(const char* field, int64_t id);

/// A day written yyyymmdd that exists in the calendar (years 2000-9999).
caf::error check_day(int64_t day);

/// The longest prefix of `text` of at most `max_bytes` bytes that does not
/// split a UTF-8 sequence.
std::string truncate_utf8(std::string_view text, size_t max_bytes);

/// True for a code in its canonical form (`domain::parse_code` decides
/// what a code is; storage only refuses anything else).
bool is_invitation_code(std::string_view text);

/// A new invitation code from the operating system's CSPRNG (never from
/// the connection's seeded generator: codes are secrets).
inline std::string random_invitation_code() {
  return domain::new_code();
}

/// Returns the first error of `errs`, or an empty one.
inline caf::error first_error(std::initializer_list<caf::error> errs) {
  for (auto& e : errs)
    if (e)
      return e;
  return {};
}

} // namespace bridge::storage
