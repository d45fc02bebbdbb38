// SPDX-License-Identifier: Apache-2.0
#include "telegram/input_text.hpp"

namespace bridge::telegram {

namespace {

/// Bytes of a removed character starting at `s[i]`, or 0 to keep it. Only
/// lead bytes are looked at, so a valid multibyte neighbour is never cut.
size_t removed_at(std::string_view s, size_t i) {
  auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 == '\r')
    return 1;
  if (i + 1 >= s.size())
    return 0;
  auto b1 = static_cast<unsigned char>(s[i + 1]);
  // U+030A, U+0333, U+033F: combining marks that draw across lines.
  if (b0 == 0xCC && (b1 == 0x8A || b1 == 0xB3 || b1 == 0xBF))
    return 2;
  // U+2028-U+202E: line and paragraph separators, bidi embeddings.
  if (b0 == 0xE2 && b1 == 0x80 && i + 2 < s.size()) {
    auto b2 = static_cast<unsigned char>(s[i + 2]);
    if (b2 >= 0xA8 && b2 <= 0xAE)
      return 3;
  }
  return 0;
}

bool blank(std::string_view s) {
  return s.find_first_not_of(" \n") == std::string_view::npos;
}

} // namespace

bool clean_input(std::string& text) {
  bool changed = false;
  size_t out = 0;
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\n' && c != '\r') {
      text[out++] = ' ';
      changed = true;
      ++i;
      continue;
    }
    if (auto n = removed_at(text, i); n > 0) {
      changed = true;
      i += n;
      continue;
    }
    text[out++] = text[i++];
  }
  text.resize(out);
  if (!text.empty() && blank(text)) {
    text.clear();
    changed = true;
  }
  return changed;
}

std::string cleaned(std::string_view text) {
  std::string out{text};
  clean_input(out);
  return out;
}

} // namespace bridge::telegram
