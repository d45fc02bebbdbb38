// SPDX-License-Identifier: Apache-2.0
#include "common/utf8.hpp"

namespace bridge::utf8 {

namespace {

bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

} // namespace

size_t sequence_length(std::string_view text) {
  auto b0 = static_cast<unsigned char>(text[0]);
  if (b0 < 0x80)
    return 1;
  size_t len;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0)
      lo = 0xA0; // no overlong
    else if (b0 == 0xED)
      hi = 0x9F; // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0)
      lo = 0x90;
    else if (b0 == 0xF4)
      hi = 0x8F;
  } else {
    return 0;
  }
  if (text.size() < len)
    return 0;
  auto b1 = static_cast<unsigned char>(text[1]);
  if (b1 < lo || b1 > hi)
    return 0;
  for (size_t i = 2; i < len; ++i)
    if (!is_continuation(static_cast<unsigned char>(text[i])))
      return 0;
  return len;
}

bool is_valid(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    auto n = sequence_length(text.substr(i));
    if (n == 0)
      return false;
    i += n;
  }
  return true;
}

std::string sanitize(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    auto n = sequence_length(text.substr(i));
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.data() + i, n);
      i += n;
    }
  }
  return out;
}

size_t utf16_length(std::string_view text) {
  size_t units = 0;
  size_t i = 0;
  while (i < text.size()) {
    auto n = sequence_length(text.substr(i));
    if (n == 0) {
      ++units;
      ++i;
    } else {
      units += n == 4 ? 2 : 1;
      i += n;
    }
  }
  return units;
}

size_t prefix_bytes_for_utf16(std::string_view text, size_t max_units) {
  size_t units = 0;
  size_t i = 0;
  while (i < text.size()) {
    auto n = sequence_length(text.substr(i));
    size_t step = n == 0 ? 1 : n;
    size_t u = n == 4 ? 2 : 1;
    if (units + u > max_units)
      break;
    units += u;
    i += step;
  }
  return i;
}

} // namespace bridge::utf8
