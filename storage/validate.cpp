// SPDX-License-Identifier: Apache-2.0
#include "storage/validate.hpp"

#include <cstdio>
#include <random>

#include "common/error.hpp"
#include "common/utf8.hpp"
#include "messages/storage_common.hpp"

namespace bridge::storage {

caf::error check_text(const char* field, std::string_view value,
                      size_t max_bytes) {
  if (value.size() > max_bytes) {
    return make_error(engine_errc::invalid_input,
                      std::string{field} + " is " + std::to_string(value.size())
                          + " bytes, at most " + std::to_string(max_bytes)
                          + " are stored");
  }
  if (value.find('\0') != std::string_view::npos)
    return make_error(engine_errc::invalid_input,
                      std::string{field} + " contains a NUL byte");
  if (!utf8::is_valid(value))
    return make_error(engine_errc::invalid_input,
                      std::string{field} + " is not valid UTF-8");
  return {};
}

caf::error check_limit(int64_t limit) {
  if (limit < 1 || limit > max_page_size)
    return make_error(engine_errc::invalid_input,
                      "limit " + std::to_string(limit) + " is outside [1, "
                          + std::to_string(max_page_size) + "]");
  return {};
}

caf::error check_id(const char* field, int64_t id) {
  if (id <= 0)
    return make_error(engine_errc::invalid_input,
                      std::string{field} + " must be positive, got "
                          + std::to_string(id));
  return {};
}

caf::error check_day(int64_t day) {
  auto bad = [day] {
    return make_error(engine_errc::invalid_input,
                      "day " + std::to_string(day)
                          + " is not a calendar day written yyyymmdd");
  };
  if (day < 20000101 || day > 99991231)
    return bad();
  auto y = day / 10000;
  auto m = day / 100 % 100;
  auto d = day % 100;
  if (m < 1 || m > 12 || d < 1)
    return bad();
  static constexpr int64_t days[] = {31, 28, 31, 30, 31, 30,
                                     31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  auto max_d = days[m - 1] + (m == 2 && leap ? 1 : 0);
  if (d > max_d)
    return bad();
  return {};
}

std::string truncate_utf8(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes)
    return std::string{text};
  auto cut = max_bytes;
  // Step back over continuation bytes so no sequence is split.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;
  return std::string{text.substr(0, cut)};
}

bool is_invitation_code(std::string_view text) {
  auto canonical = domain::parse_code(text);
  return canonical && *canonical == text;
}

} // namespace bridge::storage
